import type { Socket } from 'socket.io-client';

// Waiting for what a client hears: plain socket.io-client, so that a test
// written with these runs on Node and, bundled, in a browser page (e2e/fidelity.spec.ts).

/** The next time `socket` receives `event`, with its arguments. */
export function nextEvent<T = unknown>(socket: Socket, event: string, timeoutMs = 2000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${event}" within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, (value: T) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

/** Resolves with everything `socket` receives for `event` during `ms`. */
export async function collect<T = unknown>(socket: Socket, event: string, ms = 150): Promise<T[]> {
  const seen: T[] = [];
  const listener = (value: T) => seen.push(value);
  socket.on(event, listener);
  await new Promise((resolve) => setTimeout(resolve, ms));
  socket.off(event, listener);
  return seen;
}

/**
 * Lets messages still in flight arrive (an ack can overtake a broadcast that
 * goes to other clients), so that what a test collects next is its own.
 */
export const settle = (ms = 80) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves when `socket` is connected; rejects with the server's refusal (`connect_error`). */
export function connected(socket: Socket) {
  return new Promise<void>((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
}

/**
 * Resolves once `condition()` holds (checked every few ms), for what a test
 * cannot hear as an event: a log line written, a count the server keeps.
 */
export async function until(condition: () => boolean, what = 'the condition', timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The next `event` on `socket` whose first argument passes `matches` (others are let by; a timeout shows the last one). */
export function nextMatching<T = unknown>(
  socket: Socket,
  event: string,
  matches: (value: T) => boolean,
  timeoutMs = 2000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    let last = '(none)';
    const listener = (value: T) => {
      last = JSON.stringify(value)?.slice(0, 300) ?? String(value);
      if (!matches(value)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(value);
    };
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no matching "${event}" within ${timeoutMs} ms (last: ${last})`));
    }, timeoutMs);
    socket.on(event, listener);
  });
}

/** The first `count` values `socket` receives for `event`, in order (fails after `timeoutMs`). */
export function nextEvents<T = unknown>(
  socket: { on: Socket['on']; off: Socket['off'] },
  event: string,
  count: number,
  timeoutMs = 3000,
): Promise<T[]> {
  const raw = socket as Socket;
  const seen: T[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      raw.off(event, listener);
      reject(new Error(`${seen.length} of ${count} "${event}" within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (value: T) => {
      if (seen.push(value) < count) return;
      clearTimeout(timer);
      raw.off(event, listener);
      resolve(seen);
    };
    raw.on(event, listener);
  });
}
