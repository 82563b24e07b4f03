import * as socketIo from 'socket.io';
import * as client from 'socket.io-client';
import { InPageEngine } from './engine.ts';
import { EventEmitter } from './stubs/events.ts';
import { inPageTransport } from './transport.ts';

/**
 * What a test file of a Socket.IO server reaches for, in a page: `node:http`
 * servers that "listen" on a port of this page (each with an in-page engine
 * of its own), socket.io's `Server` bound to such a server, socket.io-client's
 * `io(url)` reaching whatever listens on that URL's port (or refused, as a
 * closed port refuses), and `once` of `node:events`. Nothing leaves the page.
 */

/** The ports listened on in this page, and what listens. */
const listening = new Map<number, FakeHttpServer>();

/** Ports the system would pick for `listen(0)`: the dynamic range, as most systems use. */
const DYNAMIC = { from: 49152, to: 65535 };
const freePort = (): number => {
  for (;;) {
    const port = DYNAMIC.from + Math.floor(Math.random() * (DYNAMIC.to - DYNAMIC.from));
    if (!listening.has(port)) return port;
  }
};

/** `http.createServer()`: listen, address, close, as a Node server, for the Socket.IO server bound to it. */
export class FakeHttpServer extends EventEmitter {
  readonly engine = new InPageEngine();
  #port: number | undefined;

  get listening() {
    return this.#port !== undefined;
  }

  /** `listen(port?, host?, callback?)`: 0 or none picks a free port; the callback runs once it listens. */
  listen(...args: unknown[]): this {
    const callback = typeof args.at(-1) === 'function' ? (args.pop() as () => void) : undefined;
    const asked = typeof args[0] === 'number' ? args[0] : Number(args[0] ?? 0);
    const port = asked || freePort();
    queueMicrotask(() => {
      if (listening.has(port)) {
        const error = Object.assign(new Error(`listen EADDRINUSE: address already in use :::${port}`), {
          code: 'EADDRINUSE',
        });
        if (this.listenerCount('error')) this.emit('error', error);
        else console.error(error.message);
        return;
      }
      listening.set(port, this);
      this.#port = port;
      this.emit('listening');
      callback?.();
    });
    return this;
  }

  address() {
    return this.#port === undefined ? null : { address: '::', family: 'IPv6', port: this.#port };
  }

  close(callback?: (error?: Error) => void): this {
    const port = this.#port;
    if (port === undefined) {
      queueMicrotask(() =>
        callback?.(Object.assign(new Error('Server is not running.'), { code: 'ERR_SERVER_NOT_RUNNING' })),
      );
      return this;
    }
    listening.delete(port);
    this.#port = undefined;
    this.engine.close();
    queueMicrotask(() => {
      this.emit('close');
      callback?.();
    });
    return this;
  }

  // What a Node server has that tests call, doing nothing here.
  closeAllConnections() {}
  unref(): this {
    return this;
  }
  ref(): this {
    return this;
  }
}

export const http = {
  createServer: () => new FakeHttpServer(),
  Server: FakeHttpServer,
};
const isHttpServer = (value: unknown): value is FakeHttpServer => value instanceof FakeHttpServer;

/** socket.io's `Server`, as a test makes it: on an HTTP server of this page, or on a port (`new Server(3000)`, `io.listen(0)`). */
export class Server extends socketIo.Server {
  constructor(where?: unknown, options?: Partial<socketIo.ServerOptions>) {
    const given = where && typeof where === 'object' && !isHttpServer(where) ? where : options;
    super({ ...(given as Partial<socketIo.ServerOptions>), serveClient: false });
    if (isHttpServer(where) || typeof where === 'number') this.attach(where);
  }
  override attach(where: unknown): this {
    const server = isHttpServer(where) ? where : new FakeHttpServer().listen(Number(where) || 0);
    // As socket.io's own attach keeps it: `io.close()` closes the HTTP server too.
    Object.assign(this, { httpServer: server });
    this.bind(server.engine as never);
    return this;
  }
  override listen(where: unknown): this {
    return this.attach(where);
  }
}

export const socketIoModule = { ...socketIo, Server, default: Server };

/** The in-page transport to whatever listens on `port`; nothing there: refused, as a closed port refuses. */
function transportTo(port: number) {
  return class extends inPageTransport(() => {
    const { port1, port2 } = new MessageChannel();
    listening.get(port)?.engine.accept(port2);
    return port1;
  }) {
    protected override doOpen() {
      if (listening.has(port)) return super.doOpen();
      setTimeout(() => this.onError('websocket error', new Error(`connect ECONNREFUSED 127.0.0.1:${port}`)));
    }
  };
}

/**
 * socket.io-client's `io(url, options)`, with its transport swapped for the
 * page's own (WebSocket-like: no long-polling, no upgrade), to the server
 * listening on the URL's port. Every other option is the test's.
 */
export function io(uri?: string | Partial<client.ManagerOptions & client.SocketOptions>, options = {}) {
  if (typeof uri === 'object') [uri, options] = [undefined, uri];
  const url = new URL(uri ?? 'http://localhost/', 'http://localhost/');
  const port = Number(url.port || (url.protocol === 'https:' || url.protocol === 'wss:' ? 443 : 80));
  return client.io(url.href, { ...options, transports: [transportTo(port)] });
}

export const socketIoClientModule = { ...client, io, connect: io, default: io };

type Emitter = {
  once(event: string, listener: (...args: unknown[]) => void): unknown;
  off?(event: string, listener: (...args: unknown[]) => void): unknown;
  removeListener?(event: string, listener: (...args: unknown[]) => void): unknown;
};

/** `events.once(emitter, name, { signal })`: the arguments of the next `name`, as an array; an aborted signal rejects. */
function once(emitter: Emitter, name: string, { signal }: { signal?: AbortSignal } = {}): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const abort = () => {
      (emitter.off ?? emitter.removeListener)?.call(emitter, name, listener);
      reject(Object.assign(new Error('The operation was aborted', { cause: signal?.reason }), { name: 'AbortError' }));
    };
    const listener = (...args: unknown[]) => {
      signal?.removeEventListener('abort', abort);
      resolve(args);
    };
    if (signal?.aborted) return abort();
    signal?.addEventListener('abort', abort, { once: true });
    emitter.once(name, listener);
  });
}

export const eventsModule = { EventEmitter, once, default: EventEmitter };
