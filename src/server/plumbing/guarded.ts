import { Socket, type ExtendedError } from 'socket.io';
import { SERVER_PROBLEM } from '../../shared/acks.ts';
import type { AnyNamespace, AnySocket } from './types.ts';

/** Where a fault happened, for the log: the namespace and what ran (`middleware`, an event name…). */
export type OnFault = (error: unknown, where: string, namespace: string) => void;

type Listener = (...args: any[]) => unknown;

/**
 * Calls `fn`, and sends whatever it throws, now or later (a rejected promise),
 * to `fail`. Socket.IO runs middlewares and listeners from the network's
 * callbacks, where an exception or an unhandled rejection ends the process.
 */
export function callSafely(fn: () => unknown, fail: (error: unknown) => void): void {
  try {
    const result = fn();
    if (result instanceof Promise) result.catch(fail);
  } catch (error) {
    fail(error);
  }
}

/** `next` that goes through once: a middleware that calls it and then throws must not call it twice. */
function onceOnly<A extends unknown[]>(next: (...args: A) => void) {
  let called = false;
  return (...args: A) => {
    if (called) return;
    called = true;
    next(...args);
  };
}

type Middleware = Parameters<AnyNamespace['use']>[0];

/**
 * The namespace's `use` and `on('connection')` as lesson code calls them, each
 * guarded: a middleware that throws refuses that connection with a polite
 * error, a connection listener that throws is logged, and the server goes on.
 * Set on the namespace itself, before the lesson's `register` runs.
 *
 * The namespace gets one middleware, which runs the ones added here in order
 * and then `last` (the plumbing's count of sockets held), so that the count
 * sees only sockets that every check let through.
 */
export function guardNamespace(nsp: AnyNamespace, onFault: OnFault, last?: Middleware) {
  const chain: Middleware[] = [];
  nsp.use((socket, next) => {
    const all = last ? [...chain, last] : chain;
    const run = (i: number): void => {
      const fn = all[i];
      if (!fn) return next();
      fn(socket, (error) => (error ? next(error) : run(i + 1)));
    };
    run(0);
  });
  nsp.use = (fn) => {
    chain.push((socket, next) => {
      const proceed = onceOnly(next);
      callSafely(
        () => fn(socket, proceed),
        (error) => {
          onFault(error, 'middleware', nsp.name);
          proceed(new Error(SERVER_PROBLEM) as ExtendedError);
        },
      );
    });
    return nsp;
  };
  const on = nsp.on.bind(nsp) as (event: string, listener: Listener) => AnyNamespace;
  nsp.on = ((event: string, listener: Listener) => {
    if (event !== 'connection' && event !== 'connect') return on(event, listener);
    return on(event, (socket: AnySocket) => callSafely(() => listener(socket), (error) => onFault(error, event, nsp.name)));
  }) as AnyNamespace['on'];
}

/**
 * A socket's `use`, guarded the same way: a packet middleware that throws
 * drops that packet (its ack, if any, hears that the server had a problem).
 * One function for every socket (`this`), set per socket by the boundary.
 */
export function guardedSocketUse(onFault: OnFault) {
  const socketUse = Socket.prototype.use as (this: AnySocket, fn: Parameters<AnySocket['use']>[0]) => AnySocket;
  return function (this: AnySocket, fn: Parameters<AnySocket['use']>[0]) {
    const socket = this;
    return socketUse.call(socket, (packet, next) => {
      const proceed = onceOnly(next);
      callSafely(
        () => fn(packet, proceed),
        (error) => {
          onFault(error, `middleware of "${String(packet[0]).slice(0, 40)}"`, socket.nsp.name);
          const ack = packet.at(-1);
          if (typeof ack === 'function') ack({ ok: false, error: SERVER_PROBLEM });
          // No next(): the packet stops here.
        },
      );
    });
  } as AnySocket['use'];
}
