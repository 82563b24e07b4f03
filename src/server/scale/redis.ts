import { createClient } from 'redis';
import type { Logger } from '../log.ts';

export type RedisClient = ReturnType<typeof createClient>;

/** Two connections to one Redis: one for what the server stores, one for the Socket.IO adapter. */
export interface RedisConnections {
  /** Commands fail at once while Redis is away: a student gets an answer, not a silence. */
  store: RedisClient;
  /**
   * Commands wait while Redis is away. The adapter reads its stream in a
   * loop that retries at once on an error: with failing commands it would spin.
   */
  bus: RedisClient;
}

const CONNECT_TIMEOUT_MS = 5000;

/**
 * Connects to Redis (`REDIS_URL`). The clients reconnect by themselves when
 * Redis goes away; meanwhile `store.isReady` is false, which `/readyz` tells
 * the balancer. An outage is logged once when it starts and once when it ends.
 */
export async function connectRedis(url: string, logger: Logger): Promise<RedisConnections> {
  const store = createClient({ url, disableOfflineQueue: true });
  const bus = createClient({ url });
  let down = false;
  store.on('error', (error: Error) => {
    if (down) return;
    down = true;
    logger.error({ err: error }, 'Redis is unreachable; retrying');
  });
  store.on('ready', () => {
    if (down) logger.info('Redis is back');
    down = false;
  });
  bus.on('error', () => {}); // the store's listener above reports the outage
  catchDroppedPromises(bus);
  // At start, a Redis that does not answer is a mistake to report, not to wait for.
  const deadline = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`no answer within ${CONNECT_TIMEOUT_MS / 1000} s`)), CONNECT_TIMEOUT_MS).unref(),
  );
  try {
    await Promise.race([Promise.all([store.connect(), bus.connect()]), deadline]);
  } catch (error) {
    store.destroy();
    bus.destroy();
    throw error;
  }
  return { store, bus };
}

/**
 * The adapter drops the promise of some of its commands
 * (@socket.io/redis-streams-adapter 0.3.1): the PUBLISH of its questions to
 * the other servers (`fetchSockets`, `serverSideEmit`) and the SET that keeps
 * a disconnected socket's session for recovery. One sent as the connection
 * closes (a lesson's timer, a socket leaving, at shutdown) rejects with "The
 * client is closed", unhandled: an error in the log, a failed test. Each gets
 * a handler here; a question still fails, by its timeout, where it is awaited.
 */
function catchDroppedPromises(bus: RedisClient) {
  const publish = bus.publish.bind(bus);
  const set = bus.set.bind(bus);
  Object.assign(bus, {
    publish: (...args: Parameters<typeof publish>) => handled(publish(...args)),
    set: (...args: Parameters<typeof set>) => handled(set(...args)),
  });
}

function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}
