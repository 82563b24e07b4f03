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
  catchDroppedPublishes(bus);
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
 * The adapter sends its questions to the other servers (`fetchSockets`,
 * `serverSideEmit`) with a PUBLISH whose promise it drops
 * (@socket.io/redis-streams-adapter 0.3.1). One asked as the connection
 * closes (a lesson's timer at shutdown) rejects with "The client is closed",
 * unhandled: Node would end the process. Each PUBLISH gets a handler here;
 * the question itself still fails, by its timeout, where it is awaited.
 */
function catchDroppedPublishes(bus: RedisClient) {
  const publish = bus.publish.bind(bus);
  Object.assign(bus, {
    publish: (...args: Parameters<typeof publish>) => {
      const sent = publish(...args);
      sent.catch(() => {});
      return sent;
    },
  });
}
