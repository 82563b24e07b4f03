import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import WebSocket from 'ws';

// ws frames text itself; `burst` needs its frame encoder, which its types do not list.
const { Sender } = createRequire(import.meta.url)('ws') as {
  Sender: { frame(data: Buffer, options: object): Buffer[] };
};

/**
 * A WebSocket that speaks Engine.IO/Socket.IO by hand, as a hostile script
 * would: it sends any frame, and hands back the frames the server sends (it
 * answers pings itself, so it stays connected).
 */
export interface RawClient {
  send(frame: string): void;
  /** Sends frames in one TCP write, so that the server reads them in one go. */
  burst(frames: string[]): void;
  /** The next frame that `match` accepts (a string test: starts with it). */
  next(match: string | ((frame: string) => boolean), timeoutMs?: number): Promise<string>;
  /** Resolves when the server closes the connection. */
  closed: Promise<void>;
  close(): void;
}

export async function rawClient(
  url: string,
  headers: Record<string, string> = {},
  localAddress?: string,
): Promise<RawClient> {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, {
    headers,
    localAddress,
  });
  const frames: string[] = [];
  const waiting = new Set<() => void>();
  ws.on('message', (data, isBinary) => {
    const frame = isBinary ? '<binary>' : data.toString();
    if (frame === '2') return ws.send('3');
    frames.push(frame);
    for (const wake of waiting) wake();
  });
  const closed = once(ws, 'close').then(() => {});
  await once(ws, 'open');
  const client: RawClient = {
    send: (frame) => ws.send(frame),
    burst(list) {
      const mask = { fin: true, rsv1: false, opcode: 1, mask: true, readOnly: false } as const;
      const bytes = list.flatMap((frame) => Sender.frame(Buffer.from(frame), { ...mask, maskKey: randomBytes(4) }));
      (ws as unknown as { _socket: { write(data: Buffer): void } })._socket.write(Buffer.concat(bytes));
    },
    next(match, timeoutMs = 2000) {
      const test = typeof match === 'string' ? (frame: string) => frame.startsWith(match) : match;
      return new Promise((resolve, reject) => {
        const look = () => {
          const at = frames.findIndex(test);
          if (at === -1) return false;
          waiting.delete(look);
          clearTimeout(timer);
          resolve(frames.splice(at, 1)[0]!);
          return true;
        };
        const timer = setTimeout(() => {
          waiting.delete(look);
          reject(
            new Error(`no frame like ${String(match)} within ${timeoutMs} ms; got ${frames.join(' | ').slice(0, 300)}`),
          );
        }, timeoutMs);
        if (!look()) waiting.add(look);
      });
    },
    closed,
    close: () => ws.close(),
  };
  await client.next('0{');
  return client;
}
