import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { styleText } from 'node:util';
import { createApp } from './app.ts';
import { readOptions } from './options.ts';

// Reads the options, listens and prints: everything else is `createApp`.
const started = performance.now();
const options = readOptionsOrExit();

// #region http-server
// Node's own HTTP server: it serves the pages, and Socket.IO attaches to it.
const httpServer = createServer();
const app = createApp(httpServer, { staticDir: options.staticDir });

// The HTTP server listens, not the app: one port for pages and sockets alike.
httpServer.listen(options.port, options.host, printReady);
// #endregion

httpServer.on('error', (error: NodeJS.ErrnoException) => {
  const why =
    error.code === 'EADDRINUSE'
      ? `Port ${options.port} is already in use. Stop the other server or start with PORT=<another port>.`
      : error.message;
  console.error(`\n  Could not start: ${why}\n`);
  process.exit(1);
});

/** Prints the address as Vite does. */
function printReady() {
  if (!existsSync(`${options.staticDir}/index.html`)) {
    console.warn(`\n  No built site in ${options.staticDir}: the pages will not be found. \`npm start\` builds it first.`);
  }
  const { port } = httpServer.address() as AddressInfo;
  const host = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  const ms = Math.round(performance.now() - started);
  // styleText leaves colours out when the output is not a terminal.
  console.log(`\n  ${styleText('bold', 'Socket Workshop')}  ready in ${ms} ms\n`);
  console.log(`  ➜  Local:   ${styleText('cyan', `http://${host}:${port}/`)}`);
  console.log(`  ➜  press Ctrl-C to stop\n`);
}

let stopping = false;
function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n  ${signal}: closing connections…`);
  app.close().then(() => process.exit(0));
  // A client that never lets go must not keep the process alive.
  setTimeout(() => process.exit(0), 3000).unref();
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));

function readOptionsOrExit() {
  try {
    return readOptions();
  } catch (error) {
    console.error(`\n  ${(error as Error).message}\n`);
    process.exit(1);
  }
}
