import { fileURLToPath } from 'node:url';

export interface ServerOptions {
  port: number;
  host: string;
  staticDir: string;
  dataDir: string;
  /** Class mode: listen on the network and print the student and instructor addresses. */
  classMode: boolean;
  /** The instructor's secret, from INSTRUCTOR_TOKEN; a random one is made when unset. */
  instructorToken: string | undefined;
  classIdleMs: number;
  /** Other origins whose pages may open sockets here, from ALLOWED_ORIGINS (comma-separated). */
  allowedOrigins: string[];
  /** Other names this server is reached by, from ALLOWED_HOSTS (comma-separated): a proxy's public name. */
  allowedHosts: string[];
  maxConnectionsPerIp: number;
  /** MAX_SOCKETS_PER_IP: sockets (namespaces joined) one address may hold over all its connections. */
  maxSocketsPerIp: number;
  /** REDIS_URL: share state and broadcasts with other server processes through Redis. */
  redisUrl: string | undefined;
  /** TRUST_PROXY=1: behind a balancer, a client's address is the last one of X-Forwarded-For. */
  trustProxy: boolean;
}

/** An instructor token shorter than this could be guessed, even slowed down. */
export const MIN_TOKEN_LENGTH = 16;

/** Reads the server's options from the environment and flags, refusing bad values with a clear message. */
export function readOptions(
  env: NodeJS.ProcessEnv = process.env,
  argv: string[] = process.argv.slice(2),
): ServerOptions {
  const unknown = argv.filter((arg) => arg !== '--class');
  if (unknown.length) throw new Error(`Unknown option ${unknown[0]}. The only option is --class (class mode).`);
  const classMode = argv.includes('--class') || env.CLASS_MODE === '1';
  const port = Number(env.PORT ?? 4321);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, not "${env.PORT}".`);
  }
  const idleMinutes = Number(env.CLASS_IDLE_MINUTES ?? 240);
  if (!(idleMinutes > 0))
    throw new Error(`CLASS_IDLE_MINUTES must be a positive number, not "${env.CLASS_IDLE_MINUTES}".`);
  const maxConnectionsPerIp = Number(env.MAX_CONNECTIONS_PER_IP ?? 200);
  if (!Number.isInteger(maxConnectionsPerIp) || maxConnectionsPerIp < 1) {
    throw new Error(
      `MAX_CONNECTIONS_PER_IP must be a whole number of at least 1, not "${env.MAX_CONNECTIONS_PER_IP}".`,
    );
  }
  const redisUrl = env.REDIS_URL?.trim() || undefined;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) {
    throw new Error(`REDIS_URL must start with redis:// or rediss://, not "${redisUrl}".`);
  }
  const token = env.INSTRUCTOR_TOKEN?.trim();
  if (token !== undefined && token.length < MIN_TOKEN_LENGTH) {
    throw new Error(
      `INSTRUCTOR_TOKEN must be at least ${MIN_TOKEN_LENGTH} characters long (it has ${token.length}): a shorter one can be guessed. Leave it unset for a random one.`,
    );
  }
  const maxSocketsPerIp = Number(env.MAX_SOCKETS_PER_IP ?? 2 * maxConnectionsPerIp);
  if (!Number.isInteger(maxSocketsPerIp) || maxSocketsPerIp < 1) {
    throw new Error(`MAX_SOCKETS_PER_IP must be a whole number of at least 1, not "${env.MAX_SOCKETS_PER_IP}".`);
  }
  return {
    port,
    // A class needs the other machines of the network to reach this one.
    host: env.HOST?.trim() || (classMode ? '0.0.0.0' : 'localhost'),
    staticDir: env.STATIC_DIR ?? fileURLToPath(new URL('../../dist/', import.meta.url)),
    dataDir: env.DATA_DIR ?? 'data',
    classMode,
    instructorToken: token || undefined,
    classIdleMs: idleMinutes * 60_000,
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    allowedHosts: (env.ALLOWED_HOSTS ?? '')
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean),
    maxConnectionsPerIp,
    maxSocketsPerIp,
    redisUrl,
    trustProxy: env.TRUST_PROXY === '1',
  };
}

export interface ClusterOptions extends ServerOptions {
  workers: number;
}

/** `npm run cluster -- --workers N [--class]`: the server's options, the number of workers, and Redis (required). */
export function readClusterOptions(env: NodeJS.ProcessEnv, argv: string[], cores: number): ClusterOptions {
  const rest = argv.filter((arg) => arg !== '--cluster');
  let workers = Math.max(2, cores);
  const at = rest.indexOf('--workers');
  if (at !== -1) {
    const value = rest[at + 1];
    workers = Number(value);
    if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
      throw new Error(`--workers needs a whole number from 1 to 64, not "${value ?? ''}".`);
    }
    rest.splice(at, 2);
  }
  const unknown = rest.filter((arg) => arg !== '--class');
  if (unknown.length) throw new Error(`Unknown option ${unknown[0]}. The cluster takes --workers N and --class.`);
  const options = readOptions(env, rest);
  if (!options.redisUrl) {
    throw new Error(
      'The workers share classes, chats and broadcasts through Redis: start one (redis-server) and set REDIS_URL, e.g. REDIS_URL=redis://127.0.0.1:6379 npm run cluster -- --workers 2',
    );
  }
  return { ...options, workers };
}
