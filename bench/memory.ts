import { fork } from 'node:child_process';
import { once } from 'node:events';
import { io, type Socket } from 'socket.io-client';
import type { ServerMessage } from './servers/protocol.ts';

// `npm run bench:memory`: heap per client of plain Socket.IO, of Socket.IO with
// connection state recovery, and of the workshop, all on one namespace.
// It tells what the workshop adds from what the library costs.
const CLIENTS = 1000;
const servers = [
  { label: 'plain Socket.IO', file: 'servers/socketio-plain.ts', env: {} },
  { label: 'Socket.IO with connection state recovery', file: 'servers/socketio-plain.ts', env: { RECOVERY: '1' } },
  { label: 'the workshop', file: 'servers/workshop.ts', env: {} },
];

for (const server of servers) {
  const child = fork(new URL(server.file, import.meta.url), {
    execArgv: ['--expose-gc'],
    env: { ...process.env, ...server.env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ask = async () => {
    child.send({ type: 'memory' });
    const [answer] = (await once(child, 'message')) as [Extract<ServerMessage, { type: 'memory' }>];
    return answer.heapUsed;
  };
  const [ready] = (await once(child, 'message')) as [Extract<ServerMessage, { type: 'ready' }>];
  const before = await ask();
  const clients: Socket[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const client = io(`http://127.0.0.1:${ready.port}/sockets-intro`, { transports: ['websocket'], forceNew: true });
    clients.push(client);
    await new Promise((resolve) => client.once('connect', () => resolve(undefined)));
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  const perClient = (await ask()) - before;
  console.log(`${server.label}: ${(perClient / CLIENTS / 1024).toFixed(2)} KB of heap per client`);
  for (const client of clients) client.disconnect();
  child.kill();
}
process.exit(0);
