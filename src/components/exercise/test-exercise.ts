import type { TestOutcome } from '../../shared/test-sandbox.ts';
import { byData, h } from '../demo/dom.ts';
import { runTestSandbox } from './test-sandbox.ts';

/** How long one test (or hook) may take in the page before it fails: a wait without a timeout ends here. */
export const TEST_TIMEOUT_MS = 4000;

/** A test exercise's check, as the frontmatter declares it. */
interface TestCheck {
  id: string;
  text: string;
  when: { tests: 'pass' } | { tests: 'fail'; about: string };
}

export interface TestExerciseHandlers {
  print: (level: string, text: string) => void;
  /** What the exercise's status says. */
  state: (text: string) => void;
  /** A check passed (said once per page by the caller). */
  passed: (checkId: string) => void;
  /** What this run says about a check that has not passed (its "seen so far"). */
  seen: (checkId: string, text: string) => void;
  /** The whole run ended (every server met, or it stopped). */
  ended: () => void;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** One line of the results: the test's name, then how it went; a failure's message below, with its line. */
function resultItem(name: string, outcome?: TestOutcome) {
  const label = !outcome ? 'Running' : outcome.skipped ? 'Skipped' : outcome.ok ? 'Passed' : 'Failed';
  const kind = !outcome ? 'running' : outcome.skipped ? 'skip' : outcome.ok ? 'pass' : 'fail';
  const item = h(
    'li',
    { class: `test-result test-${kind}` },
    h('strong', { class: 'test-mark' }, `${label}:`),
    ` ${name}`,
    outcome && !outcome.skipped ? h('span', { class: 'test-ms' }, ` (${outcome.ms} ms)`) : '',
  );
  if (outcome?.error)
    item.append(
      h('pre', { class: 'test-error' }, outcome.line ? `Line ${outcome.line}: ${outcome.error}` : outcome.error),
    );
  return item;
}

/**
 * One Run of a test exercise: the learner's test file (prepared) against the
 * lesson's server, each test listed as it ends; then, if they all passed,
 * against each broken copy of the server, one after another, each listed as
 * caught (a test failed there) or not. Each server gets a fresh frame.
 */
export function runTestExercise(root: HTMLElement, code: string, on: TestExerciseHandlers) {
  const find = byData(root);
  const results = find('results');
  const brokenResults = find('broken-results');
  const server = root.dataset.server ?? '';
  const names = JSON.parse(root.dataset.names ?? '{}') as Record<string, string | number | boolean>;
  const broken = JSON.parse(root.dataset.broken ?? '[]') as { id: string; code: string }[];
  const checks = JSON.parse(root.dataset.checks ?? '[]') as TestCheck[];
  let current: { stop: () => void } | undefined;
  let stopped = false;

  results.replaceChildren();
  brokenResults.replaceChildren();

  /** The tests against one server; `show`: list each test as it ends (the lesson's server only). */
  async function against(serverCode: string, show: boolean) {
    const items: HTMLElement[] = [];
    const run = runTestSandbox(
      find('frame'),
      { server: serverCode, tests: code, names, timeoutMs: TEST_TIMEOUT_MS },
      {
        log: (level, text) => show && on.print(level, text),
        tests: (all) => {
          if (!show) return;
          for (const name of all) items.push(results.appendChild(resultItem(name)));
        },
        result: (index, outcome) => {
          const item = items[index];
          if (!show || !item) return;
          items[index] = resultItem(outcome.name, outcome);
          item.replaceWith(items[index]);
        },
      },
    );
    current = run;
    return run.ended;
  }

  async function go() {
    on.state("Running your tests against the lesson's server…");
    const end = await against(server, true);
    if (stopped) return;
    const everyCheck = (text: string) => {
      for (const check of checks) on.seen(check.id, text);
    };
    if ('error' in end) {
      on.print('error', end.line ? `Line ${end.line}: ${end.error}` : end.error);
      everyCheck('your tests could not run (see the console)');
      return on.state('Your tests could not run: see the console.');
    }
    const ran = end.outcomes.filter((o) => !o.skipped);
    const failed = ran.filter((o) => !o.ok);
    if (!ran.length) {
      everyCheck('no test ran');
      return on.state('No test ran: add one, test(name, async () => { … }), and Run again.');
    }
    if (failed.length) {
      const first = failed[0]!;
      for (const check of checks)
        on.seen(
          check.id,
          check.when.tests === 'pass'
            ? `${failed.length} of ${ran.length} failed against the lesson's server, first "${first.name}"`
            : "not tried yet: your tests must pass against the lesson's server first",
        );
      brokenResults.append(
        h('li', { class: 'exercise-idle' }, "Not tried: your tests must pass against the lesson's server first."),
      );
      return on.state(`${plural(failed.length, 'test')} of ${ran.length} failed against the lesson's server.`);
    }
    for (const check of checks) if (check.when.tests === 'pass') on.passed(check.id);
    let caught = 0;
    for (const copy of broken) {
      const check = checks.find((c) => c.id === copy.id);
      const about = check?.when.tests === 'fail' ? check.when.about : copy.id;
      on.state(`All ${ran.length} passed. Now against a broken server: ${about}…`);
      const item = brokenResults.appendChild(
        h('li', { class: 'test-result test-running' }, h('strong', { class: 'test-mark' }, 'Running:'), ` ${about}`),
      );
      const result = await against(copy.code, false);
      if (stopped) return;
      const first = 'outcomes' in result ? result.outcomes.find((o) => !o.ok) : undefined;
      const why = first
        ? `"${first.name}" failed: ${first.error ?? 'no reason given'}`
        : 'every test passed against it';
      item.replaceWith(
        h(
          'li',
          { class: `test-result ${first ? 'test-pass' : 'test-fail'}` },
          h('strong', { class: 'test-mark' }, first ? 'Caught:' : 'Not caught:'),
          ` ${about}`,
          h('pre', { class: 'test-error' }, 'error' in result ? result.error : why),
        ),
      );
      if (first) {
        caught++;
        on.passed(copy.id);
      } else on.seen(copy.id, 'error' in result ? 'your tests could not run against it' : why);
    }
    on.state(
      `All ${ran.length} passed against the lesson's server` +
        (broken.length ? `; they caught ${caught} of ${plural(broken.length, 'broken server')}.` : '.'),
    );
  }

  void go().finally(() => {
    current = undefined;
    if (!stopped) on.ended();
  });
  return {
    stop() {
      stopped = true;
      current?.stop();
    },
  };
}
