/**
 * The part of `node:test` that tests of a Socket.IO server use (describe,
 * test/it, before/after, beforeEach/afterEach, `{ timeout }`, skip and todo),
 * for a browser page: the fidelity bundle and the in-page test runner swap it
 * in for the real one. It collects the tests as the file is evaluated; the
 * page runs them one at a time (`names`, `run`), in order, with the hooks as
 * node:test runs them: a suite's `before` before its first test, its `after`
 * after its last, the each-hooks from the outside in (after ones inside out).
 */
type Context = { name: string; signal: AbortSignal };
type Fn = (context: Context, done?: (error?: unknown) => void) => unknown;
type Options = { timeout?: number; skip?: boolean | string; todo?: boolean | string };

interface Suite {
  name: string;
  parent?: Suite;
  before: Fn[];
  after: Fn[];
  beforeEach: Fn[];
  afterEach: Fn[];
  /** `before` ran already (or failed: then `failed` says why, and its tests fail with it). */
  started?: boolean;
  failed?: string;
}

interface Case {
  name: string;
  suite: Suite;
  fn: Fn;
  timeout?: number;
  skipped?: string;
}

export interface Outcome {
  name: string;
  ok: boolean;
  /** A test marked skip or todo: not run, and not a failure. */
  skipped?: boolean;
  error?: string;
  ms: number;
}

const newSuite = (name: string, parent?: Suite): Suite => ({
  name,
  parent,
  before: [],
  after: [],
  beforeEach: [],
  afterEach: [],
});
const root = newSuite('');
let current = root;
const cases: Case[] = [];

/** A test or hook that hangs fails after this long (node:test waits forever by default; a page should not). */
let defaultTimeout = 15_000;

/** Sets how long a test or hook without a `timeout` of its own may take. */
export function setDefaultTimeout(ms: number) {
  defaultTimeout = ms;
}

/** `(name, fn)`, `(name, options, fn)`, `(fn)`, as node:test takes them. */
function parse(args: unknown[]): { name: string; options: Options; fn?: Fn } {
  const name = typeof args[0] === 'string' ? (args.shift() as string) : '<anonymous>';
  const options = args[0] && typeof args[0] === 'object' ? (args.shift() as Options) : {};
  return { name, options, fn: typeof args[0] === 'function' ? (args[0] as Fn) : undefined };
}

const skipReason = (options: Options, fallback?: string) => (options.skip ? 'skip' : options.todo ? 'todo' : fallback);

function suite(mark: string | undefined, ...args: unknown[]) {
  const { name, options, fn } = parse(args);
  const inner = newSuite(name, current);
  const outer = current;
  current = inner;
  const before = cases.length;
  try {
    fn?.({ name, signal: new AbortController().signal });
  } finally {
    current = outer;
  }
  const reason = skipReason(options, mark);
  if (reason) for (const c of cases.slice(before)) c.skipped ??= reason;
}

function addTest(mark: string | undefined, ...args: unknown[]) {
  const { name, options, fn } = parse(args);
  cases.push({
    name,
    suite: current,
    fn: fn ?? (() => {}),
    timeout: options.timeout,
    skipped: skipReason(options, mark),
  });
}

export const describe = Object.assign((...args: unknown[]) => suite(undefined, ...args), {
  skip: (...args: unknown[]) => suite('skip', ...args),
  todo: (...args: unknown[]) => suite('todo', ...args),
  only: (...args: unknown[]) => suite(undefined, ...args),
});
export const test = Object.assign((...args: unknown[]) => addTest(undefined, ...args), {
  skip: (...args: unknown[]) => addTest('skip', ...args),
  todo: (...args: unknown[]) => addTest('todo', ...args),
  only: (...args: unknown[]) => addTest(undefined, ...args),
});
export const it = test;
export const suiteOf = describe;

const hook = (list: 'before' | 'after' | 'beforeEach' | 'afterEach') => (fn: Fn) => {
  current[list].push(fn);
};
export const before = hook('before');
export const after = hook('after');
export const beforeEach = hook('beforeEach');
export const afterEach = hook('afterEach');

