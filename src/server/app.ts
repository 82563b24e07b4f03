import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { type DefaultEventsMap, Server, type ServerOptions } from 'socket.io';
import type { Adapter } from 'socket.io-adapter';
import { lessonModules } from '../lessons/index.ts';
import { lessonNamespace } from '../shared/contract.ts';
import type { ClientEventSpec, CommonServerEvents } from '../shared/events.ts';
import { adminUiFiles } from './admin-ui/files.ts';
import { instrumentForInstructor } from './admin-ui/instrument.ts';
import { setupClassMode } from './class-mode/index.ts';
import { newInstructorToken } from './class-mode/token.ts';
import { connectionCap } from './connection-cap.ts';
import { type GuessLimits, guessLimits, LESSON_GUESSES } from './guesses.ts';
import { healthChecks } from './health.ts';
import { hostCheck } from './host-check.ts';
import { type Logger, silentLogger } from './log.ts';
import { originCheck } from './origin-check.ts';
import { type BoundaryHooks, guardedSockets } from './plumbing/boundary.ts';
import { mountLesson, serveChildren } from './plumbing/mount.ts';
import { type Namespaces, namespaceRegistry } from './plumbing/namespace-registry.ts';
import { eventLimits, type Rates } from './plumbing/rate-limit.ts';
import { SessionAdapterReleasingItsTimer } from './plumbing/session-adapter.ts';
import type {
  AnyNamespace,
  AnySocket,
  ChildPath,
  InterServerEvents,
  LessonServices,
  SocketData,
} from './plumbing/types.ts';
import { noPeers, socketIoPeers } from './scale/peers.ts';
import type { RedisConnections } from './scale/redis.ts';
import { clientAddress, socketLimits } from './socket-limits.ts';
import { staticSite } from './static-files.ts';
import { sqliteChatHistories } from './storage/chat-history.ts';
import { sqliteClassStore } from './storage/class-store.ts';
import { memoryCounters, redisCounters } from './storage/counter.ts';
import { openDatabase } from './storage/database.ts';
import { sqliteHelpStore } from './storage/help-store.ts';
import { redisChatHistories } from './storage/redis-chat-history.ts';
import { redisClassStore } from './storage/redis-class-store.ts';
import { redisHelpStore } from './storage/redis-help-store.ts';

export interface AppOptions {
  /** Serve the built site from this folder (production); leave unset under `astro dev`. */
  staticDir?: string;
  /** Where the server logs (default: nothing; `index.ts` passes a pino logger). */
  logger?: Logger;
  /** The instructor's secret for `/instructor`; random (and so unusable) when unset. */
  instructorToken?: string;
  /**
   * Socket.IO's admin UI at `/admin-ui/` (read-only, the token as password):
   * by default whenever there is a token. It watches every event, so a server
   * nobody instructs on (`npm start` without class mode) goes without it.
   */
  adminUi?: boolean;
  /** The folder of the SQLite database; `:memory:` (the default) keeps nothing. */
  dataDir?: string;
  /** A class unused for this long ends by itself (default: 4 hours). */
  classIdleMs?: number;
  /** Origins besides the page's own that may open sockets (`ALLOWED_ORIGINS`). */
  allowedOrigins?: string[];
  /** Names besides addresses, its machine name and `localhost` that this server answers to (`ALLOWED_HOSTS`). */
  allowedHosts?: string[];
  /** Rate limits per person (default: about 5 chat messages a second). */
  rates?: Rates;
  /** Wrong tries (tokens, class codes) one address gets before it is slowed down and then refused. */
  guesses?: GuessLimits;
  /** The same for a lesson's own checks (the staff room's token), more lenient (default `LESSON_GUESSES`). */
  lessonGuesses?: GuessLimits;
  /** Open connections allowed from one address (`MAX_CONNECTIONS_PER_IP`, default 200). */
  maxConnectionsPerIp?: number;
  /** Sockets (namespaces joined, over all its connections) one address may hold (`MAX_SOCKETS_PER_IP`, default twice the connections). */
  maxSocketsPerIp?: number;
  /** Behind a balancer (`TRUST_PROXY=1`): count connections by the client address it forwards. */
  trustProxy?: boolean;
  /** Connected Redis clients (`REDIS_URL`): broadcasts and chat history shared with other processes. */
  redis?: RedisConnections;
  /** Engine.IO's transport settings (the bench compares them); Socket.IO's defaults when unset. */
  engine?: Pick<ServerOptions, 'wsEngine' | 'perMessageDeflate' | 'httpCompression'>;
}

/** The largest message a client may send: the lessons need far less (a chat line is 500 characters). */
export const MAX_MESSAGE_BYTES = 16 * 1024;
/** The refusal of a chat message while Redis is away. */
export const STORE_DOWN =
  'The chat is paused for a moment: the server lost contact with its storage. Try again shortly.';

