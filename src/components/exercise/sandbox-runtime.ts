import type { FromSandbox, ToSandbox } from '../../shared/sandbox.ts';

/**
 * Runs inside the sandboxed frame: gives the learner's code an `io()` of the
 * usual shape whose every call goes to the page that holds the real socket,
 * reports `console` output and errors (with line numbers), and says it is
 * alive twice a second so that the page can stop a busy loop.
 */
type Listener = (...args: unknown[]) => void;

const post = (message: FromSandbox) => parent.postMessage(message, '*');
let namespace = '';

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

/** The line of the learner's code an error's stack points at (the code runs as an inline script of this page). */
function lineOf(error: unknown): { line?: number; column?: number } {
  const match = error instanceof Error ? /:(\d+):(\d+)\)?\s*$/m.exec(error.stack?.split('\n')[1] ?? '') : null;
  return match ? { line: Number(match[1]), column: Number(match[2]) } : {};
}
window.addEventListener('error', (event) => {
  event.preventDefault();
  post({ type: 'error', message: String(event.error?.message ?? event.message), line: event.lineno || undefined, column: event.colno || undefined });
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

/** The one socket of a run: `io()` called again gives the same one, as a page with one connection would. */
function createSocket() {
  const listeners = new Map<string, Set<Listener>>();
  const acks = new Map<number, Listener>();
  let nextAck = 1;
  const fire = (event: string, args: unknown[]) => listeners.get(event)?.forEach((listener) => listener(...args));
  /** The server asked for an acknowledgement: the code's handler gets a callback, as with a real socket. */
  const replyTo = (replyId: number) => (...args: unknown[]) => post({ type: 'reply', replyId, args });
  const socket = {
    id: undefined as string | undefined,
    connected: false,
    on(event: string, listener: Listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
      return socket;
    },
    off(event: string, listener?: Listener) {
      if (listener) listeners.get(event)?.delete(listener);
      else listeners.delete(event);
      return socket;
    },
    emit(event: string, ...args: unknown[]) {
      const ack = typeof args.at(-1) === 'function' ? (args.pop() as Listener) : undefined;
      let ackId: number | undefined;
      if (ack) acks.set((ackId = nextAck++), ack);
      post({ type: 'emit', event, args, ackId });
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
    disconnect() {
      post({ type: 'disconnect' });
      return socket;
    },
  };
  window.addEventListener('message', (event) => {
    if (event.source !== parent) return;
    const message = event.data as ToSandbox;
    if (message.type === 'status') {
      socket.connected = message.connected;
      socket.id = message.id;
      fire(message.connected ? 'connect' : 'disconnect', message.connected ? [] : [message.reason]);
    } else if (message.type === 'event') {
      fire(message.event, message.replyId === undefined ? message.args : [...message.args, replyTo(message.replyId)]);
    } else if (message.type === 'ack') {
      acks.get(message.ackId)?.(...message.args);
      acks.delete(message.ackId);
    }
  });
  post({ type: 'connect' });
  return socket;
}

let socket: ReturnType<typeof createSocket> | undefined;
function io(asked?: string) {
  if (asked !== undefined && asked !== namespace) console.warn(`This page's code always talks to ${namespace} (asked for ${asked}).`);
  socket ??= createSocket();
  return socket;
}
Object.assign(window, { io });

window.addEventListener('message', (event) => {
  if (event.source !== parent) return;
  const message = event.data as ToSandbox;
  if (message.type !== 'run' || namespace) return; // one run per frame
  namespace = message.namespace;
  const script = document.createElement('script');
  script.type = 'module'; // so that `await` works at the top level
  script.textContent = message.code;
  document.body.append(script);
});
post({ type: 'ready' });
