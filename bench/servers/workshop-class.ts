import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/server/app.ts';
import { BENCH_INSTRUCTOR_TOKEN } from '../roster/messages.ts';
import { answerMemoryQuestions, BENCH_APP_OPTIONS, type ServerMessage } from './protocol.ts';

// The workshop's app with class mode reachable: the bench is its instructor. No admin UI: it
// would watch every event and cost what a class without it does not pay.
const httpServer = createServer();
createApp(httpServer, { ...BENCH_APP_OPTIONS, instructorToken: BENCH_INSTRUCTOR_TOKEN, adminUi: false });
httpServer.listen(0, '127.0.0.1', () => {
  const { port } = httpServer.address() as AddressInfo;
  process.send!({ type: 'ready', port } satisfies ServerMessage);
});
answerMemoryQuestions();
