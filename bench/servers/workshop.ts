import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/server/app.ts';
import { type EngineName, engineOptions } from './engines.ts';
import { answerMemoryQuestions, BENCH_APP_OPTIONS, type ServerMessage } from './protocol.ts';

// The workshop's own app, as `npm start` builds it, on a loopback port
// (`BENCH_ENGINE`: another of Engine.IO's transport settings, for `--engines`).
const engine = engineOptions((process.env.BENCH_ENGINE ?? 'ws') as EngineName);
if ('missing' in engine) throw new Error(`${process.env.BENCH_ENGINE}: ${engine.missing}`);
const httpServer = createServer();
createApp(httpServer, { ...BENCH_APP_OPTIONS, engine });
httpServer.listen(0, '127.0.0.1', () => {
  const { port } = httpServer.address() as AddressInfo;
  process.send!({ type: 'ready', port } satisfies ServerMessage);
});
answerMemoryQuestions();
