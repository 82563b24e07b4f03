import type { RedisClient } from '../scale/redis.ts';
import { type ChatHistory, KEEP_PER_ROOM, missedSince, type StoredMessage } from './chat-history.ts';

/** A retry comes within minutes; a day is plenty to remember a client message id. */
const CLIENT_ID_TTL_S = 24 * 60 * 60;

/**
 * Chat history in Redis, shared by every server process: one id counter
 * (`INCR`), a sorted set per room scored by id, and each client message id
 * with its message for a day. Same interface as the SQLite store.
 */
export function redisChatHistories(redis: RedisClient): (space: string) => ChatHistory {
  return (space) => {
    const prefix = `workshop:chat:${space}:`;
    const roomKey = (room: string) => `${prefix}room:${room}`;
    const clientKey = (clientId: string) => `${prefix}client:${clientId}`;
    return {
      async nextId() {
        return redis.incr('workshop:chat:ids');
      },
      async add(room, message, clientId) {
        const json = JSON.stringify(message);
        const write = redis.multi().zAdd(roomKey(room), { score: message.id, value: json });
        write.zRemRangeByRank(roomKey(room), 0, -(KEEP_PER_ROOM + 1));
        if (clientId) write.set(clientKey(clientId), json, { expiration: { type: 'EX', value: CLIENT_ID_TTL_S } });
        await write.exec();
      },
      async sentAs<M extends StoredMessage>(clientId: string) {
        const json = await redis.get(clientKey(clientId));
        return json ? (JSON.parse(json) as M) : undefined;
      },
      async recent<M extends StoredMessage>(room: string, limit: number, after?: number) {
        const kept = await redis.zRange(roomKey(room), after ? 0 : -limit, -1); // in id order; at most KEEP_PER_ROOM
        return missedSince(
          kept.map((json) => JSON.parse(json) as M),
          limit,
          after,
        );
      },
      async clear() {
        for await (const keys of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
          const batch = ([] as string[]).concat(keys);
          if (batch.length) await redis.del(batch);
        }
      },
    };
  };
}
