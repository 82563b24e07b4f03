import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/server/app.ts';
import { answerMemoryQuestions, type ServerMessage } from './protocol.ts';

// The workshop's own app, as `npm start` builds it, on a loopback port. The
// limits meant for a room of people are lifted: every student here shares
// one address, and the senders send for many.
const httpServer = createServer();
createApp(httpServer, {
  staticDir: 'dist',
  dataDir: ':memory:',
  maxConnectionsPerIp: 1_000_000,
  rates: { message: { perSecond: 1e6, burst: 1e6 }, event: { perSecond: 1e6, burst: 1e6 } },
});
httpServer.listen(0, '127.0.0.1', () => {
  const { port } = httpServer.address() as AddressInfo;
  process.send!({ type: 'ready', port } satisfies ServerMessage);
});
answerMemoryQuestions();
