import cluster from 'node:cluster';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setupWorker } from '@socket.io/sticky';
import { createApp } from './app.ts';
import { readyBanner } from './banner.ts';
import { newInstructorToken } from './class-mode/token.ts';
import { createLogger } from './log.ts';
import { readOptions } from './options.ts';
import { connectRedis } from './scale/redis.ts';

// Reads the options, listens and prints: everything else is `createApp`.
const started = performance.now();
const options = readOptionsOrExit();
const instructorToken = options.instructorToken ?? newInstructorToken();

const logger = createLogger();
// With REDIS_URL, several processes share one class (see the README's Scale out).
const redis = options.redisUrl ? await connectRedisOrExit(options.redisUrl) : undefined;

// #region http-server
// Node's own HTTP server: it serves the pages, and Socket.IO attaches to it.
const httpServer = createServer();
// The admin UI only where someone instructs: in class mode, or with INSTRUCTOR_TOKEN set.
const adminUi = options.classMode || options.instructorToken !== undefined;
const app = createApp(httpServer, { ...options, instructorToken, adminUi, logger, redis });

// The HTTP server listens, not the app: one port for pages and sockets alike.
// (In a cluster, one primary process listens and hands each connection to a worker.)
if (cluster.isPrimary) httpServer.listen(options.port, options.host, printReady);
else joinCluster(app.io);
// #endregion

httpServer.on('error', (error: NodeJS.ErrnoException) => {
  const why =
    error.code === 'EADDRINUSE'
      ? `Port ${options.port} is already in use. Stop the other server or start with PORT=<another port>.`
      : error.message;
  console.error(`\n  Could not start: ${why}\n`);
  process.exit(1);
});

/** A worker of `npm run cluster`: the primary owns the port and hands over each Socket.IO session, always to the same worker. */
function joinCluster(io: typeof app.io) {
  setupWorker(io);
  process.send?.('ready');
}

async function printReady() {
  if (!existsSync(`${options.staticDir}/index.html`)) {
    console.warn(
      `\n  No built site in ${options.staticDir}: the pages will not be found. \`npm start\` builds it first.`,
    );
  }
  const { port } = httpServer.address() as AddressInfo;
  const ms = Math.round(performance.now() - started);
  console.log(
    await readyBanner({ host: options.host, port, ms, classMode: options.classMode, token: instructorToken }),
  );
}

let stopping = false;
function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n  ${signal}: closing connections…`);
  logger.info({ signal }, 'shutting down');
  app.close().then(() => process.exit(0));
  // A client that never lets go must not keep the process alive.
  setTimeout(() => process.exit(0), 4000).unref();
}
// A last net under the handlers' own: a failed promise is logged, and the class goes on.
process.on('unhandledRejection', (error) => logger.error({ err: error }, 'a promise failed'));
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));

async function connectRedisOrExit(url: string) {
  try {
    return await connectRedis(url, logger);
  } catch (error) {
    console.error(`\n  Could not reach Redis at ${url}: ${(error as Error).message}\n`);
    process.exit(1);
  }
}

function readOptionsOrExit() {
  try {
    return readOptions();
  } catch (error) {
    console.error(`\n  ${(error as Error).message}\n`);
    process.exit(1);
  }
}
