import { consoleText } from '../components/exercise/console-text.ts';
import { lineOf, whereInCode } from '../components/exercise/error-line.ts';
import { createLoopGuard } from '../components/exercise/loop-clock.ts';
import { LOOP_GUARD, LOOP_LIMIT_MS } from '../shared/sandbox.ts';
import {
  type FromTestFrame,
  TEST_MODULES,
  TEST_SANDBOX_PAGE,
  TESTS_DECLARED,
  type TestOutcome,
  type TestRun,
  type ToTestFrame,
} from '../shared/test-sandbox.ts';
import assert from './assert.ts';
import { lessonScope } from './lesson-scope.ts';
import * as nodeTest from './node-test.ts';
import { eventsModule, http, socketIoClientModule, socketIoModule } from './test-world.ts';

/**
 * Runs inside the test frame (`/sandbox/tests/`): the learner's test file,
 * with node:test, node:assert, node:http, socket.io and socket.io-client (see
 * `test-world.ts`), against the server under test, whose code the page sends:
 * the tests' `import { register } from './server.js'` gets it, as a function
 * of `io`. It runs each test in turn and tells the page each outcome.
 */
const post = (message: FromTestFrame) => parent.postMessage(message, '*');
const here = TEST_SANDBOX_PAGE;

for (const level of ['log', 'info', 'warn', 'error'] as const) {
  console[level] = (...args: unknown[]) => post({ type: 'log', level, text: args.map(consoleText).join(' ') });
}

/** The most tests one run takes: a page lists them all. */
const MAX_TESTS = 50;
let declared = false;
/** Errors thrown outside any test's own promise (in an event listener, say) while a test runs: they fail it. */
let stray: unknown[] = [];

const messageOf = (error: unknown) => (error instanceof Error ? consoleText(error) : String(error));

window.addEventListener('error', (event) => {
  event.preventDefault();
  if (declared) return void stray.push(event.error ?? event.message);
  post({ type: 'error', message: messageOf(event.error ?? event.message), line: whereInCode(event, here).line });
});
window.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  if (declared) return void stray.push(event.reason);
  post({
    type: 'error',
    message: `Unhandled rejection: ${messageOf(event.reason)}`,
    line: lineOf(event.reason, here).line,
  });
});
setInterval(() => post({ type: 'alive' }), 500);

async function runAll() {
  declared = true;
  const names = nodeTest.names().slice(0, MAX_TESTS);
  post({ type: 'tests', names });
  for (const index of names.keys()) {
    stray = [];
    const { outcome, cause } = await nodeTest.runTest(index);
    const first = stray[0];
    const result: TestOutcome = { ...outcome };
    if (first !== undefined && outcome.ok && !outcome.skipped) {
      result.ok = false;
      result.error = `Thrown outside the test's own code (in a listener?): ${messageOf(first)}`;
    }
    const line = lineOf(first ?? cause, here).line;
    if (!result.ok && line) result.line = line;
    post({ type: 'result', index, outcome: result });
  }
  post({ type: 'done' });
}

function start(run: TestRun) {
  nodeTest.setDefaultTimeout(run.timeoutMs);
  const globals: Record<string, unknown> = {
    ...lessonScope(run.names),
    [TEST_MODULES['node:test']!]: { ...nodeTest, default: nodeTest.test },
    [TEST_MODULES['node:assert']!]: { ...assert, default: assert, strict: assert },
    [TEST_MODULES['node:http']!]: { ...http, default: http },
    [TEST_MODULES['node:events']!]: eventsModule,
    [TEST_MODULES['node:net']!]: { default: {} },
    [TEST_MODULES['socket.io']!]: socketIoModule,
    [TEST_MODULES['socket.io-client']!]: socketIoClientModule,
    [LOOP_GUARD]: createLoopGuard(LOOP_LIMIT_MS),
    [TESTS_DECLARED]: () => void runAll(),
  };
  // As globals the code may shadow (`history` and the like replace the frame's own, which nothing here needs).
  for (const [name, value] of Object.entries(globals))
    Object.defineProperty(window, name, { value, configurable: true, writable: true });
  // The server under test first, as a classic script (it runs at once): `register(io)` runs its code on `io`.
  const server = document.createElement('script');
  server.textContent = `window.${TEST_MODULES['./server.js']} = { register(io) {\n${run.server}\n} };`;
  document.body.append(server);
  const tests = document.createElement('script');
  tests.type = 'module'; // so that `await` works at the top level
  tests.textContent = `${run.tests}\n;${TESTS_DECLARED}();`;
  document.body.append(tests);
}

let ran = false;
window.addEventListener('message', (event) => {
  if (event.source !== parent) return;
  const message = event.data as ToTestFrame;
  if (
    message?.type !== 'run' ||
    ran ||
    typeof message.run?.tests !== 'string' ||
    typeof message.run.server !== 'string'
  )
    return;
  ran = true; // one run per frame
  start(message.run);
});
post({ type: 'ready' });
