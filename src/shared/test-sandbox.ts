/**
 * The messages between a lesson page and the sandboxed frame that runs a
 * learner's test file (node:test, node:assert, socket.io-client) against a
 * server on the real `socket.io` package, both in that frame. One run per
 * frame: a fresh frame for each server the tests meet (the lesson's, each
 * broken one).
 */

/** One test's end, as the page lists it. */
export interface TestOutcome {
  name: string;
  ok: boolean;
  skipped?: boolean;
  /** Why it failed: the assertion's message (or the error's), with its line in the code when known. */
  error?: string;
  line?: number;
  ms: number;
}

/** From the frame to the page. */
export type FromTestFrame =
  | { type: 'ready' }
  /** Every half second while the frame's event loop is free: silence means a busy loop. */
  | { type: 'alive' }
  | { type: 'log'; level: 'log' | 'info' | 'warn' | 'error'; text: string }
  /** The test file could not run to its end (it threw while its tests were collected): no test ran. */
  | { type: 'error'; message: string; line?: number }
  /** The file ran: these are its tests, in order. */
  | { type: 'tests'; names: string[] }
  | { type: 'result'; index: number; outcome: TestOutcome }
  /** Every test ran. */
  | { type: 'done' };

/** What the page asks of the frame. */
export interface TestRun {
  /** The server under test: code with `io` free, run by `register(io)` of the tests' `./server.js` import. */
  server: string;
  /** The learner's test file, its imports already read from the frame's globals (see `TEST_MODULES`). */
  tests: string;
  /** The lesson's own names (its `events.ts` constants), as globals of the server's code. */
  names?: Record<string, string | number | boolean>;
  /** How long one test or hook may take before it fails (ms). */
  timeoutMs: number;
}

/** From the page to the frame. */
export type ToTestFrame = { type: 'run'; run: TestRun };

/** The test frame's page (under the sandbox folder, so with the sandbox's CSP). */
export const TEST_SANDBOX_PAGE = '/sandbox/tests/';
/** Called at the end of the learner's test file: its tests are all declared. */
export const TESTS_DECLARED = '__testsDeclared';

/**
 * What a test file may import in the page, and the global that stands for
 * each: the real packages' parts (socket.io, socket.io-client), the browser's
 * own node:test and node:assert, and stand-ins for node:http and node:events
 * whose servers listen in the frame. `./server.js` is the server under test.
 */
export const TEST_MODULES: Record<string, string> = {
  'node:test': '__nodeTest',
  'node:assert/strict': '__nodeAssert',
  'node:assert': '__nodeAssert',
  'node:http': '__nodeHttp',
  'node:events': '__nodeEvents',
  'node:net': '__nodeNet',
  'socket.io': '__socketIo',
  'socket.io-client': '__socketIoClient',
  './server.js': '__lessonServer',
  './server.ts': '__lessonServer',
  './server': '__lessonServer',
};
