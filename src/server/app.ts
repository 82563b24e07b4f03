import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { lessonNamespace } from '../shared/contract.ts';
import { setupClassMode } from './class-mode/index.ts';
import { newInstructorToken } from './class-mode/token.ts';
import { lessonModules } from './lessons/index.ts';
import { mountLesson } from './plumbing/mount.ts';
import type { Rates } from './plumbing/rate-limit.ts';
import type { InterServerEvents, SocketData } from './plumbing/types.ts';
import { connectionCap } from './connection-cap.ts';
import { originCheck } from './origin-check.ts';
import { staticSite } from './static-files.ts';
import { sqliteChatHistories } from './storage/chat-history.ts';
import { openDatabase } from './storage/database.ts';
import { silentLogger, type Logger } from './log.ts';

export interface AppOptions {
  /** Serve the built site from this folder (production); leave unset under `astro dev`. */
  staticDir?: string;
  /** Where the server logs (default: nothing; `index.ts` passes a pino logger). */
  logger?: Logger;
  /** The instructor's secret for `/instructor`; random (and so unusable) when unset. */
  instructorToken?: string;
  /** The folder of the SQLite database; `:memory:` (the default) keeps nothing. */
  dataDir?: string;
  /** A class unused for this long ends by itself (default: 4 hours). */
  classIdleMs?: number;
  /** Origins besides the page's own that may open sockets (`ALLOWED_ORIGINS`). */
  allowedOrigins?: string[];
  /** Per-socket rate limits (default: about 5 chat messages a second). */
  rates?: Rates;
  /** Open connections allowed from one address (`MAX_CONNECTIONS_PER_IP`, default 200). */
  maxConnectionsPerIp?: number;
}

/** The largest message a client may send: the lessons need far less (a chat line is 500 characters). */
export const MAX_MESSAGE_BYTES = 16 * 1024;

export interface App {
  io: Server<Record<string, any>, Record<string, any>, InterServerEvents, SocketData>;
  /** Counters for the operator: events that no lesson declares (probes, typos, old clients). */
  stats: { unknownEvents: number };
  /** Disconnects every client and closes the HTTP server. */
  close: () => Promise<void>;
}

/**
 * Builds the whole companion server on an HTTP server that the caller owns
 * and listens with: the static site (optional), one namespace per lesson,
 * and class mode. Everything lives in this call's closures (and its own
 * database), so two apps share nothing.
 */
export function createApp(httpServer: HttpServer, options: AppOptions = {}): App {
  const logger = options.logger ?? silentLogger;

  // Before Socket.IO attaches: it then routes `/socket.io/` to itself and the rest here.
  if (options.staticDir) httpServer.on('request', staticSite(options.staticDir));

  const cap = connectionCap(options.maxConnectionsPerIp ?? 200);
  const sameOrigin = originCheck(options.allowedOrigins);
  const io = new Server<Record<string, any>, Record<string, any>, InterServerEvents, SocketData>(httpServer, {
    // Under `astro dev`, Vite's own WebSocket shares the server: leave its upgrades alone.
    destroyUpgrade: false,
    // A class's namespaces are made on demand and dropped when their last socket goes.
    cleanupEmptyChildNamespaces: true,
    // A bigger message closes that client's connection, and only that one.
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    allowRequest: (req, callback) =>
      cap.allows(req) ? sameOrigin(req, callback) : callback('too many connections from this address', false),
  });
  cap.track(io.engine);
  const stats = { unknownEvents: 0 };
  const hooks = {
    rates: options.rates,
    onUnknownEvent: (event: string) => {
      stats.unknownEvents++;
      logger.debug({ event: event.slice(0, 40) }, 'unknown event refused');
    },
    onHandlerError: (error: unknown, event: string, namespace: string) =>
      logger.error({ err: error, event, namespace }, 'a handler failed'),
  };

  const db = openDatabase(options.dataDir ?? ':memory:');
  // What a lesson keeps beyond its namespace's life, stored by namespace name.
  const chatHistory = sqliteChatHistories(db);
  const servicesFor = (namespace: string) => ({ history: chatHistory(namespace) });

  for (const lesson of lessonModules) {
    const name = lessonNamespace(lesson.contract.slug);
    mountLesson(io.of(name), lesson, hooks, servicesFor(name));
  }

  const classes = setupClassMode(io, db, lessonModules, servicesFor, {
    token: options.instructorToken ?? newInstructorToken(),
    idleMs: options.classIdleMs ?? 4 * 60 * 60 * 1000,
    logger,
  }, hooks);

  return {
    io,
    stats,
    close: () =>
      new Promise((resolve) => {
        classes.close();
        io.close(() => {
          db.close();
          resolve();
        });
        // Keep-alive page requests would otherwise hold the HTTP server open.
        httpServer.closeAllConnections();
      }),
  };
}
