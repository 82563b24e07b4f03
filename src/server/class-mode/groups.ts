import type { RosterEntry } from '../../shared/class-mode.ts';
import { classLessonNamespace, groupLessonNamespace, MAX_GROUPS } from '../../shared/namespaces.ts';
import { nameKey } from '../plumbing/name-key.ts';
import type { AnySocket } from '../plumbing/types.ts';
import type { ClassStore } from '../storage/class-store.ts';
import type { GroupPlan } from '../storage/group-store.ts';
import type { ClassRegistry, LiveClass, LocalStudent } from './classes.ts';
import type { ClassChange } from './cluster-events.ts';

// A group's namespaces: `/class/<CODE>~<n>/<slug>` (and those under it). No code or slug has a `~`.
const GROUP_OF = /^\/class\/[A-Za-z0-9]{1,12}~([1-9]\d?)\//;

/** The group whose demo a class namespace is (`/class/K7QX2M~2/rooms`: 2); undefined for the class's own. */
export function groupOfNamespace(name: string): number | undefined {
  const group = GROUP_OF.exec(name)?.[1];
  return group === undefined ? undefined : Number(group);
}

/** The namespace a lesson's namespace in a class is based on: its group's, or the class's. */
export const spaceOf = (code: string, slug: string, name: string) => {
  const group = groupOfNamespace(name);
  return group ? groupLessonNamespace(code, group, slug) : classLessonNamespace(code, slug);
};

/** How many groups, asked as a number of groups or as a size, for `students` students (1 to 50). */
export function groupCount(how: { groups?: number; size?: number }, students: number): number {
  if (how.groups) return Math.min(MAX_GROUPS, how.groups);
  return Math.min(MAX_GROUPS, Math.max(1, Math.ceil(students / (how.size ?? students))));
}

/**
 * Students dealt into `count` groups in turn, so that sizes differ by one at most: those
 * connected first (every group has people in it now), then by name.
 */
export function dealIntoGroups(roster: RosterEntry[], count: number): Record<string, number> {
  const order = [...roster].sort((a, b) => Number(b.connected) - Number(a.connected) || a.name.localeCompare(b.name));
  return Object.fromEntries(order.map((entry, i) => [nameKey(entry.name), (i % count) + 1]));
}

type Tell = (socket: AnySocket, event: string, payload: unknown) => void;

/**
 * Groups of a class on this process: who may use which group's demos, and what a new plan
 * means for this process's sockets. The store holds the plan; each process keeps, per group
 * demo socket, whose it is and for which group it was let in.
 */
export function createGroups(store: ClassStore, registry: ClassRegistry) {
  const seats = new WeakMap<AnySocket, { member: string; group: number }>();

  return {
    /** Why the student called `name` may not use group `group`'s demos; nothing when they may. */
    async refusal(live: LiveClass, socket: AnySocket, name: string, group: number): Promise<string | undefined> {
      const seat = await store.seatIn(live.code, nameKey(name));
      if (seat.count === 0) return 'This class is not split into groups: its demos are the whole class’s.';
      if (group > seat.count) return `There is no group ${group} in this class.`;
      if (seat.group !== group) return `That is group ${group}’s demo; you are in group ${seat.group}.`;
      seats.set(socket, { member: nameKey(name), group });
      return undefined;
    },

    /** Why the student called `name` may not use the whole class's demos: the class is split, and theirs is their group's. */
    async wholeClassRefusal(live: LiveClass, name: string): Promise<string | undefined> {
      const seat = await store.seatIn(live.code, nameKey(name));
      return seat.count ? `Your class is in groups: your demos are group ${seat.group}’s.` : undefined;
    },

    /** A student's page came in: their group (a later joiner gets the smallest), told to the page and the roster. */
    async seat(live: LiveClass, student: LocalStudent, socket: AnySocket, tell: Tell) {
      const { group } = await store.seatIn(live.code, nameKey(student.name));
      registry.regroup(live, student, group);
      tell(socket, 'class:group', { group: group ?? null });
    },

    /**
     * A new plan, on this process: its students' groups, their pages told, and each group
     * demo socket of a student no longer in that group closed (the page reconnects in its own).
     */
    apply(
      live: LiveClass | undefined,
      plan: GroupPlan,
      sockets: Iterable<AnySocket>,
      isPresence: (s: AnySocket) => boolean,
      tell: Tell,
    ) {
      const groupOf = (member: string) => (plan.count ? plan.members[member] : undefined);
      for (const student of live?.here.values() ?? []) registry.regroup(live!, student, groupOf(nameKey(student.name)));
      for (const socket of [...sockets]) {
        if (isPresence(socket)) {
          tell(socket, 'class:group', { group: groupOf(nameKey(String(socket.data.name))) ?? null });
          continue;
        }
        const seat = seats.get(socket);
        // A group's demo of a student no longer in it; a whole-class demo once the class is split.
        if (seat ? groupOf(seat.member) !== seat.group : plan.count > 0) socket.disconnect(true);
      }
    },
  };
}

export type ClassGroups = ReturnType<typeof createGroups>;

/** Every namespace a lesson of the class has state under: the class's, and each group's it ever had. */
export const lessonSpaces = (code: string, slug: string, plan: GroupPlan) => [
  classLessonNamespace(code, slug),
  ...Array.from({ length: Math.max(plan.made, plan.count) }, (_, i) => groupLessonNamespace(code, i + 1, slug)),
];

/** The instructor's actions on groups: each saved in the store, then applied on every process. */
export function groupActions(
  store: ClassStore,
  registry: ClassRegistry,
  applyEverywhere: (code: string, change: ClassChange) => Promise<void>,
) {
  async function replan(live: LiveClass, plan: GroupPlan) {
    await store.saveGroups(live.code, plan);
    await applyEverywhere(live.code, { type: 'groups', plan });
    await registry.announceRoster(live);
  }

  return {
    /** Splits the class; the plan, in groups by name key. */
    async split(live: LiveClass, how: { groups?: number; size?: number }): Promise<GroupPlan> {
      const [roster, before] = await Promise.all([registry.roster(live), store.loadGroups(live.code)]);
      const count = groupCount(how, roster.length);
      const plan = { count, made: Math.max(before.made, count), members: dealIntoGroups(roster, count) };
      await replan(live, plan);
      return plan;
    },

    async ungroup(live: LiveClass) {
      const before = await store.loadGroups(live.code);
      await replan(live, { count: 0, made: before.made, members: {} });
    },

    /** Moves a student; a sentence when it cannot be done. */
    async move(live: LiveClass, name: string, group: number): Promise<string | undefined> {
      const [roster, plan] = await Promise.all([store.students(live.code), store.loadGroups(live.code)]);
      const student = roster.find((s) => nameKey(s.name) === nameKey(name));
      if (!student) return `There is no student called ${name} in this class.`;
      if (plan.count === 0) return 'The class is not split into groups.';
      if (group > plan.count) return `There is no group ${group}: the class has ${plan.count}.`;
      await store.moveToGroup(live.code, nameKey(student.name), group);
      // What the store holds now: a later joiner seated meanwhile elsewhere is in it too.
      await applyEverywhere(live.code, { type: 'groups', plan: await store.loadGroups(live.code) });
      await registry.announceRoster(live);
      return undefined;
    },
  };
}
