import { MAX_STEPS_PER_LESSON, mergeProgress, progressFrom } from '../../shared/class-mode.ts';
import { nameKey } from '../plumbing/name-key.ts';
import type { RedisClient } from '../scale/redis.ts';
import {
  type ClassStore,
  MAX_NAMES_PER_CLASS,
  type NameClaim,
  NO_STEERING,
  type StoredStudent,
  steeringFrom,
} from './class-store.ts';
import { redisGroupStore } from './group-store.ts';

/** A student as Redis holds them; Lua's JSON writes an empty list as {}, which `progressFrom` reads as none. */
function studentFrom(json: string): StoredStudent {
  const stored = JSON.parse(json) as StoredStudent;
  return { name: stored.name, key: stored.key, progress: progressFrom(stored.progress) };
}

/** An ended class's keys stay this long (for the logs' sake), then Redis drops them. */
const ENDED_TTL_S = 7 * 24 * 60 * 60;

// Only a student who still holds the name: a removed one's progress is not written back.
// Merged in Redis, in one step: two processes (a student's two windows) each add their own
// steps, and neither write loses the other's. Only the key's own entry; at most ARGV[4] per lesson.
const SAVE_PROGRESS = `
local held = redis.call('HGET', KEYS[1], ARGV[1])
if not held then return false end
local student = cjson.decode(held)
if student.key ~= ARGV[3] then return false end
local progress = student.progress
if type(progress) ~= 'table' then progress = {} end
local max = tonumber(ARGV[4])
for lesson, steps in pairs(cjson.decode(ARGV[2])) do
  local list = progress[lesson]
  if type(list) ~= 'table' then list = {} end
  local seen = {}
  for _, step in ipairs(list) do seen[step] = true end
  for _, step in ipairs(steps) do
    if #list >= max then break end
    if not seen[step] then
      seen[step] = true
      list[#list + 1] = step
    end
  end
  progress[lesson] = list
end
student.progress = progress
redis.call('HSET', KEYS[1], ARGV[1], cjson.encode(student))
return cjson.encode(progress)`;

// Checked and taken in one step inside Redis: two processes cannot give one name to two browsers.
// KEYS: students (name key -> student), removed keys, removed names, key -> its latest name key.
// A name once held stays its key's, so that no socket still named by it speaks for a newcomer.
const CLAIM_NAME = `
if redis.call('SISMEMBER', KEYS[2], ARGV[2]) == 1 then return 'removed from class' end
if redis.call('HEXISTS', KEYS[3], ARGV[1]) == 1 then return 'removed from class' end
local held = redis.call('HGET', KEYS[1], ARGV[1])
if held then
  if cjson.decode(held).key == ARGV[2] then return 'ok' end
  return 'name taken'
end
if ARGV[4] == 'closed' then return 'closed to newcomers' end
if redis.call('HLEN', KEYS[1]) + redis.call('HLEN', KEYS[3]) >= tonumber(ARGV[5]) then return 'class full' end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
redis.call('HSET', KEYS[4], ARGV[2], ARGV[1])
return 'ok'`;

/**
 * Classes in Redis, shared by every server process: a sorted set of open
 * classes scored by their last activity (so idle ones are one range away),
 * a hash per class, its students by name key (`nameKey`), which key holds
 * which name, and its removed keys and names.
 */
