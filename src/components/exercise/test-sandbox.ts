import { BUSY_LIMIT_MS } from '../../shared/sandbox.ts';
import {
  type FromTestFrame,
  TEST_SANDBOX_PAGE,
  type TestOutcome,
  type TestRun,
  type ToTestFrame,
} from '../../shared/test-sandbox.ts';

export interface TestHandlers {
  log: (level: 'log' | 'info' | 'warn' | 'error', text: string) => void;
  /** The file's tests, once it has declared them all. */
  tests: (names: string[]) => void;
  result: (index: number, outcome: TestOutcome) => void;
}

/** How a run ended: every test ran (`outcomes`), or it could not (`error`, with the code's line when known). */
export type RunEnd = { outcomes: TestOutcome[] } | { error: string; line?: number };

/** The longest a test file may take to declare its tests (its top level, before any test runs). */
const DECLARE_LIMIT_MS = 10_000;
const cut = (value: unknown, length: number) => String(value).slice(0, length);

/**
 * The lesson page's side of a test run: a fresh sandboxed frame in which the
 * learner's test file runs against `run.server`, both on the real socket.io
 * (server and client) in that frame. Resolves when every test has ended, or
 * the run could not go on; `stop()` ends it at once. Only this frame's
 * messages are heard.
 */
export function runTestSandbox(container: HTMLElement, run: TestRun, on: TestHandlers) {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.title = 'Your tests';
  frame.className = 'server-frame';
  frame.hidden = true;
  frame.src = TEST_SANDBOX_PAGE;
  let lastSign = performance.now();
  let ranAt: number | undefined;
  let names: string[] | undefined;
  const outcomes: TestOutcome[] = [];
  let finish: (end: RunEnd) => void = () => {};
  const ended = new Promise<RunEnd>((resolve) => (finish = resolve));
  const post = (message: ToTestFrame) => frame.contentWindow?.postMessage(message, '*');

  function onMessage(event: MessageEvent) {
    if (event.source !== frame.contentWindow || typeof event.data?.type !== 'string') return;
    const message = event.data as FromTestFrame;
    lastSign = performance.now();
    switch (message.type) {
      case 'ready':
        ranAt = performance.now();
        post({ type: 'run', run });
        break;
      case 'log':
        on.log(message.level, cut(message.text, 2000));
        break;
      case 'error':
        if (!names)
          stop({ error: cut(message.message, 500), line: Number.isInteger(message.line) ? message.line : undefined });
        break;
      case 'tests':
        if (names || !Array.isArray(message.names)) break;
        names = message.names.slice(0, 50).map((name) => cut(name, 200));
        on.tests(names);
        if (!names.length) stop({ outcomes });
        break;
      case 'result': {
        const { index, outcome } = message;
        if (!names || index !== outcomes.length || !outcome) break;
        const clean: TestOutcome = {
          name: names[index]!,
          ok: outcome.ok === true,
          ...(outcome.skipped === true && { skipped: true }),
          ...(outcome.error !== undefined && { error: cut(outcome.error, 600) }),
          ...(Number.isInteger(outcome.line) && { line: outcome.line }),
          ms: Number(outcome.ms) || 0,
        };
        outcomes.push(clean);
        on.result(index, clean);
        if (outcomes.length === names.length) stop({ outcomes });
        break;
      }
      case 'done':
        stop({ outcomes });
        break;
    }
  }

  // The frame runs in its own process, so a busy loop there leaves this page free to stop it.
  const watchdog = setInterval(() => {
    const now = performance.now();
    if (ranAt === undefined && now - lastSign > 10_000)
      stop({ error: 'The tests could not start: reload the page and try again.' });
    else if (ranAt !== undefined && now - lastSign > BUSY_LIMIT_MS)
      stop({
        error: `Your tests kept the page busy for ${BUSY_LIMIT_MS / 1000} seconds (an endless loop?), so they were stopped.`,
      });
    else if (ranAt !== undefined && !names && now - ranAt > DECLARE_LIMIT_MS)
      stop({
        error: `Your test file did not reach its end within ${DECLARE_LIMIT_MS / 1000} seconds: does its top level await something that never comes?`,
      });
  }, 500);

  function stop(end: RunEnd) {
    clearInterval(watchdog);
    window.removeEventListener('message', onMessage);
    frame.remove(); // with it, its servers and clients
    finish(end);
  }

  window.addEventListener('message', onMessage);
  container.append(frame);
  return { ended, stop: () => stop({ error: 'Stopped.' }) };
}