/** The suites from the outermost in. */
function suitesOf(suite: Suite): Suite[] {
  return suite.parent ? [...suitesOf(suite.parent), suite] : [root];
}

const fullName = (c: Case) =>
  [
    ...suitesOf(c.suite)
      .slice(1)
      .map((s) => s.name),
    c.name,
  ].join(' › ');

/** Every test's full name (its suites', then its own), in the order the file gives them. */
export function names(): string[] {
  return cases.map(fullName);
}

/** Runs `fn` (a promise, or a `done` callback when it takes two arguments), failing it after `ms`. */
function withTimeout(fn: Fn, name: string, what: string, ms = defaultTimeout): Promise<unknown> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`${what} did not end within ${ms} ms`));
    }, ms);
  });
  const context = { name, signal: controller.signal };
  const ran =
    fn.length >= 2
      ? new Promise((resolve, reject) => {
          fn(context, (error?: unknown) => (error ? reject(error) : resolve(undefined)));
        })
      : Promise.resolve().then(() => fn(context));
  return Promise.race([ran, late]).finally(() => clearTimeout(timer));
}

const describeError = (error: unknown) =>
  error instanceof Error ? `${error.message}${error.cause ? ` (cause: ${String(error.cause)})` : ''}` : String(error);

/** The last test of `suite` (or of a suite inside it) that runs: its `after` hooks follow that one. */
const lastOf = (suite: Suite) => cases.findLast((c) => suitesOf(c.suite).includes(suite));

/** Runs test `index` with its hooks, as node:test does; `afterEach` and `after` run even after a failure. */
export async function run(index: number): Promise<Outcome> {
  return (await runTest(index)).outcome;
}

/** As `run`, and the first error itself (`cause`), for a page that shows where it was thrown. */
export async function runTest(index: number): Promise<{ outcome: Outcome; cause?: unknown }> {
  const c = cases[index];
  if (!c) throw new Error(`no test ${index}`);
  const suites = suitesOf(c.suite);
  const started = performance.now();
  const failures: string[] = [];
  let cause: unknown;
  const note = (error: unknown, where = '') => {
    cause ??= error;
    failures.push(`${where}${describeError(error)}`);
  };
  if (c.skipped) {
    await runAfters(c, suites, note);
    return { outcome: { name: fullName(c), ok: true, skipped: true, ms: 0 } };
  }
  for (const suite of suites) {
    if (suite.started) continue;
    suite.started = true;
    for (const fn of suite.before)
      try {
        await withTimeout(fn, suite.name, 'before');
      } catch (error) {
        suite.failed ??= `before: ${describeError(error)}`;
        cause ??= error;
      }
  }
  const failedBefore = suites.find((s) => s.failed)?.failed;
  if (failedBefore) failures.push(failedBefore);
  else {
    try {
      for (const suite of suites) for (const fn of suite.beforeEach) await withTimeout(fn, c.name, 'beforeEach');
      await withTimeout(c.fn, c.name, 'the test', c.timeout);
    } catch (error) {
      note(error);
    }
    for (const suite of [...suites].reverse())
      for (const fn of suite.afterEach)
        try {
          await withTimeout(fn, c.name, 'afterEach');
        } catch (error) {
          note(error, 'afterEach: ');
        }
  }
  await runAfters(c, suites, note);
  const outcome: Outcome = {
    name: fullName(c),
    ok: failures.length === 0,
    ...(failures.length && { error: failures.join('\n') }),
    ms: Math.round(performance.now() - started),
  };
  return { outcome, cause };
}

/** The `after` hooks of each suite whose last test `c` is, from the inside out. */
async function runAfters(c: Case, suites: Suite[], note: (error: unknown, where: string) => void) {
  for (const suite of [...suites].reverse()) {
    if (lastOf(suite) !== c || !suite.started) continue;
    for (const fn of suite.after)
      try {
        await withTimeout(fn, suite.name, 'after');
      } catch (error) {
        note(error, 'after: ');
      }
  }
}
