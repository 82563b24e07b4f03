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
  const nextCount = () => new Promise<number>((resolve) => trigger.once('number:change', resolve));
  await nextCount(); // the count as it is, sent on connect
  return {
    async bump() {
      const next = nextCount();
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
      const counted = new Promise<number>((resolve) => {
        const listen = (data: Buffer) => {
          const text = data.toString();
          if (!text.startsWith('{')) return;
          trigger.off('message', listen);
          resolve((JSON.parse(text) as { count: number }).count);
        };
        trigger.on('message', listen);
      });
      trigger.send('inc');
      return counted;
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
