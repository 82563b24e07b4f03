import { LOOP_GUARD, LOOP_LIMIT_MS, SANDBOX_PAGE, type FromSandbox, type ToSandbox } from '../../shared/sandbox.ts';
import { createLoopGuard } from './loop-clock.ts';
import { createPageHelpers } from './page-helpers.ts';

/**
 * Runs inside the sandboxed frame: gives the learner's code an `io()` of the
 * usual shape whose every call goes to the page that holds the real sockets,
 * reports `console` output and errors (with line numbers), and says it is
 * alive twice a second so that the page can stop a busy loop.
 */
type Listener = (...args: unknown[]) => void;

const post = (message: FromSandbox) => parent.postMessage(message, '*');
let started = false;

function format(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

for (const level of ['log', 'info', 'warn', 'error'] as const) {
  console[level] = (...args: unknown[]) => post({ type: 'log', level, text: args.map(format).join(' ') });
}

/**
 * Where in the learner's code an error comes from: the loop guard says so
 * itself; otherwise the first frame of its stack in the code, an inline
 * script without a file (`<anonymous>:3:7`), not in this runtime, whose
 * `emit` may be the one that threw.
 */
function lineOf(error: unknown): { line?: number; column?: number } {
  if (typeof (error as { line?: unknown })?.line === 'number') return { line: (error as { line: number }).line };
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const match = new RegExp(`(?:<anonymous>|${SANDBOX_PAGE}):(\\d+):(\\d+)`).exec(stack); // Chromium, Firefox
  return match ? { line: Number(match[1]), column: Number(match[2]) } : {};
}
window.addEventListener('error', (event) => {
  event.preventDefault();
  const thrownInCode = !event.filename || event.filename.includes(SANDBOX_PAGE);
  const where = thrownInCode && typeof event.error?.line !== 'number' ? { line: event.lineno || undefined, column: event.colno || undefined } : lineOf(event.error);
  post({ type: 'error', message: String(event.error?.message ?? event.message), ...where });
});
window.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  post({ type: 'error', message: `Unhandled rejection: ${format(event.reason)}`, ...lineOf(event.reason) });
});
setInterval(() => post({ type: 'alive' }), 500);

// What the page shows, for the checks: said once per burst of changes.
let pageDue = false;
new MutationObserver(() => {
  if (pageDue) return;
  pageDue = true;
  setTimeout(() => {
    pageDue = false;
    post({ type: 'page', text: document.body.innerText.slice(0, 5000) });
  }, 100);
}).observe(document.body, { subtree: true, childList: true, characterData: true });
new ResizeObserver(() => post({ type: 'size', height: document.documentElement.scrollHeight })).observe(document.body);

/** Events a socket says itself: the code may listen to them, not emit them. */
const RESERVED = new Set(['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener']);

/** Each socket's own handler for the page's messages about it. */
const sockets = new Map<number, (message: ToSandbox) => void>();
let nextSocket = 1;

window.addEventListener('message', (event) => {
  if (event.source !== parent) return;
  const message = event.data as ToSandbox;
  if ('socket' in message) sockets.get(message.socket)?.(message);
});

/** `auth` may be an object or, as in socket.io-client, a function that passes one to its callback. */
function withAuth(auth: unknown, use: (auth?: Record<string, unknown>) => void) {
  if (typeof auth === 'function') (auth as (callback: (data: unknown) => void) => void)((data) => withAuth(data, use));
  else use(auth && typeof auth === 'object' ? { ...auth } : undefined);
}

/**
 * One socket of the code's, of the usual shape; the page holds the real one.
 * Like `io()` in socket.io-client, each call makes a new socket, and it
 * connects at once.
 */
