import cluster, { type Worker } from 'node:cluster';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setupMaster, setupWorker } from '@socket.io/sticky';
import { createApp } from '../../src/server/app.ts';
import { silentLogger } from '../../src/server/log.ts';
import { connectRedis } from '../../src/server/scale/redis.ts';
import {
  answerMemoryQuestions,
  BENCH_APP_OPTIONS,
  isUsage,
  nextMessage,
  type ServerMessage,
  type Usage,
  usageNow,
} from './protocol.ts';

// The workshop as `npm run cluster` runs it: a primary that owns the port and
// hands each session to one of BENCH_CLUSTER_WORKERS workers, which share
// everything through Redis (REDIS_URL). Its usage is the sum of them all.
if (cluster.isPrimary) {
  const httpServer = createServer();
  setupMaster(httpServer, { loadBalancingMethod: 'least-connection' });
  cluster.setupPrimary({ serialization: 'advanced', execArgv: ['--expose-gc'] });
  const workers: Worker[] = [];
  for (let i = 0; i < Number(process.env.BENCH_CLUSTER_WORKERS); i++) {
    const worker = cluster.fork();
    await once(worker, 'message'); // ready
    workers.push(worker);
  }
  const usageOf = (worker: Worker) => {
    const answer = nextMessage(worker, isUsage, `usage from worker ${worker.id}`);
    worker.send({ type: 'usage' });
    return answer;
  };
  answerMemoryQuestions(async () => {
    const all: Usage[] = [usageNow(), ...(await Promise.all(workers.map(usageOf)))];
    return { heapUsed: sum(all, 'heapUsed'), rss: sum(all, 'rss'), cpuMs: sum(all, 'cpuMs') };
  });
  httpServer.listen(0, '127.0.0.1', () => {
    const { port } = httpServer.address() as AddressInfo;
    process.send!({ type: 'ready', port } satisfies ServerMessage);
  });
} else {
  const redis = await connectRedis(process.env.REDIS_URL!, silentLogger);
  const app = createApp(createServer(), { ...BENCH_APP_OPTIONS, redis });
  setupWorker(app.io);
  answerMemoryQuestions();
  process.send!('ready');
}

function sum(all: Usage[], key: keyof Usage) {
  return all.reduce((total, usage) => total + usage[key], 0);
}
