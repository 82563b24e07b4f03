import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { queryObjects } from 'node:v8';
import { Namespace } from 'socket.io';
import { type AppOptions, createApp } from '../../src/server/app.ts';

/**
 * The app under fuzz, in a process of its own (started by `child.ts` with
 * `--expose-gc`): a crash is this process's exit, seen by the test, not the
 * test runner dying. It answers the parent's questions over IPC: its memory
 * after a full GC, its namespaces, and what it logged as errors or warnings.
 */

/** What the child tells its parent. */
export type ChildMessage =
  | { type: 'ready'; port: number }
  /** `logged`: what was logged since the last ping. */
  | { type: 'pong'; id: number; logged: Logged[] }
  /** `namespaces`: in the server's map; `liveNamespaces`: Namespace objects still in the heap (after the GC), wherever they are held. */
  | {
      type: 'usage';
      id: number;
      heapUsed: number;
      rss: number;
      namespaces: number;
      liveNamespaces: number;
      names?: string[];
      timers: number;
    };

/** What the parent asks. */
export type ParentMessage = { type: 'ping'; id: number } | { type: 'usage'; id: number; gc: boolean; names: boolean };

export interface Logged {
  level: 'error' | 'warn';
  message: string;
  detail: string;
}

const logged: Logged[] = [];
const record = (level: Logged['level']) => (obj: unknown, message?: string) => {
  const err = (obj as { err?: unknown } | undefined)?.err;
  const detail =
    err instanceof Error ? (err.stack ?? String(err)) : (JSON.stringify(obj)?.slice(0, 2000) ?? String(obj));
  logged.push({ level, message: String(message ?? ''), detail });
  // Into the child's stderr too, where the parent keeps the last of it for its reports.
  process.stderr.write(`[server ${level}] ${message ?? ''}\n${detail}\n`);
};
const logger = {
  error: record('error'),
  warn: record('warn'),
  info() {},
  debug() {},
} as unknown as AppOptions['logger'];

const httpServer = createServer();
// The limits meant for people are lifted, as the bench does: the fuzz is about what the app does
// with input, and the limiters have their own tests. (A variable, not a literal: an option this
// version of the app lacks is left out rather than refused.)
const options = {
  logger,
  instructorToken: process.env.FUZZ_TOKEN,
  dataDir: ':memory:',
  // Each client comes from a loopback address of its own (127.x.y.z); still, many from each.
  maxConnectionsPerIp: 1_000_000,
  maxSocketsPerIp: 1_000_000,
  // The honest clients are probed after every run, faster than a person clicks.
  rates: { message: { perSecond: 1_000_000, burst: 1_000_000 }, event: { perSecond: 1_000_000, burst: 1_000_000 } },
  // Wrong tokens and class codes by the thousand, answered at once: the leak phases must reach the namespaces.
  guesses: { slowAfter: 1_000_000_000, blockAfter: 1_000_000_000, windowMs: 1000, blockMs: 1000 },
  lessonGuesses: { slowAfter: 1_000_000_000, blockAfter: 1_000_000_000, windowMs: 1000, blockMs: 1000 },
};
const app = createApp(httpServer, options);

httpServer.listen(0, '127.0.0.1', () => {
  const { port } = httpServer.address() as AddressInfo;
  process.send!({ type: 'ready', port } satisfies ChildMessage);
});

process.on('message', (message: ParentMessage) => {
  if (message?.type === 'ping')
    return void process.send!({ type: 'pong', id: message.id, logged: logged.splice(0) } satisfies ChildMessage);
  if (message?.type !== 'usage') return;
  if (message.gc) {
    // Twice: weak references and finalizers cleared by the first are collected by the second.
    globalThis.gc?.();
    globalThis.gc?.();
  }
  const { heapUsed, rss } = process.memoryUsage();
  const timers = process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
  process.send!({
    type: 'usage',
    id: message.id,
    heapUsed,
    rss,
    namespaces: app.namespaces.names().length,
    liveNamespaces: message.gc ? (queryObjects(Namespace, { format: 'count' }) as number) : -1,
    ...(message.names && { names: app.namespaces.names() }),
    timers,
  } satisfies ChildMessage);
});

// The parent gone means the run is over.
process.on('disconnect', () => process.exit(0));
