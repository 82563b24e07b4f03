import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { createApp } from '../../src/server/app.ts';
const httpServer = createServer();
const mode = process.env.MODE;
if (mode === 'plain' || mode === 'recovery') {
  const io = new Server(httpServer, mode === 'recovery' ? { connectionStateRecovery: {} } : {});
  io.of('/sockets-intro').on('connection', (socket) => { socket.emit('number:change', 0); });
} else createApp(httpServer, { staticDir: 'dist', dataDir: ':memory:', maxConnectionsPerIp: 1e6 });
httpServer.listen(0, '127.0.0.1', () => {
  process.send!({ type: 'ready', port: (httpServer.address() as AddressInfo).port });
});
process.on('message', (m: { type: string }) => {
  globalThis.gc?.(); globalThis.gc?.();
  process.send!({ type: 'done', heap: process.memoryUsage().heapUsed });
});
