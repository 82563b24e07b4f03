import { io, type Socket } from 'socket.io-client';
import { startBenchServer } from './servers/protocol.ts';

// `npm run bench:memory`: heap per client of plain Socket.IO, of Socket.IO with
// connection state recovery, and of the workshop, all on one namespace.
// It tells what the workshop adds from what the library costs.
const CLIENTS = 1000;
const servers: { label: string; file: string; env: Record<string, string> }[] = [
  { label: 'plain Socket.IO', file: 'socketio-plain.ts', env: {} },
  { label: 'Socket.IO with connection state recovery', file: 'socketio-plain.ts', env: { RECOVERY: '1' } },
  { label: 'the workshop', file: 'workshop.ts', env: {} },
];

for (const server of servers) {
  const child = await startBenchServer(server.file, server.env);
  const heap = async () => (await child.usage()).heapUsed;
  const before = await heap();
  const clients: Socket[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const client = io(`${child.url}/sockets-intro`, { transports: ['websocket'], forceNew: true });
    clients.push(client);
    await new Promise((resolve) => client.once('connect', () => resolve(undefined)));
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  const perClient = (await heap()) - before;
  console.log(`${server.label}: ${(perClient / CLIENTS / 1024).toFixed(2)} KB of heap per client`);
  for (const client of clients) client.disconnect();
  child.stop();
}
process.exit(0);