/** How long a dropped client may take to come back and find its state (the chat's room, missed messages). */
export const RECOVERY_WINDOW_MS = 2 * 60 * 1000;

export interface App {
  io: Server<DefaultEventsMap, DefaultEventsMap, InterServerEvents, SocketData>;
  /** The namespaces this server holds now (a namespace made on demand leaves when Socket.IO drops it). */
  namespaces: Namespaces;
  /** Counters for the operator: events that no lesson declares (probes, typos, old clients). */
  stats: { unknownEvents: number; badEventNames: number };
  /** Refuses new clients, tells the connected ones, disconnects them, closes the HTTP server and the database. */
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

  let closing = false;
  // With Redis away, nothing can be stored: readiness says so, and chat messages are refused.
  const storeDown = () => options.redis !== undefined && !options.redis.store.isReady;
  const withAdminUi = Boolean(options.instructorToken) && options.adminUi !== false;
  const knownHost = hostCheck(options.allowedHosts, options.allowedOrigins);
  // Before Socket.IO attaches: it then routes `/socket.io/` to itself and the rest here.
  if (options.staticDir) {
    const site = staticSite(options.staticDir);
    // Socket.IO's admin UI, for the instructor only: none without a token.
    const adminUi = withAdminUi ? adminUiFiles() : () => false;
    const health = healthChecks(() => {
      if (closing) return 'shutting down';
      if (storeDown()) return 'Redis is unreachable';
    });
    httpServer.on(
      'request',
      (req, res) => knownHost.refuse(req, res) || health(req, res) || adminUi(req, res) || site(req, res),
    );
  }

  const maxConnectionsPerIp = options.maxConnectionsPerIp ?? 200;
  const cap = connectionCap(maxConnectionsPerIp, options.trustProxy);
  const limits = socketLimits(options.maxSocketsPerIp ?? 2 * maxConnectionsPerIp, options.trustProxy);
  const sameOrigin = originCheck(options.allowedOrigins);
  const registry = namespaceRegistry();
  const { namespaces } = registry;
  const io = new Server<DefaultEventsMap, DefaultEventsMap, InterServerEvents, SocketData>(httpServer, {
    // Under `astro dev`, Vite's own WebSocket shares the server: leave its upgrades alone.
    destroyUpgrade: false,
    // A class's namespaces are made on demand and dropped when their last socket goes.
    cleanupEmptyChildNamespaces: true,
    // A bigger message closes that client's connection, and only that one.
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    ...options.engine,
    // A client back within two minutes of a drop keeps its id, rooms and
    // `socket.data`, and gets the broadcasts it missed. The middlewares run
    // again all the same: a student removed meanwhile stays out.
    connectionStateRecovery: { maxDisconnectionDuration: RECOVERY_WINDOW_MS, skipMiddlewares: false },
    // With Redis, every broadcast reaches the clients of every process (a stream, so a
    // short Redis outage loses nothing), and recovery sessions live there too.
    // A process that dies without a word is counted out after 3 s (not 10): until then,
    // asking every process (who is in a room?) waits for its answer.
    // Without Redis: Socket.IO's in-memory adapter, whose timer goes with its namespace.
    // Either way, wrapped so that the app knows which namespaces it holds.
    adapter: registry.tracking(
      options.redis
        ? createAdapter(options.redis.bus, { heartbeatInterval: 1000, heartbeatTimeout: 3000 })
        : (SessionAdapterReleasingItsTimer as unknown as typeof Adapter),
    ),
    allowRequest: (req, callback) => {
      if (closing) return callback('the server is shutting down', false);
      if (!cap.allows(req)) return callback('too many connections from this address', false);
      if (!knownHost.allows(req)) return callback('this server does not answer to that name (ALLOWED_HOSTS)', false);
      sameOrigin(req, callback);
    },
  });
  cap.track(io.engine);
  const stats = { unknownEvents: 0, badEventNames: 0 };
  const addressOf = (socket: AnySocket) => clientAddress(socket.request, options.trustProxy);
  const guesses = guessLimits(options.guesses, options.redis?.store);
  const lessonGuesses = guessLimits(options.lessonGuesses ?? LESSON_GUESSES, options.redis?.store, 'lessons');
  const triesAt = (limits: typeof guesses) => ({
    enter: (socket: AnySocket) => limits.enter(addressOf(socket)),
    failed: (socket: AnySocket) => limits.failed(addressOf(socket)),
  });
  const hooks: BoundaryHooks = {
    sockets: guardedSockets(),
    limits: eventLimits(options.rates, options.redis?.store),
    // A person is their address; in a class, their membership too (one student, many sockets), so that
    // neither many members from one address nor one member from many addresses gets more than one allowance.
    whoIs: (socket) => [
      `address:${addressOf(socket)}`,
      ...(socket.data.classKey ? [`member:${socket.data.classKey}`] : []),
    ],
    tries: triesAt(lessonGuesses),
    secretTries: triesAt(guesses),
    onUnknownEvent: (event: string) => {
      stats.unknownEvents++;
      logger.debug({ event: event.slice(0, 40) }, 'unknown event refused');
    },
    onBadEventName: (name: unknown) => {
      stats.badEventNames++;
      logger.debug({ type: name === null ? 'null' : typeof name }, 'event without a name refused');
    },
    onHandlerError: (error: unknown, event: string, namespace: string) =>
      logger.error({ err: error, event, namespace }, 'a handler failed'),
    onFault: (error: unknown, where: string, namespace: string) =>
      logger.error({ err: error, where, namespace }, 'a middleware or listener failed'),
    // Without its store, a message could not be kept: say so rather than lose it.
    refuse: (spec: ClientEventSpec) => (spec.lockable && storeDown() ? STORE_DOWN : undefined),
    admit: limits.admit,
  };
  // Nothing is served on the main namespace, but a client may still join it: it counts.
  io.of('/').use(limits.admit);

