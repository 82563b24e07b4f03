import { InMemoryStore } from '@socket.io/admin-ui';
import type { RedisClient } from '../scale/redis.ts';

/** What the admin UI keeps of a signed-in browser: a session id, so that a reload needs no password. */
export interface AdminSessions {
  doesSessionExist(sessionId: string): Promise<boolean>;
  saveSession(sessionId: string): void;
}

/** A session lasts as long as a class may (the idle limit is 4 hours). */
const SESSION_SECONDS = 8 * 60 * 60;

/**
 * With Redis, in Redis: a browser that reconnects to another process is
 * still signed in. (The package's own `RedisStore` speaks the callback API of
 * redis 3; this server uses redis 5.)
 */
export function adminSessions(redis?: RedisClient, onError: (error: unknown) => void = () => {}): AdminSessions {
  if (!redis) return new InMemoryStore();
  const key = (id: string) => `socket.io-admin#${id}`;
  return {
    async doesSessionExist(sessionId) {
      try {
        return (await redis.exists(key(sessionId))) === 1;
      } catch (error) {
        onError(error);
        return false; // Redis away: sign in again
      }
    },
    saveSession(sessionId) {
      redis.set(key(sessionId), '1', { expiration: { type: 'EX', value: SESSION_SECONDS } }).catch(onError);
    },
  };
}
