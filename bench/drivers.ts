import { once } from 'node:events';
import { io, type Socket } from 'socket.io-client';
import { WebSocket } from 'ws';
import { joinRoom } from './load/join.ts';
import { type ServerKind, speaksSocketIO } from './load/messages.ts';

/** The bench's own clients in the main thread: one that triggers broadcasts, and the chat senders. */
export interface Driver {
  /** Bumps the shared counter once; resolves with the new count when this client has it back. */
  bump(): Promise<number>;
  /** Opens `n` senders, sender `i` in room `rooms[i % rooms.length]`; each function sends one line. */
  senders(n: number, rooms: string[]): Promise<((text: string) => void)[]>;
  close(): void;
}

/** How long the trigger waits for its count: a wait without a limit once hung a `--cluster 2` run for good. */
const COUNT_TIMEOUT_MS = 15_000;

/** `waiting`, or an error that says what did not come; `stop` takes the listener away. */
function countWithin(waiting: Promise<number>, what: string, stop: () => void): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      stop();
      reject(new Error(`The bench's trigger got no count ${what} within ${COUNT_TIMEOUT_MS / 1000} s.`));
    }, COUNT_TIMEOUT_MS);
  });
  return Promise.race([waiting, late]).finally(() => clearTimeout(timer));
}

export async function createDriver(kind: ServerKind, url: string): Promise<Driver> {
  return speaksSocketIO(kind) ? socketIODriver(url) : rawDriver(url);
}

async function socketIODriver(url: string): Promise<Driver> {
  const opened: Socket[] = [];
  const open = (namespace: string) => {
    const socket = io(`${url}${namespace}`, { transports: ['websocket'], forceNew: true, reconnection: false });
    opened.push(socket);
    return socket;
  };
  const trigger = open('/sockets-intro');
  const nextCount = (what: string) => {
    let got: (count: number) => void = () => {};
    const waiting = new Promise<number>((resolve) => {
      got = resolve;
      trigger.once('number:change', got);
    });
    return countWithin(waiting, `${what} (connected: ${trigger.connected})`, () => trigger.off('number:change', got));
  };
  await nextCount('on connecting'); // the count as it is, sent on connect
  return {
    async bump() {
      const next = nextCount('after an increment');
      trigger.emit('increment');
      return next;
    },
    async senders(n, rooms) {
      return Promise.all(
        Array.from({ length: n }, async (_, i) => {
          const chat = open('/chat');
          await joinRoom(chat, `sender${i}`, rooms[i % rooms.length]!);
          return (text: string) => void chat.emit('sendMessage', text);
        }),
      );
    },
    close: () => {
      for (const socket of opened) socket.disconnect();
    },
  };
}

async function rawDriver(url: string): Promise<Driver> {
  const opened: WebSocket[] = [];
  const open = async () => {
    const ws = new WebSocket(url.replace(/^http/, 'ws'), { perMessageDeflate: false });
    opened.push(ws);
    await once(ws, 'open');
    return ws;
  };
  const trigger = await open();
  return {
    async bump() {
      let listen: (data: Buffer) => void = () => {};
      const counted = new Promise<number>((resolve) => {
        listen = (data: Buffer) => {
          const text = data.toString();
          if (!text.startsWith('{')) return;
          trigger.off('message', listen);
          resolve((JSON.parse(text) as { count: number }).count);
        };
        trigger.on('message', listen);
      });
      trigger.send('inc');
      return countWithin(counted, 'after an "inc"', () => trigger.off('message', listen));
    },
    async senders(n, rooms) {
      const sockets = await Promise.all(Array.from({ length: n }, open));
      sockets.forEach((ws, i) => {
        ws.send(`join ${rooms[i % rooms.length]}`);
      });
      return sockets.map((ws) => (text: string) => ws.send(text));
    },
    close: () => {
      for (const ws of opened) ws.terminate();
    },
  };
}
