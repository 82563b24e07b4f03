import type { Socket } from 'socket.io-client';
import { nearestName } from '../../shared/nearest-name.ts';
import {
  BUSY_LIMIT_MS,
  type FromSandbox,
  MANAGER_EVENTS,
  MAX_SOCKETS_PER_RUN,
  SANDBOX_PAGE,
  type ToSandbox,
} from '../../shared/sandbox.ts';
import { connectClient } from '../demo/connect.ts';

export interface SandboxHandlers {
  log: (level: 'log' | 'info' | 'warn' | 'error', text: string) => void;
  error: (message: string, line?: number) => void;
  /** The run ended by itself: the frame would not start, or it stayed busy too long. */
  stopped: (why: string) => void;
  /** Each socket the code opens with `io()`: the page may watch it like any demo client. */
  connected?: (socket: Socket) => void;
  /** What the code's page shows, when it changes. */
  page?: (text: string) => void;
}

/** The longest event name from the frame; the server refuses unknown ones anyway. */
const MAX_EVENT_LENGTH = 100;
/** The frame grows with the code's page between these heights (px); past them, it scrolls. */
const FRAME_HEIGHT = { min: 192, max: 480 };

/** Where a run connects: the lesson (`rooms`), its namespace here (public or a class's) and the page's own auth. */
export interface RunConnection {
  lesson: string;
  namespace: string;
  auth: Record<string, string>;
  /**
   * Opens the code's sockets somewhere else than the workshop's server (the
   * playground's in-page server), whose namespaces are an app's own: `io()` is `/`.
   */
  open?: (namespace: string, auth: Record<string, unknown>) => Socket;
  /**
   * The events the lesson's server takes (from its contract): an emit of another is said in the
   * console at once, with the name it most likely meant, even when the code asks for no answer.
   */
  events?: readonly string[];
}

/** A namespace as asked on a server of the code's own: `io()` is `/`; `io('http://localhost:3000/staff')` is `/staff`. */
export function plainNamespace(asked: string | undefined): string | { refused: string } {
  if (!asked) return '/';
  if (asked.startsWith('/') && !asked.startsWith('//')) return asked.slice(0, 100);
  try {
    return new URL(asked).pathname.slice(0, 100);
  } catch {
    return { refused: `io('${asked.slice(0, 100)}'): a namespace starts with "/", as in io('/staff').` };
  }
}

/**
 * The real namespace for the one the code asked for: `io()` is the lesson's,
 * and so is `io('/rooms')`; `io('/rooms/staff')` is a namespace under it
 * (which, in class mode, lives under the class's). Others are not this lesson's.
 */
export function resolveNamespace(asked: string | undefined, connection: RunConnection): string | { refused: string } {
  const own = `/${connection.lesson}`;
  if (asked === undefined || asked === '' || asked === own) return connection.namespace;
  if (asked.startsWith(`${own}/`) && asked.length > own.length + 1)
    return connection.namespace + asked.slice(own.length);
  return { refused: `This exercise's code can reach ${own} and the namespaces under it, not ${asked.slice(0, 100)}.` };
}

/** The code's own `auth`, kept to a few short plain values; the page's (name, class key) wins over it. */
export function mergeAuth(asked: unknown, own: Record<string, string>): Record<string, unknown> {
  const kept = Object.entries(asked && typeof asked === 'object' ? asked : {})
    .filter(([key, value]) => key.length <= 50 && ['string', 'number', 'boolean'].includes(typeof value))
    .slice(0, 10)
    .map(([key, value]) => [key, typeof value === 'string' ? value.slice(0, 500) : value]);
  return { ...Object.fromEntries(kept), ...own };
}

/**
 * The lesson page's side of a run: a fresh sandboxed frame for the learner's
 * code, and a real socket for each one its `io()` makes. Only this frame's
 * messages are heard, and only messages of the expected shape are acted on.
 */
