import type { FromSandbox, ToSandbox } from '../../shared/sandbox.ts';

type Listener = (...args: unknown[]) => void;

/** Events a socket says itself: the code may listen to them, not emit them. */
const RESERVED = new Set(['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener']);

/** A socket's listeners, or its Manager's: `on`, `off` (one listener, or all of an event), and `fire`. */
function createListeners() {
  const listeners = new Map<string, Set<Listener>>();
  return {
    on(event: string, listener: Listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
    },
    off(event: string, listener?: Listener) {
      if (listener) listeners.get(event)?.delete(listener);
      else listeners.delete(event);
    },
    fire: (event: string, args: unknown[]) => {
      for (const listener of listeners.get(event) ?? []) listener(...args);
    },
  };
}

/** `auth` may be an object or, as in socket.io-client, a function that passes one to its callback. */
function withAuth(auth: unknown, use: (auth?: Record<string, unknown>) => void) {
  if (typeof auth === 'function') (auth as (callback: (data: unknown) => void) => void)((data) => withAuth(data, use));
  else use(auth && typeof auth === 'object' ? { ...auth } : undefined);
}

/**
 * The frame's `io()`: sockets of the usual shape (events, acknowledgements,
 * `timeout()`, `recovered`, reconnection events), each standing for a real
 * socket that the lesson page holds. `post` sends a message to the page.
 */
export function createIo(post: (message: FromSandbox) => void) {
  /** Each socket's own handler for the page's messages about it. */
  const sockets = new Map<number, (message: ToSandbox) => void>();
  let nextSocket = 1;

  window.addEventListener('message', (event) => {
    if (event.source !== parent) return;
    const message = event.data as ToSandbox;
    if ('socket' in message) sockets.get(message.socket)?.(message);
  });

  /**
   * One socket of the code's, of the usual shape; the page holds the real one.
   * Like `io()` in socket.io-client, each call makes a new socket, and it
   * connects at once.
   */
  function createSocket(namespace: string | undefined, options: { auth?: unknown } = {}) {
    const number = nextSocket++;
    const listeners = createListeners();
    const managerListeners = createListeners();
    const acks = new Map<number, Listener>();
    /** `onAny` and `onAnyOutgoing`: called with every event's name and arguments, before its own listeners. */
    const anyIn = new Set<Listener>();
    const anyOut = new Set<Listener>();
    let nextAck = 1;
    /** Until the page knows of this socket (an `auth` function may answer later), what it sends waits here. */
    let waiting: FromSandbox[] | undefined = [];
    const send = (message: FromSandbox) => (waiting ? waiting.push(message) : post(message));
    /** The server asked for an acknowledgement: the code's handler gets a callback, as with a real socket. */
    const replyTo =
      (replyId: number) =>
      (...args: unknown[]) =>
        post({ type: 'reply', replyId, args });
    // `socket.auth` as in socket.io-client: what it holds when the socket (re)connects. Changes go to the page's socket.
    const auth =
      options.auth && typeof options.auth === 'object'
        ? new Proxy(
            { ...(options.auth as Record<string, unknown>) },
            {
              set(target, key, value) {
                Reflect.set(target, key, value);
                send({ type: 'auth', socket: number, auth: { ...target } });
                return true;
              },
            },
          )
        : options.auth;
    /** `emit`, or `volatile.emit`: the data checked, the ack kept, the rest sent to the page. */
    const sendEvent = (event: string, args: unknown[], volatile: boolean) => {
      if (RESERVED.has(event)) throw new Error(`"${event}" is a reserved event name`); // as socket.io-client says
      const ack = typeof args.at(-1) === 'function' ? (args.pop() as Listener) : undefined;
      for (const listener of [...anyOut]) listener(event, ...args);
      try {
        structuredClone(args);
      } catch {
        throw new TypeError(
          `socket.emit('${event}', …): only plain data can travel to the server, not a function or a page element.`,
        );
      }
      let ackId: number | undefined;
      if (ack) {
        ackId = nextAck++;
        acks.set(ackId, ack);
      }
      send({ type: 'emit', socket: number, event, args, ackId, ...(volatile && { volatile }) });
      return socket;
    };
    const socket = {
      id: undefined as string | undefined,
      auth,
      connected: false,
      /** True when the last connection came back with its session (connection state recovery). */
      recovered: false,
      /** The socket's Manager, in part: its reconnection events, and a way to drop the connection. */
      io: {
        on(event: string, listener: Listener) {
          managerListeners.on(event, listener);
          return socket.io;
        },
        off(event: string, listener?: Listener) {
          managerListeners.off(event, listener);
          return socket.io;
        },
        engine: {
          /** Closes the connection the way a network failure would: the Manager then reconnects. */
          close: () => send({ type: 'drop', socket: number }),
        },
      },
      on(event: string, listener: Listener) {
        listeners.on(event, listener);
        return socket;
      },
      once(event: string, listener: Listener) {
        const once = (...args: unknown[]) => {
          listeners.off(event, once);
          listener(...args);
        };
        return socket.on(event, once);
      },
      off(event: string, listener?: Listener) {
        listeners.off(event, listener);
        return socket;
      },
      onAny(listener: Listener) {
        anyIn.add(listener);
        return socket;
      },
      offAny(listener?: Listener) {
        if (listener) anyIn.delete(listener);
        else anyIn.clear();
        return socket;
      },
      onAnyOutgoing(listener: Listener) {
        anyOut.add(listener);
        return socket;
      },
      offAnyOutgoing(listener?: Listener) {
        if (listener) anyOut.delete(listener);
        else anyOut.clear();
        return socket;
      },
      emit(event: string, ...args: unknown[]) {
        return sendEvent(event, args, false);
      },
      /** As `socket.volatile`: its `emit` may be dropped when the connection is not ready. */
      get volatile() {
        return { emit: (event: string, ...args: unknown[]) => sendEvent(event, args, true) };
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
            new Promise((resolve, reject) =>
              emit(event, ...args, (error: unknown, reply: unknown) => (error ? reject(error) : resolve(reply))),
            ),
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
        listeners.fire(message.connected ? 'connect' : 'disconnect', message.connected ? [] : [message.reason]);
      } else if (message.type === 'connect_error') {
        listeners.fire('connect_error', [new Error(message.message)]);
      } else if (message.type === 'manager') {
        managerListeners.fire(message.event, message.args);
      } else if (message.type === 'event') {
        for (const listener of [...anyIn]) listener(message.event, ...message.args);
        listeners.fire(
          message.event,
          message.replyId === undefined ? message.args : [...message.args, replyTo(message.replyId)],
        );
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
  return io;
}
