import cluster, { type Worker } from 'node:cluster';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { setupMaster } from '@socket.io/sticky';
import { readyBanner } from './banner.ts';
import { newInstructorToken } from './class-mode/token.ts';
import { readClusterOptions } from './options.ts';

/**
 * `npm run cluster -- --workers N`: N server processes on one port. This
 * primary process owns the port and hands each connection to a worker,
 * always the same one for a Socket.IO session (long-polling sends several
 * requests, and they must reach the process that holds the session). The
 * workers are `index.ts` as usual, sharing everything through Redis.
 */
const started = performance.now();
const options = readOptionsOrExit();
// One secret for every worker: the dashboard may land on any of them.
const instructorToken = options.instructorToken ?? newInstructorToken();

const httpServer = createServer();
setupMaster(httpServer, { loadBalancingMethod: 'least-connection' });
httpServer.on('error', (error: NodeJS.ErrnoException) => {
  console.error(
    `\n  Could not start: ${error.code === 'EADDRINUSE' ? `Port ${options.port} is already in use.` : error.message}\n`,
  );
  process.exit(1);
});

cluster.setupPrimary({
  exec: new URL('./index.ts', import.meta.url).pathname,
  args: options.classMode ? ['--class'] : [],
  // The first bytes of each connection travel with it to the worker: as bytes, not JSON.
  serialization: 'advanced',
});
const env = { INSTRUCTOR_TOKEN: instructorToken };
let stopping = false;

function fork(): Promise<Worker> {
  const worker = cluster.fork(env);
  // The balancer sends new sessions to the worker with the fewest: none to this one
  // until it can take them (a connection handed over before that would hang).
  Object.assign(worker, { clientsCount: Infinity });
  worker.on('exit', (code, signal) => {
    if (stopping) return;
    // A worker that dies takes its connections with it; their pages reconnect to the others.
    console.error(
      `  Worker ${worker.id} (pid ${worker.process.pid}) stopped (${signal ?? `exit ${code}`}); starting another.`,
    );
    // A second apart: a worker that cannot start (Redis gone) is not restarted in a tight loop.
    setTimeout(() => fork().catch(() => {}), 1000);
  });
  return new Promise((resolve, reject) => {
    worker.on('message', (message: unknown) => {
      if (message !== 'ready') return;
      Object.assign(worker, { clientsCount: 0 });
      resolve(worker);
    });
    worker.once('exit', () => reject(new Error(`worker ${worker.id} stopped before it was ready`)));
  });
}

try {
  const workers = await Promise.all(Array.from({ length: options.workers }, fork));
  for (const worker of workers) console.log(`  Worker ${worker.id} ready (pid ${worker.process.pid})`);
} catch (error) {
  console.error(`\n  Could not start the workers: ${(error as Error).message}\n`);
  process.exit(1);
}
httpServer.listen(options.port, options.host, async () => {
  const { port } = httpServer.address() as AddressInfo;
  const ms = Math.round(performance.now() - started);
  console.log(
    await readyBanner({ host: options.host, port, ms, classMode: options.classMode, token: instructorToken }),
  );
  console.log(`  ${options.workers} worker processes, sharing classes, chats and broadcasts through Redis.\n`);
});

function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n  ${signal}: stopping the workers…`);
  httpServer.close();
  // Each worker says goodbye to its clients and exits (see index.ts).
  for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  cluster.on('exit', () => {
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
  });
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));

function readOptionsOrExit() {
  try {
    return readClusterOptions(process.env, process.argv.slice(2), availableParallelism());
  } catch (error) {
    console.error(`\n  ${(error as Error).message}\n`);
    process.exit(1);
  }
}