  const db = openDatabase(options.dataDir ?? ':memory:');
  // What a lesson keeps beyond its namespace's life, stored by namespace name.
  const chatHistory = options.redis ? redisChatHistories(options.redis.store) : sqliteChatHistories(db);
  const counter = options.redis ? redisCounters(options.redis.store) : memoryCounters();
  const servicesFor = (namespace: string): LessonServices => {
    const services = { history: chatHistory(namespace), counter: counter(namespace) };
    return {
      ...services,
      clear: async () => void (await Promise.all([services.history.clear(), services.counter.reset()])),
    };
  };

  // The names each lesson serves under its own namespace, as its `register` asked for them.
  const childPaths = new Map<string, ChildPath[]>();
  for (const lesson of lessonModules) {
    const at = { base: lessonNamespace(lesson.contract.slug), namespaces };
    const services = servicesFor(at.base);
    const paths = mountLesson(io.of(at.base), lesson, hooks, services, at);
    childPaths.set(lesson.contract.slug, paths);
    if (paths.length) serveChildren(io, lesson, paths, hooks, services, at);
  }

  const classes = setupClassMode(
    io,
    { lessons: lessonModules, childPaths, namespaces },
    servicesFor,
    {
      token: options.instructorToken ?? newInstructorToken(),
      idleMs: options.classIdleMs ?? 4 * 60 * 60 * 1000,
      logger,
      store: options.redis ? redisClassStore(options.redis.store) : sqliteClassStore(db),
      help: options.redis ? redisHelpStore(options.redis.store) : sqliteHelpStore(db),
      peers: options.redis ? socketIoPeers(io, logger, () => closing) : noPeers,
    },
    hooks,
  );
  // After the lessons and classes: `/admin` must be free, and the UI sees every namespace.
  if (withAdminUi && options.instructorToken) {
    instrumentForInstructor(io as unknown as Server, {
      token: options.instructorToken,
      namespaces,
      hooks,
      logger,
      redis: options.redis?.store,
    });
  }

  return {
    io,
    namespaces,
    stats,
    async close() {
      closing = true;
      classes.close();
      await tellClientsWeClose(namespaces.all());
      await new Promise<void>((resolve) => {
        // The clients see "transport close" and retry until the server is back.
        io.close(() => resolve());
        // Keep-alive page requests would otherwise hold the HTTP server open.
        httpServer.closeAllConnections();
      });
      db.close();
    },
  };
}

const CLOSING: Parameters<CommonServerEvents['server:closing']>[0] = {
  message: 'The server is shutting down. This page reconnects by itself when it is back.',
};

/**
 * Says `server:closing` on every namespace. A long-polling client only gets
 * it with its next request: wait for those (half a second at most).
 */
async function tellClientsWeClose(namespaces: AnyNamespace[]) {
  const polling = new Set<AnySocket['conn']>();
  for (const nsp of namespaces) {
    for (const socket of nsp.sockets.values()) if (socket.conn.transport.name === 'polling') polling.add(socket.conn);
  }
  const fetched = [...polling].map((conn) => new Promise((resolve) => conn.once('drain', resolve)));
  // `.local`: with Redis, the clients of the other processes are not told (they are not closing).
  for (const nsp of namespaces) nsp.local.emit('server:closing', CLOSING);
  if (fetched.length) await Promise.race([Promise.all(fetched), new Promise((resolve) => setTimeout(resolve, 500))]);
}
