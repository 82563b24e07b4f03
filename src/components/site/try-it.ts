import { DEMO_TRAFFIC, type Traffic } from '../demo/traffic.ts';
import { observeSteps, type StepRule } from './observe-steps.ts';
import { markDone, stepsDone } from './progress.ts';
import { tickStep } from './tick-step.ts';

/** Ticks the steps already done in this browser, then watches the demo for the others. */
export function startTryIt(box: HTMLElement) {
  const lesson = box.dataset.lesson!;
  const rules = JSON.parse(box.dataset.rules!) as (StepRule & { text: string })[];
  const status = box.querySelector<HTMLElement>('.try-it-status')!;
  const done = stepsDone(lesson);

  const tick = (id: string) => tickStep(box, id);
  done.forEach(tick);

  const watch = observeSteps(
    rules.filter((rule) => !done.has(rule.id)),
    (id) => {
      done.add(id);
      markDone(lesson, id);
      tick(id);
      const text = rules.find((rule) => rule.id === id)?.text ?? id;
      status.textContent =
        done.size >= rules.length ? `Done: ${text}. That was the last one to try here.` : `Done: ${text}.`;
    },
  );
  document.addEventListener(DEMO_TRAFFIC, (event) => watch((event as CustomEvent<Traffic>).detail));
}
