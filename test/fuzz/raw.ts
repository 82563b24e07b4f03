import WebSocket from 'ws';

/**
 * A Socket.IO client written by hand over one WebSocket, as a hostile
 * script would speak it: Engine.IO v4 frames (`0` open, `2`/`3` ping/pong,
 * `4` message), Socket.IO packets inside (`40/nsp,{auth}` connect, `41`
 * disconnect, `42` event, `43` ack, `44` connect error, `45`/`46` binary).
 * It answers pings itself and keeps every frame the server sends.
 */

/** A Socket.IO packet the server sent, read from its frame. */
export interface ServerPacket {
  type: number;
  nsp: string;
  id?: number;
  data?: unknown;
  frame: string;
}

/** Reads `4<type>[<n>-][/nsp,][<id>][json]` as the server writes it (it only ever writes valid packets). */
export function parsePacket(frame: string): ServerPacket | undefined {
  if (frame[0] !== '4') return undefined;
  let i = 1;
  const type = Number(frame[i]);
  if (type === 5 || type === 6) {
    while (i < frame.length && frame[i] !== '-') i++;
  }
  let nsp = '/';
  if (frame[i + 1] === '/') {
    const comma = frame.indexOf(',', i + 1);
    nsp = frame.slice(i + 1, comma === -1 ? frame.length : comma);
    i = comma === -1 ? frame.length : comma;
  }
  // The id: digits as a client writes it; the server writes String(id), so a huge one reads "1e+23".
  let token = '';
  while (i + 1 < frame.length && /[0-9e+.]/.test(frame[i + 1]!)) token += frame[++i];
  const id =
    token === '' ? undefined : /^[0-9]+$/.test(token) || /^[0-9.]+e\+[0-9]+$/.test(token) ? Number(token) : Number.NaN;
  const rest = frame.slice(i + 1);
  let data: unknown;
  if (rest) {
    try {
      data = JSON.parse(rest);
    } catch {
      data = rest;
    }
  }
  return { type, nsp, ...(id !== undefined && { id }), data, frame };
}

let attackers = 0;
/** A loopback address for the next attacker: 127.1.0.1, 127.1.0.2, … (the honest clients use 127.0.x.y). */
export function nextAttackerAddress() {
  const n = attackers++ % (250 * 250 * 250);
  return `127.${1 + Math.floor(n / 62_500)}.${Math.floor(n / 250) % 250}.${1 + (n % 250)}`;
}

/** `/nsp,` as the encoder writes it before a packet's id and data (nothing for the main namespace). */
export const nspPart = (nsp: string) => (nsp === '/' ? '' : `${nsp},`);

export class RawConnection {
  readonly received: string[] = [];
  binaryReceived = 0;
  closed = false;
  closeInfo = '';
  /** Answers the server's own questions (events with an ack id), if set. */
  onServerEvent: ((packet: ServerPacket) => string | undefined) | undefined;
  /** Hears every Socket.IO packet the server sends, if set. */
  onPacket: ((packet: ServerPacket) => void) | undefined;
  private readonly ws: WebSocket;
  private readonly wakers = new Set<() => void>();

  private constructor(ws: WebSocket) {
    this.ws = ws;
    ws.on('message', (data, isBinary) => {
      if (isBinary) {
        this.binaryReceived++;
        return;
      }
      const frame = data.toString();
      if (frame === '2') {
        this.send('3');
        return;
      }
      this.received.push(frame);
      const packet = parsePacket(frame);
      if (packet) this.onPacket?.(packet);
      if (packet && packet.type === 2 && packet.id !== undefined && this.onServerEvent) {
        const answer = this.onServerEvent(packet);
        if (answer !== undefined) this.send(answer);
      }
      this.wake();
    });
    ws.on('close', (code, reason) => {
      this.closed = true;
      this.closeInfo = `closed by the server (${code}${reason.length ? ` ${reason}` : ''})`;
      this.wake();
    });
    ws.on('error', (error) => {
      this.closeInfo = `error: ${error.message}`;
    });
  }

