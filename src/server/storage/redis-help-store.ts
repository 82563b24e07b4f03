import type { RaisedHand, SharedCode } from '../../shared/class-help.ts';
import { nameKey } from '../plumbing/name-key.ts';
import type { RedisClient } from '../scale/redis.ts';
import type { HelpStore, RaiseResult, StoredHand } from './help-store.ts';

// Checked and written in one step inside Redis: two processes cannot both take the last place.
// KEYS: hands (name key -> hand), the queue (name keys of hands up, scored by when raised).
// A hand up already keeps its place and takes the new question and lesson.
const RAISE = `
local new = cjson.decode(ARGV[2])
if redis.call('ZSCORE', KEYS[2], ARGV[1]) then
  local held = redis.call('HGET', KEYS[1], ARGV[1])
  if held then
    local hand = cjson.decode(held)
    hand.question = new.question
    hand.lesson = new.lesson
    redis.call('HSET', KEYS[1], ARGV[1], cjson.encode(hand))
    return 'ok'
  end
end
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[3]) then return 'full' end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[4], ARGV[1])
return 'ok'`;

// Only a hand that is up: answered once, by whichever instructor's tab is first.
const ANSWER = `
if redis.call('ZREM', KEYS[2], ARGV[1]) == 0 then return 0 end
local held = redis.call('HGET', KEYS[1], ARGV[1])
if not held then return 0 end
local hand = cjson.decode(held)
hand.answer = ARGV[2]
redis.call('HSET', KEYS[1], ARGV[1], cjson.encode(hand))
return 1`;

// The latest code of an exercise, and only the student's ARGV[3] latest exercises (the oldest goes).
// KEYS: the student's code (exercise -> shared code), the class's set of students with code.
const SHARE = `
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('SADD', KEYS[2], ARGV[4])
redis.call('EXPIRE', KEYS[1], ARGV[5])
redis.call('EXPIRE', KEYS[2], ARGV[5])
local max = tonumber(ARGV[3])
while redis.call('HLEN', KEYS[1]) > max do
  local all = redis.call('HGETALL', KEYS[1])
  local oldest, at = nil, nil
  for i = 1, #all, 2 do
    local updated = cjson.decode(all[i + 1]).updatedAt
    if not at or updated < at then oldest, at = all[i], updated end
  end
  redis.call('HDEL', KEYS[1], oldest)
end
return 1`;

/** Shared code outlives a class that was never ended (a process gone) by this long at most. */
const CODE_TTL_S = 24 * 60 * 60;

/** The help store in Redis, next to the class's own keys (`workshop:class:<CODE>:…`). */
export function redisHelpStore(redis: RedisClient): HelpStore {
  const keys = (code: string) => ({
    hands: `workshop:class:${code}:hands`,
    queue: `workshop:class:${code}:hands-up`,
    coders: `workshop:class:${code}:coders`,
    codeOf: (key: string) => `workshop:class:${code}:code:${key}`,
  });
  const handFrom = (json: string): StoredHand => {
    const hand = JSON.parse(json) as StoredHand;
    return {
      name: String(hand.name),
      lesson: typeof hand.lesson === 'string' ? hand.lesson : null,
      question: String(hand.question ?? ''),
      raisedAt: Number(hand.raisedAt),
      answer: typeof hand.answer === 'string' ? hand.answer : null,
    };
  };

  return {
    async raiseHand(code, hand, max) {
      const k = keys(code);
      const stored: StoredHand = { ...hand, answer: null };
      const answer = await redis.eval(RAISE, {
        keys: [k.hands, k.queue],
        arguments: [nameKey(hand.name), JSON.stringify(stored), String(max), String(hand.raisedAt)],
      });
      return answer as RaiseResult;
    },
    async handOf(code, name) {
      const json = await redis.hGet(keys(code).hands, nameKey(name));
      return json ? handFrom(json) : undefined;
    },
    async lowerHand(code, name) {
      const k = keys(code);
      await redis.multi().zRem(k.queue, nameKey(name)).hDel(k.hands, nameKey(name)).exec();
    },
    async answerHand(code, name, reply) {
      const k = keys(code);
      const answered = await redis.eval(ANSWER, { keys: [k.hands, k.queue], arguments: [nameKey(name), reply] });
      return answered === 1;
    },
    async raisedHands(code) {
      const k = keys(code);
      const up = await redis.zRange(k.queue, 0, -1);
      if (up.length === 0) return [];
      const all = await redis.hmGet(k.hands, up);
      return all.flatMap((json): RaisedHand[] => {
        if (!json) return [];
        const { answer: _, ...hand } = handFrom(json);
        return [hand];
      });
    },
    async shareCode(code, name, shared, max) {
      const k = keys(code);
      const key = nameKey(name);
      await redis.eval(SHARE, {
        keys: [k.codeOf(key), k.coders],
        arguments: [
          `${shared.lesson}/${shared.exercise}`,
          JSON.stringify(shared),
          String(max),
          key,
          String(CODE_TTL_S),
        ],
      });
    },
    async sharedCode(code, name) {
      const all = await redis.hVals(keys(code).codeOf(nameKey(name)));
      return all.map((json) => JSON.parse(json) as SharedCode).sort((a, b) => b.updatedAt - a.updatedAt);
    },
    async forgetStudent(code, name) {
      const k = keys(code);
      const key = nameKey(name);
      await redis.multi().zRem(k.queue, key).hDel(k.hands, key).del(k.codeOf(key)).sRem(k.coders, key).exec();
    },
    async forgetClass(code) {
      const k = keys(code);
      const coders = await redis.sMembers(k.coders);
      await redis
        .multi()
        .del([k.hands, k.queue, k.coders, ...coders.map(k.codeOf)])
        .exec();
    },
  };
}