export function runInSandbox(container: HTMLElement, code: string, connection: RunConnection, on: SandboxHandlers) {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.title = "Your code's page";
  frame.src = SANDBOX_PAGE;
  const sockets = new Map<number, Socket>();
  /** The server's acknowledgement callbacks, waiting for the code's reply. */
  const replies = new Map<number, (...args: unknown[]) => void>();
  let nextReply = 1;
  const unknownSaid = new Set<string>();
  let lastSign = performance.now();
  let ready = false;
  const post = (message: ToSandbox) => frame.contentWindow?.postMessage(message, '*');

  function onMessage(event: MessageEvent) {
    if (event.source !== frame.contentWindow || typeof event.data?.type !== 'string') return;
    const message = event.data as FromSandbox;
    lastSign = performance.now();
    const socket = 'socket' in message ? sockets.get(message.socket) : undefined;
    switch (message.type) {
      case 'ready':
        ready = true;
        post({ type: 'run', code });
        break;
      case 'log':
        on.log(message.level, String(message.text).slice(0, 2000));
        break;
      case 'error':
        on.error(String(message.message).slice(0, 500), Number.isInteger(message.line) ? message.line : undefined);
        break;
      case 'page':
        on.page?.(String(message.text));
        break;
      case 'size':
        if (Number.isFinite(message.height))
          frame.style.height = `${Math.min(Math.max(message.height + 2, FRAME_HEIGHT.min), FRAME_HEIGHT.max)}px`;
        break;
      case 'open':
        open(message);
        break;
      case 'auth':
        if (socket && message.auth && typeof message.auth === 'object')
          socket.auth = mergeAuth(message.auth, connection.auth);
        break;
      case 'connect':
        socket?.connect();
        break;
      case 'disconnect':
        socket?.disconnect();
        break;
      case 'drop':
        socket?.io.engine?.close();
        break;
      case 'emit':
        if (socket) emit(socket, message);
        break;
      case 'reply':
        if (Array.isArray(message.args)) replies.get(message.replyId)?.(...message.args);
        replies.delete(message.replyId);
        break;
    }
  }

  function open({ socket: number, namespace: asked, auth }: Extract<FromSandbox, { type: 'open' }>) {
    if (!Number.isInteger(number) || sockets.has(number)) return;
    const refuse = (message: string) => {
      post({ type: 'connect_error', socket: number, message });
      on.error(message);
    };
    const given = typeof asked === 'string' ? asked : undefined;
    const namespace = connection.open ? plainNamespace(given) : resolveNamespace(given, connection);
    if (typeof namespace !== 'string') return refuse(namespace.refused);
    if (sockets.size >= MAX_SOCKETS_PER_RUN)
      return refuse(`One run may open ${MAX_SOCKETS_PER_RUN} sockets; this one was not opened.`);
    const merged = mergeAuth(auth, connection.auth);
    const opened = connection.open ? connection.open(namespace, merged) : connectClient(namespace, merged);
    sockets.set(number, opened);
    opened.on('connect', () =>
      post({ type: 'status', socket: number, connected: true, id: opened.id, recovered: opened.recovered }),
    );
    opened.on('disconnect', (reason) => post({ type: 'status', socket: number, connected: false, reason }));
    opened.on('connect_error', (error) => {
      post({ type: 'connect_error', socket: number, message: error.message });
      on.log('warn', `connect_error (${namespace}): ${error.message}`); // shown even when the code does not listen
    });
    for (const event of MANAGER_EVENTS) {
      opened.io.on(event, (...args: unknown[]) =>
        post({ type: 'manager', socket: number, event, args: args.map(cloneable) }),
      );
    }
    opened.onAny((event: string, ...args: unknown[]) => {
      // A function cannot cross to the frame: the server's callback waits here for the code's reply.
      const ack = typeof args.at(-1) === 'function' ? (args.pop() as (...reply: unknown[]) => void) : undefined;
      let replyId: number | undefined;
      if (ack) {
        replyId = nextReply++;
        replies.set(replyId, ack);
      }
      post({ type: 'event', socket: number, event, args, replyId });
    });
    on.connected?.(opened);
  }

  function emit(
    socket: Socket,
    { socket: number, event, args, ackId, volatile }: Extract<FromSandbox, { type: 'emit' }>,
  ) {
    if (typeof event !== 'string' || event.length > MAX_EVENT_LENGTH || !Array.isArray(args)) return;
    if (connection.events && !connection.events.includes(event) && !unknownSaid.has(event)) {
      unknownSaid.add(event); // once a name: a loop of them is one line
      const meant = nearestName(event, connection.events);
      on.log(
        'warn',
        `The server has no event "${event}"${meant ? `: did you mean "${meant}"?` : '.'} It refuses it, and nothing else happens.`,
      );
    }
    const sender = volatile === true ? socket.volatile : socket;
    if (typeof ackId === 'number')
      sender.emit(event, ...args, (...reply: unknown[]) => post({ type: 'ack', socket: number, ackId, args: reply }));
    else sender.emit(event, ...args);
  }

  // The frame runs in its own process here, so a busy loop there leaves this page free to stop it.
  const watchdog = setInterval(() => {
    const quiet = performance.now() - lastSign;
    if (!ready && quiet > 10_000) return stop('The sandbox did not start. Reload the page and try again.');
    if (ready && quiet > BUSY_LIMIT_MS) {
      stop(`Your code kept its page busy for ${BUSY_LIMIT_MS / 1000} seconds (an endless loop?), so it was stopped.`);
    }
  }, 500);

  function stop(why?: string) {
    clearInterval(watchdog);
    window.removeEventListener('message', onMessage);
    for (const socket of sockets.values()) socket.disconnect();
    frame.remove();
    if (why) on.stopped(why);
  }

  window.addEventListener('message', onMessage);
  container.replaceChildren(frame);
  return { stop: () => stop() };
}

/** An Error does not cross postMessage as itself: a reconnection error crosses as its message. */
const cloneable = (value: unknown) => (value instanceof Error ? value.message : value);
