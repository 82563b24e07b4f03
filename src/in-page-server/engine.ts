import { base64id } from './stubs/base64id.ts';
import { EventEmitter } from './stubs/events.ts';
import { TRANSPORT_NAME } from './transport-name.ts';

/**
 * The server half of Engine.IO protocol 4 over MessagePorts, for a real socket.io `Server`
 * running in a page: `io.bind(engine)`, then `engine.accept(port)` for each client that
 * connects with the in-page transport (transport.ts). It does what socket.io asks of an
 * engine.io server and its sockets (socket.io/dist/client.js, socket.js): emit
 * `connection` with a conn that has id, readyState, protocol, transport, request,
 * write(), close(), and emits data/error/close.
 *
 * The wire format is the WebSocket one: one Engine.IO packet per message, a string
 * ("<type><data>") or, for binary attachments, the raw bytes.
 */

export type EngineOptions = {
  /** ms between pings; as engine.io's default. */
  pingInterval?: number;
  /** ms to wait for the pong; as engine.io's default. */
  pingTimeout?: number;
  /** The largest packet accepted (engine.io's maxHttpBufferSize); bigger ones close the connection. */
  maxPayload?: number;
};

// Engine.IO packet types (https://socket.io/docs/v4/engine-io-protocol/).
const OPEN = '0';
const CLOSE = '1';
const PING = '2';
const PONG = '3';
const MESSAGE = '4';
const NOOP = '6';

export { TRANSPORT_NAME };

export class InPageEngine extends EventEmitter {
  readonly clients = new Map<string, InPageConnection>();
  readonly opts: Required<EngineOptions>;

  constructor(options: EngineOptions = {}) {
    super();
    this.opts = { pingInterval: 25_000, pingTimeout: 20_000, maxPayload: 1_000_000, ...options };
  }

  get clientsCount(): number {
    return this.clients.size;
  }

  /** A client's end of a MessageChannel arrives: open an Engine.IO session on it. */
  accept(port: MessagePort, headers: Record<string, string> = {}): InPageConnection {
    const conn = new InPageConnection(port, this.opts, headers);
    this.clients.set(conn.id, conn);
    conn.once('close', () => this.clients.delete(conn.id));
    this.emit('connection', conn);
    return conn;
  }

  /** What `io.close()` calls. */
  close(): this {
    for (const conn of [...this.clients.values()]) conn.close();
    return this;
  }
}

type ReadyState = 'open' | 'closing' | 'closed';

export class InPageConnection extends EventEmitter {
  readonly id = base64id.generateId();
  readonly protocol = 4;
  readonly remoteAddress = 'in-page';
  readonly transport = { name: TRANSPORT_NAME, writable: true };
  readonly request: {
    headers: Record<string, string>;
    url: string;
    _query: Record<string, string>;
    connection: { encrypted: boolean };
  };
  readyState: ReadyState = 'open';
  #port: MessagePort;
  #opts: Required<EngineOptions>;
  #pingTimer: ReturnType<typeof setTimeout> | undefined;
  #pongTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(port: MessagePort, opts: Required<EngineOptions>, headers: Record<string, string>) {
    super();
    this.#port = port;
    this.#opts = opts;
    const query = { EIO: '4', transport: TRANSPORT_NAME };
    this.request = {
      headers,
      url: `/socket.io/?EIO=4&transport=${TRANSPORT_NAME}`,
      _query: query,
      connection: { encrypted: true },
    };
    port.onmessage = (event) => this.#onMessage(event.data);
    port.start();
    const handshake = { sid: this.id, upgrades: [], ...opts };
    this.#send(OPEN + JSON.stringify(handshake));
    this.#schedulePing();
  }

  /** socket.io writes one encoded packet at a time: a string, or a binary attachment. */
  write(data: string | ArrayBuffer | ArrayBufferView, _options?: unknown, callback?: () => void): this {
    if (this.readyState !== 'open') return this;
    this.#send(typeof data === 'string' ? MESSAGE + data : data);
    callback?.();
    return this;
  }

  send(data: string | ArrayBuffer | ArrayBufferView, options?: unknown, callback?: () => void): this {
    return this.write(data, options, callback);
  }

  /** The server closes the connection (a namespace disconnect of the last socket, io.close()). */
  close(): this {
    if (this.readyState !== 'open') return this;
    this.#send(CLOSE);
    this.#onClose('forced close');
    return this;
  }

  #send(data: unknown) {
    try {
      this.#port.postMessage(data);
    } catch (error) {
      // A payload that can't be cloned: the same outcome as a broken socket.
      this.emit('error', error);
      this.#onClose('transport error', error);
    }
  }

  #onMessage(data: unknown) {
    if (this.readyState !== 'open') return;
    if (typeof data !== 'string') {
      // A binary attachment (the raw bytes, as on WebSocket).
      if (data instanceof ArrayBuffer || ArrayBuffer.isView(data) || data instanceof Blob) {
        const size = data instanceof Blob ? data.size : data.byteLength;
        if (size > this.#opts.maxPayload) return this.#onClose('transport error', 'payload too large');
        this.emit('data', data);
        return;
      }
      return this.#onClose('parse error');
    }
    if (data.length > this.#opts.maxPayload) return this.#onClose('transport error', 'payload too large');
    switch (data[0]) {
      case MESSAGE:
        this.emit('data', data.slice(1));
        return;
      case PONG:
        this.#schedulePing();
        return;
      case CLOSE:
        return this.#onClose('transport close');
      case NOOP:
        return;
      default:
        return this.#onClose('parse error');
    }
  }

  /** Ping, then give the client pingTimeout to answer; the client does the mirror check. */
  #schedulePing() {
    clearTimeout(this.#pongTimer);
    clearTimeout(this.#pingTimer);
    this.#pingTimer = setTimeout(() => {
      this.#send(PING);
      this.#pongTimer = setTimeout(() => this.#onClose('ping timeout'), this.#opts.pingTimeout);
    }, this.#opts.pingInterval);
  }

  #onClose(reason: string, description?: unknown) {
    if (this.readyState === 'closed') return;
    this.readyState = 'closed';
    this.transport.writable = false;
    clearTimeout(this.#pingTimer);
    clearTimeout(this.#pongTimer);
    this.#port.onmessage = null;
    this.#port.close();
    this.emit('close', reason, description);
  }
}
