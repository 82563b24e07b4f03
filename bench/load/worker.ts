import { parentPort } from 'node:worker_threads';
import { io, type Socket } from 'socket.io-client';
import { WebSocket } from 'ws';
import { clock } from '../stats.ts';
import { joinRoom } from './join.ts';
import { type FromWorker, roomOf, sentAtOf, speaksSocketIO, type ToWorker } from './messages.ts';

/**
 * One load worker: a share of the simulated students, each a real client of
 * the server under test, recording when each broadcast and chat line arrives.
 */
const port = parentPort!;
const say = (message: FromWorker) => port.postMessage(message);

/** Connections in flight at once while a class arrives. */
const CONCURRENCY = 25;

const sockets: Socket[] = [];
const chats: Socket[] = [];
const raws: WebSocket[] = [];
let firstStudent = 0;
// Receipts of the counter broadcast (count, arrival time) and chat latencies.
let counts: number[] = [];
let times: number[] = [];
let chatMs: number[] = [];

function onCount(count: number) {
  counts.push(count);
  times.push(clock());
}
function onChat(text: string) {
  const sentAt = sentAtOf(text);
  if (!Number.isNaN(sentAt)) chatMs.push(clock() - sentAt);
}

function connectSocketIO(url: string): Promise<number> {
  const started = clock();
  const socket = io(`${url}/sockets-intro`, { transports: ['websocket'], reconnection: false });
  sockets.push(socket);
  socket.on('number:change', onCount);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(clock() - started));
    socket.once('connect_error', reject);
  });
}

function connectRaw(url: string): Promise<number> {
  const started = clock();
  const ws = new WebSocket(url.replace(/^http/, 'ws'), { perMessageDeflate: false });
  raws.push(ws);
  ws.on('message', (data) => {
    const text = data.toString();
    if (text.startsWith('{')) onCount((JSON.parse(text) as { count: number }).count);
    else onChat(text);
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(clock() - started));
    ws.once('error', reject);
  });
}

async function connectAll(message: Extract<ToWorker, { type: 'connect' }>) {
  firstStudent = message.first;
  const connectMs: number[] = [];
  let next = 0;
  const connectOne = speaksSocketIO(message.kind) ? connectSocketIO : connectRaw;
  async function lane() {
    while (next < message.count) {
      next++;
      connectMs.push(await connectOne(message.url));
      if (connectMs.length % 50 === 0) say({ type: 'progress', connected: connectMs.length });
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  say({ type: 'connected', connectMs });
}

/** Every student opens the chat on its existing connection (one more namespace) and joins its room. */
async function joinChat(prefix: string, roomSize: number) {
  // The floor has no namespaces: a student says which room it is in.
  raws.forEach((ws, i) => {
    ws.send(`join ${roomOf(prefix, firstStudent + i, roomSize)}`);
  });
  await Promise.all(
    sockets.map(async (socket, i) => {
      const chat = socket.io.socket('/chat');
      chats.push(chat);
      chat.on('message', (message: { text: string }) => onChat(message.text));
      await joinRoom(chat, `s${firstStudent + i}`, roomOf(prefix, firstStudent + i, roomSize));
    }),
  );
  say({ type: 'joined' });
}

port.on('message', async (message: ToWorker) => {
  try {
    if (message.type === 'connect') await connectAll(message);
    else if (message.type === 'join-chat') await joinChat(message.room, message.roomSize);
    else if (message.type === 'collect') {
      say({ type: 'samples', counts, times, chatMs });
      counts = [];
      times = [];
      chatMs = [];
    } else if (message.type === 'close') {
      for (const socket of [...chats, ...sockets]) socket.disconnect();
      for (const ws of raws) ws.terminate();
      say({ type: 'closed' });
    }
  } catch (error) {
    say({ type: 'error', message: (error as Error).message });
  }
});