  /**
   * Opens the WebSocket and waits for the server's Engine.IO `0{...}` open
   * packet. Each connection comes from a loopback address of its own
   * (127.1.x.y and on, `from` to choose): a stranger is not the honest
   * clients' neighbour, and per-address limits count each on its own.
   */
  static async open(
    url: string,
    { timeoutMs = 5000, from = nextAttackerAddress() }: { timeoutMs?: number; from?: string } = {},
  ): Promise<RawConnection> {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, {
      localAddress: from,
    });
    const connection = new RawConnection(ws);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        ws.terminate();
        reject(new Error(`the WebSocket did not open within ${timeoutMs} ms`));
      }, timeoutMs);
      ws.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      ws.once('open', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    const open = await connection.waitFor((frame) => frame.startsWith('0{'), timeoutMs);
    if (!open)
      throw new Error(`no Engine.IO open packet within ${timeoutMs} ms (${connection.closeInfo || 'still open'})`);
    return connection;
  }

  get isOpen() {
    return !this.closed && this.ws.readyState === WebSocket.OPEN;
  }

  /** Sends a text frame (a string) or a binary frame (bytes); nothing once closed. */
  send(frame: string | Uint8Array) {
    if (!this.isOpen) return false;
    this.ws.send(frame, { binary: typeof frame !== 'string' });
    return true;
  }

  /** The first frame received from `from` on that `test` accepts, or undefined on timeout or close. */
  async waitFor(test: (frame: string) => boolean, timeoutMs: number, from = 0): Promise<string | undefined> {
    const look = () => this.received.slice(from).find(test);
    const found = look();
    if (found !== undefined || this.closed) return found;
    return new Promise((resolve) => {
      const done = (value: string | undefined) => {
        this.wakers.delete(waker);
        clearTimeout(timer);
        resolve(value);
      };
      const waker = () => {
        const hit = look();
        if (hit !== undefined) done(hit);
        else if (this.closed) done(undefined);
      };
      const timer = setTimeout(() => done(undefined), timeoutMs);
      this.wakers.add(waker);
    });
  }

  /** The server's packets received from `from` on. */
  packets(from = 0): ServerPacket[] {
    return this.received.slice(from).flatMap((frame) => parsePacket(frame) ?? []);
  }

  /** Waits for the server to close the connection (or `timeoutMs`). */
  async waitClosed(timeoutMs: number) {
    if (this.closed) return true;
    await this.waitFor(() => false, timeoutMs);
    return this.closed;
  }

  close() {
    this.ws.close();
  }

  /** Closes the socket without a closing handshake: what a vanished client looks like. */
  terminate() {
    this.ws.terminate();
  }

  private wake() {
    for (const waker of [...this.wakers]) waker();
  }
}

/**
 * Connects `nsp` with the raw frame `40<nsp>,<authJson>` and waits for the
 * server's answer: `connected`, `refused` (with its message), or `closed`.
 */
export async function connectRaw(connection: RawConnection, nsp: string, authJson: string, timeoutMs = 3000) {
  const from = connection.received.length;
  connection.send(`40${nspPart(nsp)}${authJson}`);
  return answerToConnect(connection, nsp, from, timeoutMs);
}

export type ConnectAnswer =
  | { kind: 'connected' }
  | { kind: 'refused'; message: string }
  | { kind: 'closed' }
  | { kind: 'silent' };

/** The server's answer to a connect of `nsp` sent when `from` frames had arrived. */
export async function answerToConnect(
  connection: RawConnection,
  nsp: string,
  from: number,
  timeoutMs: number,
): Promise<ConnectAnswer> {
  const isAnswer = (frame: string) => {
    const packet = parsePacket(frame);
    return packet !== undefined && packet.nsp === nsp && (packet.type === 0 || packet.type === 4);
  };
  const frame = await connection.waitFor(isAnswer, timeoutMs, from);
  if (frame === undefined) return connection.closed ? { kind: 'closed' } : { kind: 'silent' };
  const packet = parsePacket(frame)!;
  if (packet.type === 0) return { kind: 'connected' };
  const message = (packet.data as { message?: unknown } | undefined)?.message;
  return { kind: 'refused', message: String(message) };
}