function createSocket(namespace: string | undefined, options: { auth?: unknown } = {}) {
  const number = nextSocket++;
  const listeners = new Map<string, Set<Listener>>();
  const managerListeners = new Map<string, Set<Listener>>();
  const acks = new Map<number, Listener>();
  let nextAck = 1;
  /** Until the page knows of this socket (an `auth` function may answer later), what it sends waits here. */
  let waiting: FromSandbox[] | undefined = [];
  const send = (message: FromSandbox) => (waiting ? waiting.push(message) : post(message));
  const fire = (on: Map<string, Set<Listener>>, event: string, args: unknown[]) => on.get(event)?.forEach((listener) => listener(...args));
  const add = (on: Map<string, Set<Listener>>, event: string, listener: Listener) => {
    if (!on.has(event)) on.set(event, new Set());
    on.get(event)!.add(listener);
  };
  const remove = (on: Map<string, Set<Listener>>, event: string, listener?: Listener) => {
    if (listener) on.get(event)?.delete(listener);
    else on.delete(event);
  };
  /** The server asked for an acknowledgement: the code's handler gets a callback, as with a real socket. */
  const replyTo = (replyId: number) => (...args: unknown[]) => post({ type: 'reply', replyId, args });
  const socket = {
    id: undefined as string | undefined,
    connected: false,
    /** True when the last connection came back with its session (connection state recovery). */
    recovered: false,
    /** The socket's Manager, in part: its reconnection events, and a way to drop the connection. */
    io: {
      on(event: string, listener: Listener) {
        add(managerListeners, event, listener);
        return socket.io;
      },
      off(event: string, listener?: Listener) {
        remove(managerListeners, event, listener);
        return socket.io;
      },
      engine: {
        /** Closes the connection the way a network failure would: the Manager then reconnects. */
        close: () => send({ type: 'drop', socket: number }),
      },
    },
    on(event: string, listener: Listener) {
      add(listeners, event, listener);
      return socket;
    },
    once(event: string, listener: Listener) {
      const once = (...args: unknown[]) => {
        remove(listeners, event, once);
        listener(...args);
      };
      return socket.on(event, once);
    },
    off(event: string, listener?: Listener) {
      remove(listeners, event, listener);
      return socket;
    },
    emit(event: string, ...args: unknown[]) {
      if (RESERVED.has(event)) throw new Error(`"${event}" is a reserved event name`); // as socket.io-client says
      const ack = typeof args.at(-1) === 'function' ? (args.pop() as Listener) : undefined;
      try {
        structuredClone(args);
      } catch {
        throw new TypeError(`socket.emit('${event}', …): only plain data can travel to the server, not a function or a page element.`);
      }
      let ackId: number | undefined;
      if (ack) acks.set((ackId = nextAck++), ack);
      send({ type: 'emit', socket: number, event, args, ackId });
      return socket;
    },
    emitWithAck(event: string, ...args: unknown[]) {
      return new Promise((resolve) => socket.emit(event, ...args, resolve));
    },
    /** As `socket.timeout(ms)`: the acknowledgement gets an error first, set when no answer came in time. */
    timeout(ms: number) {
      const emit = (event: string, ...args: unknown[]) => {
        const ack = typeof args.at(-1) === 'function' ? (args.pop() as Listener) : () => {};
        let late = false;
        const timer = setTimeout(() => {
          late = true;
          ack(new Error('operation has timed out'));
        }, ms);
        socket.emit(event, ...args, (...reply: unknown[]) => {
          if (late) return;
          clearTimeout(timer);
          ack(null, ...reply);
        });
        return socket;
      };
      return {
        emit,
        emitWithAck: (event: string, ...args: unknown[]) =>
          new Promise((resolve, reject) => emit(event, ...args, (error: unknown, reply: unknown) => (error ? reject(error) : resolve(reply)))),
      };
    },
    connect() {
      send({ type: 'connect', socket: number });
      return socket;
    },
    disconnect() {
      send({ type: 'disconnect', socket: number });
      return socket;
    },
  };
  sockets.set(number, (message) => {
    if (message.type === 'status') {
      Object.assign(socket, { connected: message.connected, id: message.id, recovered: Boolean(message.recovered) });
      fire(listeners, message.connected ? 'connect' : 'disconnect', message.connected ? [] : [message.reason]);
    } else if (message.type === 'connect_error') {
      fire(listeners, 'connect_error', [new Error(message.message)]);
    } else if (message.type === 'manager') {
      fire(managerListeners, message.event, message.args);
    } else if (message.type === 'event') {
      fire(listeners, message.event, message.replyId === undefined ? message.args : [...message.args, replyTo(message.replyId)]);
    } else if (message.type === 'ack') {
      acks.get(message.ackId)?.(...message.args);
      acks.delete(message.ackId);
    }
  });
  withAuth(options.auth, (auth) => {
    post({ type: 'open', socket: number, namespace, auth });
    waiting?.forEach(post);
    waiting = undefined;
  });
  return socket;
}

/** `io()`, `io('/lesson/child')`, `io('/lesson/child', { auth })`; an options object alone is fine too. */
function io(namespace?: unknown, options?: unknown) {
  if (namespace && typeof namespace === 'object') [namespace, options] = [undefined, namespace];
  return createSocket(typeof namespace === 'string' ? namespace : undefined, (options ?? {}) as { auth?: unknown });
}
Object.assign(window, { io, page: createPageHelpers(document.querySelector('#app')!), [LOOP_GUARD]: createLoopGuard(LOOP_LIMIT_MS) });

window.addEventListener('message', (event) => {
  if (event.source !== parent) return;
  const message = event.data as ToSandbox;
  if (message.type !== 'run' || started) return; // one run per frame
  started = true;
  const script = document.createElement('script');
  script.type = 'module'; // so that `await` works at the top level
  script.textContent = message.code;
  document.body.append(script);
});
post({ type: 'ready' });
