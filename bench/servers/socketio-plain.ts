import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { answerMemoryQuestions, type ServerMessage } from './protocol.ts';

// Socket.IO itself, with nothing of the workshop: what one client costs the
// library alone. `RECOVERY=1` turns on connection state recovery, as the workshop has it.
const httpServer = createServer();
const io = new Server(httpServer, process.env.RECOVERY ? { connectionStateRecovery: {} } : {});
let count = 0;
io.of('/sockets-intro').on('connection', (socket) => {
  socket.emit('number:change', count);
  socket.on('increment', () => io.of('/sockets-intro').emit('number:change', ++count));
});
httpServer.listen(0, '127.0.0.1', () => {
  const { port } = httpServer.address() as AddressInfo;
  process.send!({ type: 'ready', port } satisfies ServerMessage);
});
answerMemoryQuestions();
