/**
 * Injected into the browser build (esbuild `inject`), so only the bundle sees these:
 * timers whose handles have unref/ref (the session-aware adapter calls
 * `setInterval(...).unref()`), and a `process` with nextTick.
 */
type Handle = { id: number; ref(): Handle; unref(): Handle; hasRef(): boolean; [Symbol.toPrimitive](): number };

const handle = (id: number): Handle => ({
  id,
  ref() {
    return this;
  },
  unref() {
    return this;
  },
  hasRef: () => true,
  [Symbol.toPrimitive]: () => id,
});
const idOf = (h: Handle | number | undefined) => (typeof h === 'object' && h !== null ? h.id : h);

const timeout = (fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) =>
  handle(globalThis.setTimeout(fn, ms, ...args) as unknown as number);
const interval = (fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) =>
  handle(globalThis.setInterval(fn, ms, ...args) as unknown as number);
const clearTimeoutShim = (h?: Handle | number) => globalThis.clearTimeout(idOf(h));
const clearIntervalShim = (h?: Handle | number) => globalThis.clearInterval(idOf(h));

const processShim = {
  env: {} as Record<string, string | undefined>,
  nextTick: (fn: (...args: unknown[]) => void, ...args: unknown[]) => queueMicrotask(() => fn(...args)),
};

export {
  clearIntervalShim as clearInterval,
  clearTimeoutShim as clearTimeout,
  interval as setInterval,
  processShim as process,
  timeout as setTimeout,
};
