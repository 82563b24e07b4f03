import { type ExtendedError, Socket } from 'socket.io';
import { SERVER_PROBLEM } from '../../shared/acks.ts';
import type { AnyNamespace, AnySocket } from './types.ts';

/** Where a fault happened, for the log: the namespace and what ran (`middleware`, an event name…). */
export type OnFault = (error: unknown, where: string, namespace: string) => void;

// Listeners of any shape: Socket.IO calls them with whatever the event carries.
type Listener = (...args: never[]) => unknown;

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

/** Wrong tries at a lesson's own checks (the staff room's token), counted per address by the app. */
export interface Tries {
  /** Starts a try: why this socket's address may not try now, or nothing; `leave` when the try is over. */
  enter(socket: AnySocket): Promise<{ barred?: string; leave: () => void }>;
  /** Counts a refusal; resolves when it may be sent. */
  failed(socket: AnySocket): Promise<void>;
}

export interface NamespaceGuard {
  onFault: OnFault;
  /** The plumbing's middlewares, before the lesson's (who the socket is). */
  first?: Middleware[];
  /** The plumbing's last middleware, after the lesson's (the count of sockets held). */
  last?: Middleware;
  tries?: Tries;
}

/**
 * The namespace's `use` and `on('connection')` as lesson code calls them, each
 * guarded: a middleware that throws refuses that connection with a polite
 * error, a connection listener that throws is logged, and the server goes on.
 * Set on the namespace itself, before the lesson's `register` runs.
 *
 * The namespace gets one middleware, which runs `first`, the lesson's in the
 * order it added them, then `last`, so that `last` sees only sockets that
 * every check let through. A refusal by the lesson's own middlewares counts
 * as a wrong try of its address (`tries`), and a barred address is refused
 * before they run.
 */
export function guardNamespace(nsp: AnyNamespace, { onFault, first = [], last, tries }: NamespaceGuard) {
  const lessons: Middleware[] = [];
  const series = (fns: Middleware[], socket: AnySocket, done: (error?: ExtendedError) => void) => {
    const run = (i: number): void => {
      const fn = fns[i];
      if (!fn) {
        done();
        return;
      }
      fn(socket, (error) => (error ? done(error) : run(i + 1)));
    };
    run(0);
  };
  const lessonChecks = (socket: AnySocket, done: (error?: ExtendedError) => void) => {
    if (!lessons.length) return done();
    if (!tries) return series(lessons, socket, done);
    callSafely(
      async () => {
        const attempt = await tries.enter(socket);
        if (attempt.barred) return done(new Error(attempt.barred));
        series(lessons, socket, (error) => {
          const refuse = () => {
            attempt.leave();
            done(error);
          };
          if (!error) {
            attempt.leave();
            return done();
          }
          tries.failed(socket).then(refuse, refuse);
        });
      },
      (error) => {
        onFault(error, 'counting wrong tries', nsp.name);
        done(new Error(SERVER_PROBLEM));
      },
    );
  };
  nsp.use((socket, next) =>
    series(first, socket, (error) => {
      if (error) return next(error);
      lessonChecks(socket, (error) => (error || !last ? next(error) : last(socket, next)));
    }),
  );
  nsp.use = (fn) => {
    lessons.push((socket, next) => {
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
    return on(event, (socket: AnySocket) =>
      callSafely(
        () => (listener as (socket: AnySocket) => unknown)(socket),
        (error) => onFault(error, event, nsp.name),
      ),
    );
  }) as AnyNamespace['on'];
}

/** Socket.IO's own `use` of a socket, for a socket whose `use` is the guarded one. */
export const socketUse = Socket.prototype.use as (this: AnySocket, fn: Parameters<AnySocket['use']>[0]) => AnySocket;

/**
 * A socket's `use`, guarded the same way: a packet middleware that throws
 * drops that packet (its ack, if any, hears that the server had a problem).
 * One function for every socket (`this`), set per socket by the boundary.
 */
export function guardedSocketUse(onFault: OnFault) {
  return function (this: AnySocket, fn: Parameters<AnySocket['use']>[0]) {
    return socketUse.call(this, (packet, next) => {
      const proceed = onceOnly(next);
      callSafely(
        () => fn(packet, proceed),
        (error) => {
          onFault(error, `middleware of "${String(packet[0]).slice(0, 40)}"`, this.nsp.name);
          const ack = packet.at(-1);
          if (typeof ack === 'function') ack({ ok: false, error: SERVER_PROBLEM });
          // No next(): the packet stops here.
        },
      );
    });
  } as AnySocket['use'];
}
