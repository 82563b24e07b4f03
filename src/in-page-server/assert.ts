/**
 * The part of `node:assert/strict` that tests of a Socket.IO server use, for a
 * browser page: the fidelity bundle and the in-page test runner swap it in
 * (there is no `assert` package here).
 * Strict, as Node's: `equal` is `Object.is`, `deepEqual` compares prototypes,
 * and the members of Sets and Maps.
 */
export class AssertionError extends Error {
  override name = 'AssertionError';
}

const show = (value: unknown): string => {
  if (value instanceof Set) return `Set ${show([...value])}`;
  if (value instanceof Map) return `Map ${show([...value])}`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};

function fail(message: string | Error = 'Failed'): never {
  throw message instanceof Error ? message : new AssertionError(message);
}

function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Date) return a.getTime() === (b as Date).getTime();
  if (a instanceof RegExp) return String(a) === String(b);
  if (a instanceof Set) {
    const others = [...(b as Set<unknown>)];
    return a.size === others.length && [...a].every((x) => others.some((y) => same(x, y)));
  }
  if (a instanceof Map) {
    const other = b as Map<unknown, unknown>;
    return a.size === other.size && [...a].every(([key, value]) => other.has(key) && same(value, other.get(key)));
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every(
    (key) => Object.hasOwn(b, key) && same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

function ok(value: unknown, message?: string | Error): asserts value {
  if (!value) fail(message ?? `expected a truthy value, got ${show(value)}`);
}

function equal<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!Object.is(actual, expected)) fail(message ?? `expected ${show(expected)}, got ${show(actual)}`);
}

function notEqual(actual: unknown, expected: unknown, message?: string | Error) {
  if (Object.is(actual, expected)) fail(message ?? `expected anything but ${show(expected)}`);
}

function notDeepEqual(actual: unknown, expected: unknown, message?: string | Error) {
  if (same(actual, expected)) fail(message ?? `expected anything but ${show(expected)}`);
}

function throws(fn: () => unknown, expected?: Expected, message?: string | Error) {
  try {
    fn();
  } catch (error) {
    if (expected instanceof RegExp && !expected.test(String(error)))
      fail(message ?? `the error ${show(String(error))} does not match ${expected}`);
    return;
  }
  fail(message ?? 'Missing expected exception.');
}

function deepEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!same(actual, expected)) fail(message ?? `expected ${show(expected)}, got ${show(actual)}`);
}

function match(text: string, pattern: RegExp, message?: string | Error) {
  if (typeof text !== 'string' || !pattern.test(text)) fail(message ?? `expected ${show(text)} to match ${pattern}`);
}

type Expected = RegExp | Record<string, unknown> | ((error: unknown) => boolean) | (new (...args: never[]) => unknown);

/** As Node's: a RegExp is tested on the error's string, an object's properties must equal the error's, a class must be its class. */
async function rejects(
  promise: Promise<unknown> | (() => Promise<unknown>),
  expected?: Expected,
  message?: string | Error,
) {
  let error: unknown;
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (caught) {
    error = caught ?? new Error('rejected without a reason');
  }
  if (error === undefined) fail(message ?? 'Missing expected rejection.');
  if (expected === undefined) return;
  if (expected instanceof RegExp) {
    if (!expected.test(String(error)))
      fail(message ?? `the rejection ${show(String(error))} does not match ${expected}`);
  } else if (typeof expected === 'function') {
    // A class the error is an instance of; otherwise (not an Error class) a validator that must answer true.
    const fits =
      (expected.prototype !== undefined && error instanceof expected) ||
      (!(expected === Error || expected.prototype instanceof Error) &&
        (expected as (e: unknown) => unknown)(error) === true);
    if (!fits) fail(message ?? `the rejection ${show(String(error))} is not the one expected`);
  } else {
    for (const [key, value] of Object.entries(expected)) {
      const got = (error as Record<string, unknown>)[key];
      const fits = value instanceof RegExp && typeof got === 'string' ? value.test(got) : same(got, value);
      if (!fits) fail(message ?? `the rejection's ${key} is ${show(got)}, not ${show(value)}`);
    }
  }
}

/** The default export is `assert` itself, as `node:assert/strict`'s is (`assert(value)` is `assert.ok`). */
const assert = Object.assign((value: unknown, message?: string | Error) => ok(value, message), {
  AssertionError,
  deepEqual,
  deepStrictEqual: deepEqual,
  equal,
  fail,
  match,
  notDeepEqual,
  notDeepStrictEqual: notDeepEqual,
  notEqual,
  notStrictEqual: notEqual,
  ok,
  rejects,
  strictEqual: equal,
  throws,
});

export default assert;
