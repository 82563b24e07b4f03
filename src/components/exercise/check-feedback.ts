import { h } from '../demo/dom.ts';
import type { Traffic } from '../demo/traffic.ts';
import { type CheckSource, codeText, type ExplainedCheck, waitingFor } from './check-explain.ts';
import { SeenLog, seenSoFar } from './check-seen.ts';

/** A check as the page carries it: its rule, and the hint the frontmatter gives it. */
export interface FeedbackCheck extends ExplainedCheck {
  hint?: string;
}

/** When a hint may show, unless the exercise says otherwise (`hintAfter` in the frontmatter). */
export const HINT_AFTER = { seconds: 60, runs: 2 };
/** Lines are written at most this often: a busy demo does not rewrite them (nor a screen reader read them) on every event. */
const RENDER_MS = 300;

interface Line {
  check: FeedbackCheck;
  box: HTMLElement;
  seen: HTMLElement;
  hint?: HTMLDetailsElement;
  said: string;
}

/**
 * Under each open check of an exercise: what it waits for (from its rule),
 * what this run has seen of the traffic it reads (a polite live region,
 * written only when its text changes), and a "Show hint" disclosure that
 * comes once the learner has tried for a while: `seconds` after the first
 * edit or Run, or from the `runs`-th Run on while the check is still open.
 */
export function checkFeedback(root: HTMLElement, checks: FeedbackCheck[], source: CheckSource) {
  const log = new SeenLog();
  const after = {
    seconds: Number(root.dataset.hintSeconds ?? HINT_AFTER.seconds),
    runs: Number(root.dataset.hintRuns ?? HINT_AFTER.runs),
  };
  const lines = new Map<string, Line>();
  for (const check of checks) {
    const item = root.querySelector<HTMLElement>(`[data-step="${CSS.escape(check.id)}"]`);
    if (!item) continue;
    const seen = h('p', { class: 'check-seen', 'aria-live': 'polite', 'aria-atomic': 'true' });
    const hint = check.hint
      ? h(
          'details',
          { class: 'check-hint', hidden: true },
          h('summary', {}, 'Show hint'),
          h('p', {}, ...codeText(check.hint)),
        )
      : undefined;
    const box = h(
      'div',
      { class: 'check-feedback' },
      h('p', { class: 'check-waiting' }, ...codeText(waitingFor(check, source))),
      seen,
      hint,
    );
    item.append(box);
    lines.set(check.id, { check, box, seen, hint, said: '' });
  }

  let scheduled = false;
  const render = () => {
    scheduled = false;
    for (const line of lines.values()) {
      const text = seenSoFar(line.check, log, source);
      if (text === line.said) continue;
      line.said = text;
      line.seen.replaceChildren(...codeText(text));
    }
  };
  const soon = () => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(render, RENDER_MS);
  };
  render();

  const offerHints = () => {
    for (const line of lines.values()) if (line.hint) line.hint.hidden = false;
  };
  let clockStarted = false;
  let runs = 0;
  const tried = () => {
    if (clockStarted) return;
    clockStarted = true;
    setTimeout(offerHints, after.seconds * 1000);
  };

  return {
    /** Traffic the checks count (the caller filters it as they do). */
    observe(traffic: Traffic) {
      log.add(traffic);
      soon();
    },
    /** What the code's page shows now. */
    page(text: string) {
      log.page = text;
      soon();
    },
    /** A test run's word on one check. */
    outcome(id: string, text: string) {
      log.outcomes.set(id, text);
      soon();
    },
    /** The learner has started trying (a first edit or Run): the hint clock starts. */
    tried,
    /** A new Run: what the last one saw is forgotten; enough runs without a tick bring the hints. */
    ran() {
      tried();
      log.reset();
      render();
      if (++runs >= after.runs) offerHints();
    },
    /** A passed check needs no more words. */
    passed(id: string) {
      lines.get(id)?.box.remove();
      lines.delete(id);
    },
  };
}
