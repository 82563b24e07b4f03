import type { DatabaseSync } from 'node:sqlite';
import type { RedisClient } from '../scale/redis.ts';

/**
 * How a class is split into groups: `count` groups (0: not split), each student's group by
 * the key of their name (`nameKey`), and `made`, the most groups it ever had (what their
 * demos stored goes with the class).
 */
export interface GroupPlan {
  count: number;
  made: number;
  members: Record<string, number>;
}

export const NO_GROUPS: GroupPlan = { count: 0, made: 0, members: {} };

/** A student's group, as a demo's namespace checks it: `group` unset when the class is not split. */
export interface GroupSeat {
  count: number;
  group?: number;
}

/** The groups of classes, in the class store: every process reads the same (a part of `ClassStore`). */
export interface GroupStore {
  loadGroups(code: string): Promise<GroupPlan>;
  /** Replaces the whole plan (a split, an ungroup: count 0). */
  saveGroups(code: string, plan: GroupPlan): Promise<void>;
  /**
   * The student's group; one who has none yet (a later joiner) is put in the smallest
   * group, in one step (two processes cannot both fill the same gap unseen).
   */
  seatIn(code: string, member: string): Promise<GroupSeat>;
  /** Puts one student in a group (the instructor moved them). */
  moveToGroup(code: string, member: string, group: number): Promise<void>;
}

/** The smallest of `count` groups (the first, when several are), given everyone's group. */
export function smallestGroup(count: number, groups: Iterable<number>): number {
  const sizes = Array<number>(count + 1).fill(0);
  for (const group of groups) if (group >= 1 && group <= count) sizes[group]!++;
  let best = 1;
  for (let group = 2; group <= count; group++) if (sizes[group]! < sizes[best]!) best = group;
  return best;
}

export function sqliteGroupStore(db: DatabaseSync): GroupStore {
  db.exec(`
    CREATE TABLE IF NOT EXISTS class_groups (
      class_code TEXT PRIMARY KEY,
      count INTEGER NOT NULL,
      made INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS group_members (
      class_code TEXT NOT NULL,
      name_key TEXT NOT NULL,
      grp INTEGER NOT NULL,
      PRIMARY KEY (class_code, name_key)
    );
  `);
  const sql = {
    plan: db.prepare('SELECT count, made FROM class_groups WHERE class_code = ?'),
    members: db.prepare('SELECT name_key, grp FROM group_members WHERE class_code = ?'),
    groups: db.prepare('SELECT grp FROM group_members WHERE class_code = ?'),
    member: db.prepare('SELECT grp FROM group_members WHERE class_code = ? AND name_key = ?'),
    savePlan: db.prepare(`
      INSERT INTO class_groups (class_code, count, made) VALUES (?, ?, ?)
      ON CONFLICT (class_code) DO UPDATE SET count = excluded.count, made = excluded.made`),
    clearMembers: db.prepare('DELETE FROM group_members WHERE class_code = ?'),
    setMember: db.prepare(`
      INSERT INTO group_members (class_code, name_key, grp) VALUES (?, ?, ?)
      ON CONFLICT (class_code, name_key) DO UPDATE SET grp = excluded.grp`),
  };
  const countOf = (code: string) => {
    const row = sql.plan.get(code);
    return { count: Number(row?.count ?? 0), made: Number(row?.made ?? 0) };
  };

  // One process, and no await between a read and its write: nothing comes in between.
  return {
    async loadGroups(code) {
      const members = Object.fromEntries(sql.members.all(code).map((row) => [String(row.name_key), Number(row.grp)]));
      return { ...countOf(code), members };
    },
    async saveGroups(code, plan) {
      db.exec('BEGIN');
      try {
        sql.savePlan.run(code, plan.count, plan.made);
        sql.clearMembers.run(code);
        for (const [member, group] of Object.entries(plan.members)) sql.setMember.run(code, member, group);
        db.exec('COMMIT');
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
    },
    async seatIn(code, member) {
      const { count } = countOf(code);
      if (count === 0) return { count };
      const held = Number(sql.member.get(code, member)?.grp ?? 0);
      if (held >= 1 && held <= count) return { count, group: held };
      const group = smallestGroup(
        count,
        sql.groups.all(code).map((row) => Number(row.grp)),
      );
      sql.setMember.run(code, member, group);
      return { count, group };
    },
    async moveToGroup(code, member, group) {
      sql.setMember.run(code, member, group);
    },
  };
}

// In one step inside Redis: the plan's count, the student's group, or the smallest group for them.
// KEYS: the plan (count, made), the members (name key -> group). Answers { count, group } (0: none).
const SEAT_IN = `
local count = tonumber(redis.call('HGET', KEYS[1], 'count') or '0') or 0
if count == 0 then return {0, 0} end
local held = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0') or 0
if held >= 1 and held <= count then return {count, held} end
local sizes = {}
for group = 1, count do sizes[group] = 0 end
for _, value in ipairs(redis.call('HVALS', KEYS[2])) do
  local group = tonumber(value)
  if group and sizes[group] then sizes[group] = sizes[group] + 1 end
end
local best = 1
for group = 2, count do
  if sizes[group] < sizes[best] then best = group end
end
redis.call('HSET', KEYS[2], ARGV[1], best)
return {count, best}`;

/** `keys(code)`: the class's plan and members keys, which end with the class. */
export function redisGroupStore(
  redis: RedisClient,
  keys: (code: string) => { groups: string; groupOf: string },
): GroupStore {
  return {
    async loadGroups(code) {
      const k = keys(code);
      const [plan, members] = await Promise.all([redis.hGetAll(k.groups), redis.hGetAll(k.groupOf)]);
      return {
        count: Number(plan.count ?? 0),
        made: Number(plan.made ?? 0),
        members: Object.fromEntries(Object.entries(members).map(([member, group]) => [member, Number(group)])),
      };
    },
    async saveGroups(code, plan) {
      const k = keys(code);
      const multi = redis.multi().del(k.groupOf).hSet(k.groups, { count: plan.count, made: plan.made });
      const members = Object.entries(plan.members);
      if (members.length) multi.hSet(k.groupOf, Object.fromEntries(members.map(([m, g]) => [m, String(g)])));
      await multi.exec();
    },
    async seatIn(code, member) {
      const k = keys(code);
      const [count, group] = (await redis.eval(SEAT_IN, { keys: [k.groups, k.groupOf], arguments: [member] })) as [
        number,
        number,
      ];
      return group ? { count, group } : { count };
    },
    async moveToGroup(code, member, group) {
      await redis.hSet(keys(code).groupOf, member, String(group));
    },
  };
}
