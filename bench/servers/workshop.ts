import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/server/app.ts';
import { answerMemoryQuestions, BENCH_APP_OPTIONS, type ServerMessage } from './protocol.ts';

// The workshop's own app, as `npm start` builds it, on a loopback port.
const httpServer = createServer();
createApp(httpServer, BENCH_APP_OPTIONS);
httpServer.listen(0, '127.0.0.1', () => {
  const { port } = httpServer.address() as AddressInfo;
  process.send!({ type: 'ready', port } satisfies ServerMessage);
});
answerMemoryQuestions();
