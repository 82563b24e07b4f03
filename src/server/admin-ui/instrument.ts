import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { instrument } from '@socket.io/admin-ui';
import bcrypt from 'bcryptjs';
import type { Server } from 'socket.io';
import { SERVER_PROBLEM } from '../../shared/acks.ts';
import { tokenChecker } from '../class-mode/token.ts';
import type { Logger } from '../log.ts';
import type { BoundaryHooks } from '../plumbing/boundary.ts';
import { callSafely } from '../plumbing/guarded.ts';
import type { Namespaces } from '../plumbing/namespace-registry.ts';
import type { AnySocket } from '../plumbing/types.ts';
import type { RedisClient } from '../scale/redis.ts';
import { adminSessions } from './sessions.ts';

/** The admin UI's namespace (the package's default): no lesson (`/<slug>`) or class (`/class/…`) is called that. */
export const ADMIN_NAMESPACE = '/admin';
/** The admin UI's login: this username, and the instructor token as the password. */
export const ADMIN_USERNAME = 'instructor';
/** The refusal of a browser that gave nothing to sign in with (the UI's first try, or an old session). */
export const SIGN_IN = `Sign in: the username is ${ADMIN_USERNAME}, the password is your instructor token.`;

/**
 * The hash is only ever in this process's memory, of a token of 16 characters or more: its
 * cost guards nothing here, and the gate below checks the token before bcrypt runs.
 */
const BCRYPT_ROUNDS = 6;

export interface AdminUiOptions {
  token: string;
  namespaces: Namespaces;
  hooks: BoundaryHooks;
  logger: Logger;
  redis?: RedisClient;
}

/**
 * Socket.IO's admin UI for the instructor: `instrument(io)` on the `/admin`
 * namespace, read-only (no joining, leaving or disconnecting sockets from
 * it), signed in with the instructor token. With Redis, it sees the sockets
 * of every process (through the adapter), and sessions live in Redis.
 */
export function instrumentForInstructor(io: Server, { token, namespaces, hooks, logger, redis }: AdminUiOptions) {
  if (namespaces.has(ADMIN_NAMESPACE)) throw new Error(`${ADMIN_NAMESPACE} is taken: the admin UI needs it`);
  const admin = io.of(ADMIN_NAMESPACE);
  const store = adminSessions(redis, (error) => logger.warn({ err: error }, 'admin UI sessions unavailable'));
  const isInstructor = tokenChecker(token);

  // Before the package's own check: a wrong password costs its address a try (as at
  // /instructor), and is refused without bcrypt's work.
  admin.use((socket, next) =>
    callSafely(
      async () => {
        const { username, password, sessionId } = (socket.handshake.auth ?? {}) as Record<string, unknown>;
        if (typeof sessionId === 'string' && sessionId.length <= 64 && (await store.doesSessionExist(sessionId)))
          return next();
        if (username === undefined && password === undefined) return next(new Error(SIGN_IN));
        const anySocket = socket as unknown as AnySocket;
        const attempt = await hooks.secretTries?.enter(anySocket);
        if (attempt?.barred) return next(new Error(attempt.barred));
        try {
          if (username === ADMIN_USERNAME && isInstructor(password)) return next();
          await hooks.secretTries?.failed(anySocket);
          next(new Error('invalid credentials')); // the package's words: its UI shows them as such
        } finally {
          attempt?.leave();
        }
      },
      () => next(new Error(SERVER_PROBLEM)),
    ),
  );

  instrument(io, {
    namespaceName: ADMIN_NAMESPACE,
    auth: { type: 'basic', username: ADMIN_USERNAME, password: bcrypt.hashSync(token, BCRYPT_ROUNDS) },
    readonly: true,
    // Counts (sockets per namespace, events per second), whatever NODE_ENV says. Development
    // mode would copy every client's raw arguments to /admin, where a deeply nested one ends
    // the process and a flood of them fills the recovery buffer (and, scaled out, Redis).
    mode: 'production',
    // Two processes on one machine would otherwise share the host's name.
    serverId: `${hostname()}#${process.pid}#${randomBytes(2).toString('hex')}`,
    store: store as Parameters<typeof instrument>[1]['store'],
  });
  if (hooks.admit) admin.use(hooks.admit as Parameters<typeof admin.use>[0]);
  // The package's connection listener awaits every process's sockets; a process away makes that
  // reject. Its listeners, wrapped in the same order, log that instead of leaving it unhandled.
  for (const listener of admin.listeners('connection')) {
    admin.off('connection', listener);
    admin.on('connection', (socket) =>
      callSafely(
        () => listener(socket),
        (error) => logger.warn({ err: error }, 'the admin UI could not list the sockets'),
      ),
    );
  }
  hideSecrets(admin);
  // The package sends a new session id from its middleware, which the client never gets with
  // connection state recovery on (an emit then waits for the socket's own room). Sent once connected, it does.
  admin.on('connection', (socket) => {
    if (socket.handshake.auth?.password === undefined) return;
    const sessionId = randomBytes(16).toString('hex');
    store.saveSession(sessionId);
    socket.emit('session', sessionId);
  });
}

type Described = { data?: Record<string, unknown> };

/** A student's class key is their identity in the class: nobody else sees it, the instructor included. */
function withoutKey(socket: Described): Described {
  if (!socket?.data || !('classKey' in socket.data)) return socket;
  const { classKey: _, ...data } = socket.data;
  return { ...socket, data };
}

/** The package shows `socket.data` as it is; what it sends to the UI leaves the class key out. */
function withoutSecrets(event: string, args: unknown[]): unknown[] {
  if (event === 'all_sockets' && Array.isArray(args[0])) return [(args[0] as Described[]).map(withoutKey)];
  if (event === 'socket_connected' || event === 'socket_updated') {
    const [socket, ...rest] = args;
    return [withoutKey(socket as Described), ...rest];
  }
  return args;
}

function hideSecrets(admin: ReturnType<Server['of']>) {
  type Emit = (event: string, ...args: unknown[]) => boolean;
  const broadcast = admin.emit.bind(admin) as Emit;
  (admin as unknown as { emit: Emit }).emit = (event, ...args) => broadcast(event, ...withoutSecrets(event, args));
  // Before the package's listener, which sends `all_sockets` to the newcomer.
  admin.prependListener('connection', (socket) => {
    const send = socket.emit.bind(socket) as Emit;
    (socket as unknown as { emit: Emit }).emit = (event, ...args) => send(event, ...withoutSecrets(event, args));
  });
}
