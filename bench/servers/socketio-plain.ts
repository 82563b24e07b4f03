import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import createDebug from 'debug';
import { Server } from 'socket.io';
import { answerMemoryQuestions, type ServerMessage } from './protocol.ts';

// Socket.IO itself, with nothing of the workshop: the counter and a chat room,
// what the bench's students use, written as a learner would. Its figures are
// what the library costs; the workshop's over them are what its plumbing adds.
// `RECOVERY=1` turns on connection state recovery, as the workshop has it.
const httpServer = createServer();
const io = new Server(httpServer, process.env.RECOVERY ? { connectionStateRecovery: {} } : {});

// The counter as the sockets-intro lesson writes it (its handlers, its two emits on
// connect), so that the only difference left to the workshop is its plumbing.
const log = createDebug('workshop:sockets-intro'); // the lesson's own log, quiet by default
let count = 0;
let guests = 0;
const counter = io.of('/sockets-intro');
counter.use((socket, next) => {
  socket.data.name = `Guest ${++guests}`; // the workshop names a guest in its middleware
  next();
});
counter.on('connection', (socket) => {
  socket.on('increment', () => {
    counter.emit('number:change', ++count);
  });
  socket.on('decrement', () => {
    counter.emit('number:change', --count);
  });
  socket.on('thanks', ({ message }: { message: string }) => {
    log('%s says: %s', socket.data.name, message);
  });
  socket.on('disconnect', (reason) => {
    log('%s disconnected (%s)', socket.id, reason);
  });
  log('%s connected as %s', socket.id, socket.data.name);
  socket.emit('welcome', { message: `Welcome, ${socket.data.name}! You are connected.` });
  socket.emit('number:change', count);
});

let id = 0;
const chat = io.of('/chat');
chat.on('connection', (socket) => {
  socket.on('join', ({ name, room }: { name: string; room: string }, ack?: (answer: object) => void) => {
    socket.data = { name, room };
    socket.join(room);
    ack?.({ ok: true, history: [] });
  });
  socket.on('sendMessage', (text: string) => {
    const { name, room } = socket.data as { name?: string; room?: string };
    if (room) chat.to(room).emit('message', { id: ++id, user: name, text, at: Date.now() });
  });
});

httpServer.listen(0, '127.0.0.1', () => {
  const { port } = httpServer.address() as AddressInfo;
  process.send!({ type: 'ready', port } satisfies ServerMessage);
});
answerMemoryQuestions();