export function redisClassStore(redis: RedisClient): ClassStore {
  const OPEN = 'workshop:classes';
  const keys = (code: string) => ({
    info: `workshop:class:${code}`,
    students: `workshop:class:${code}:students`,
    removed: `workshop:class:${code}:removed`,
    removedNames: `workshop:class:${code}:removed-names`,
    byKey: `workshop:class:${code}:keys`,
    groups: `workshop:class:${code}:groups`,
    groupOf: `workshop:class:${code}:group-of`,
  });

  return {
    ...redisGroupStore(redis, keys),
    async createClass(code, title, now = Date.now()) {
      // Codes are never reused, so an old link cannot land in a new class.
      if (!(await redis.sAdd('workshop:class-codes', code))) return false;
      await redis
        .multi()
        .hSet(keys(code).info, { title, createdAt: now, state: JSON.stringify(NO_STEERING) })
        .zAdd(OPEN, { score: now, value: code })
        .exec();
      return true;
    },
    async loadClass(code) {
      const k = keys(code);
      const [openSince, info, removedKeys] = await Promise.all([
        redis.zScore(OPEN, code),
        redis.hGetAll(k.info),
        redis.sMembers(k.removed),
      ]);
      if (openSince === null || !info.title) return undefined;
      return {
        code,
        title: info.title,
        state: steeringFrom(info.state),
        removedKeys,
      };
    },
    async openClasses() {
      const codes = await redis.zRange(OPEN, 0, -1);
      return Promise.all(
        codes.map(async (code) => {
          const [info, students] = await Promise.all([
            redis.hmGet(keys(code).info, ['title', 'createdAt']),
            redis.hLen(keys(code).students),
          ]);
          return { code, title: info[0] ?? '', createdAt: Number(info[1]), students };
        }),
      ).then((all) => all.sort((a, b) => a.createdAt - b.createdAt));
    },
    async students(code) {
      const all = await redis.hVals(keys(code).students);
      return all.map(studentFrom);
    },
    async endClass(code) {
      if (!(await redis.zRem(OPEN, code))) return false;
      const k = keys(code);
      const multi = redis.multi();
      for (const key of Object.values(k)) multi.expire(key, ENDED_TTL_S);
      await multi.exec();
      return true;
    },
    async touchClass(code, now = Date.now()) {
      await redis.zAdd(OPEN, { score: now, value: code }, { condition: 'XX' });
    },
    async saveState(code, state) {
      await redis.hSet(keys(code).info, 'state', JSON.stringify(state));
    },
    async claimName(code, name, key, newcomers = true) {
      const k = keys(code);
      const student: StoredStudent = { name, key, progress: {} };
      const answer = await redis.eval(CLAIM_NAME, {
        keys: [k.students, k.removed, k.removedNames, k.byKey],
        arguments: [
          nameKey(name),
          key,
          JSON.stringify(student),
          newcomers ? 'open' : 'closed',
          String(MAX_NAMES_PER_CLASS),
        ],
      });
      return answer as NameClaim;
    },
    async memberByKey(code, key) {
      const k = keys(code);
      const held = await redis.hGet(k.byKey, key);
      const json = held ? await redis.hGet(k.students, held) : null;
      const student = json ? studentFrom(json) : undefined;
      return student?.key === key ? student : undefined;
    },
    async saveProgress(code, name, key, progress) {
      const kept = await redis.eval(SAVE_PROGRESS, {
        keys: [keys(code).students],
        arguments: [nameKey(name), JSON.stringify(progress), key, String(MAX_STEPS_PER_LESSON)],
      });
      return typeof kept === 'string' ? mergeProgress({}, progressFrom(JSON.parse(kept))) : undefined;
    },
    async removeStudent(code, name) {
      const k = keys(code);
      const json = await redis.hGet(k.students, nameKey(name));
      if (!json) return undefined;
      const student = studentFrom(json);
      await redis
        .multi()
        .hDel(k.students, nameKey(name))
        .hDel(k.byKey, student.key)
        .sAdd(k.removed, student.key)
        .hSet(k.removedNames, nameKey(name), json)
        .exec();
      return student;
    },
    async readmitStudent(code, name) {
      const k = keys(code);
      const json = await redis.hGet(k.removedNames, nameKey(name));
      if (!json) return undefined;
      const student = studentFrom(json);
      await redis.multi().hDel(k.removedNames, nameKey(name)).sRem(k.removed, student.key).exec();
      return student;
    },
    async removedNames(code) {
      const all = await redis.hVals(keys(code).removedNames);
      return all.map((json) => (JSON.parse(json) as StoredStudent).name).sort();
    },
    async idleClasses(before) {
      return redis.zRangeByScore(OPEN, '-inf', `(${before}`);
    },
  };
}
