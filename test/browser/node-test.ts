/**
 * The part of `node:test` that the contract tests use (describe, test, the
 * each-test hooks), for a browser page: the fidelity bundle swaps it in. It
 * collects the tests as the file is evaluated; the page runs them one at a
 * time when asked (`names`, `run`), so that Playwright reports each by name.
 */
type Fn = () => unknown;

interface Suite {
  name: string;
  parent?: Suite;
  beforeEach: Fn[];
  afterEach: Fn[];
}

interface Case {
  name: string;
  suite: Suite;
  fn: Fn;
}

export interface Outcome {
  name: string;
  ok: boolean;
  error?: string;
  ms: number;
}

const root: Suite = { name: '', beforeEach: [], afterEach: [] };
let current = root;
const cases: Case[] = [];

/** As node:test's default timeout would be, were there one: a test that hangs fails instead. */
const TIMEOUT_MS = 15_000;

export function describe(name: string, body: () => void) {
  const suite: Suite = { name, parent: current, beforeEach: [], afterEach: [] };
  const outer = current;
  current = suite;
  try {
    body();
  } finally {
    current = outer;
  }
}

export function test(name: string, fn: Fn) {
  cases.push({ name, suite: current, fn });
}
export const it = test;

export function beforeEach(fn: Fn) {
  current.beforeEach.push(fn);
}
export function afterEach(fn: Fn) {
  current.afterEach.push(fn);
}

/** The suites from the outermost in. */
function suitesOf(suite: Suite): Suite[] {
  return suite.parent ? [...suitesOf(suite.parent), suite] : [];
}

const fullName = (c: Case) => [...suitesOf(c.suite).map((s) => s.name), c.name].join(' › ');

/** Every test's full name (its suites', then its own), in the order the file gives them. */
export function names(): string[] {
  return cases.map(fullName);
}

function withTimeout(fn: Fn, what: string): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not end within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  return Promise.race([Promise.resolve().then(fn), late]).finally(() => clearTimeout(timer));
}

const describeError = (error: unknown) =>
  error instanceof Error ? `${error.message}${error.cause ? ` (cause: ${String(error.cause)})` : ''}` : String(error);

/** Runs test `index` with its hooks, as node:test does: beforeEach from the outside in, afterEach from the inside out, even after a failure. */
export async function run(index: number): Promise<Outcome> {
  const c = cases[index];
  if (!c) throw new Error(`no test ${index}`);
  const suites = suitesOf(c.suite);
  const started = performance.now();
  const failures: string[] = [];
  try {
    for (const suite of suites) for (const hook of suite.beforeEach) await withTimeout(hook, 'beforeEach');
    await withTimeout(c.fn, 'the test');
  } catch (error) {
    failures.push(describeError(error));
  }
  for (const suite of [...suites].reverse())
    for (const hook of suite.afterEach) {
      try {
        await withTimeout(hook, 'afterEach');
      } catch (error) {
        failures.push(`afterEach: ${describeError(error)}`);
      }
    }
  return {
    name: fullName(c),
    ok: failures.length === 0,
    ...(failures.length && { error: failures.join('\n') }),
    ms: Math.round(performance.now() - started),
  };
}
