import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { answerMemoryQuestions, type ServerMessage } from './protocol.ts';

// The floor: the least a server can do for the same scenarios. A counter
// that every "inc" bumps and broadcasts to all, and chat lines passed on to
// everyone else in the sender's room ("join <room>" says which). No acks, no
// validation, no framing of its own.
const httpServer = createServer();
const wss = new WebSocketServer({ server: httpServer, perMessageDeflate: false });
const clients = new Set<WebSocket>();
const roomOf = new Map<WebSocket, string>();
const rooms = new Map<string, Set<WebSocket>>();
let count = 0;

wss.on('connection', (ws) => {
  clients.add(ws);
  ws.on('close', () => {
    clients.delete(ws);
    const room = roomOf.get(ws);
    if (room) rooms.get(room)?.delete(ws);
    roomOf.delete(ws);
  });
  ws.on('message', (data) => {
    const text = data.toString();
    if (text === 'inc') {
      const frame = JSON.stringify({ count: ++count });
      for (const client of clients) client.send(frame);
    } else if (text.startsWith('join ')) {
      const room = text.slice(5);
      roomOf.set(ws, room);
      rooms.set(room, (rooms.get(room) ?? new Set()).add(ws));
    } else {
      const room = roomOf.get(ws);
      for (const client of room ? (rooms.get(room) ?? []) : clients) if (client !== ws) client.send(text);
    }
  });
});
httpServer.listen(0, '127.0.0.1', () => {
  const { port } = httpServer.address() as AddressInfo;
  process.send!({ type: 'ready', port } satisfies ServerMessage);
});
answerMemoryQuestions();
