import {
  type ClassState,
  type ClassSummary,
  type LessonProgress,
  mergeProgress,
  type RosterEntry,
} from '../../shared/class-mode.ts';
import { nameKey } from '../plumbing/name-key.ts';
import { type ClassStore, NO_STEERING, type SteeringState, type StoredClass } from '../storage/class-store.ts';
import type { PresenceEntry } from './cluster-events.ts';
import { newClassCode } from './codes.ts';

/** A student with a page on this process (or who had one). */
export interface LocalStudent {
  name: string;
  key: string;
  /** The student's open pages here (their class-namespace sockets). */
  sockets: Set<string>;
  lesson: string | null;
  section: string | null;
  movedAt: number;
  /** When the student last did a new step, or arrived here: the dashboard tells who seems stuck by it. */
  activeAt: number;
  /** The steps the student has done, per lesson: what the class kept and what their pages said, together. */
  progress: LessonProgress;
  /** Their group, when the class is split. */
  group?: number;
}

/**
 * This process's copy of an open class: what it must check without waiting
 * (the chat lock, removed keys), and its own students. The store holds the
 * class; changes made elsewhere arrive through `ClassChange`s.
 */
export interface LiveClass {
  code: string;
  title: string;
  state: SteeringState;
  removedKeys: Set<string>;
  /** By `nameKey`: names are unique in a class, ignoring case and look-alike letters. */
  here: Map<string, LocalStudent>;
}

/** One entry per name: connected anywhere, and wherever the student went last. */
export function mergePresence(entries: PresenceEntry[]): Map<string, PresenceEntry> {
  const merged = new Map<string, PresenceEntry>();
  for (const entry of entries) {
    const seen = merged.get(nameKey(entry.name));
    const latest = !seen || entry.movedAt > seen.movedAt ? entry : seen;
    merged.set(nameKey(entry.name), {
      ...latest,
      connected: entry.connected || (seen?.connected ?? false),
      activeAt: Math.max(entry.activeAt, seen?.activeAt ?? 0),
    });
  }
  return merged;
}

const localPresence = (s: LocalStudent): PresenceEntry => ({
  name: s.name,
  connected: s.sockets.size > 0,
  lesson: s.lesson,
  section: s.section,
  movedAt: s.movedAt,
  activeAt: s.activeAt,
});

/**
 * The open classes, as this process sees them: the store for what every
 * process shares, `elsewhere` for who is connected to the others.
 * `onRoster` hears each change of a roster entry, for the instructor.
 */
export function createClassRegistry(
  store: ClassStore,
  elsewhere: (code: string, name: string | null) => Promise<PresenceEntry[]>,
  onRoster: (code: string, entry: RosterEntry | string) => void,
) {
  const classes = new Map<string, LiveClass>();

  const cache = (stored: StoredClass): LiveClass => {
    const live = {
      code: stored.code,
      title: stored.title,
      state: stored.state,
      removedKeys: new Set(stored.removedKeys),
      here: new Map(),
    };
    classes.set(live.code, live);
    return live;
  };

  /** This process's students of a class (or the one called `name`). */
  function presenceHere(code: string, name: string | null): PresenceEntry[] {
    const here = classes.get(code)?.here;
    if (!here) return [];
    const mine = name === null ? [...here.values()] : [here.get(nameKey(name))].filter((s) => s !== undefined);
    return mine.map(localPresence);
  }

  /** Where the students are, all processes together. */
  async function presenceEverywhere(live: LiveClass, name: string | null) {
    return mergePresence([...presenceHere(live.code, name), ...(await elsewhere(live.code, name))]);
  }

  // When the class was last used, for the idle sweep: worth a try, not worth failing a join over.
  const touch = (code: string) => void store.touchClass(code).catch(() => {});

  const entry = (name: string, progress: LessonProgress, presence?: PresenceEntry, group?: number): RosterEntry => ({
    name,
    connected: presence?.connected ?? false,
    lesson: presence?.lesson ?? null,
    section: presence?.section ?? null,
    progress,
    ...(group && { group }),
    activeAt: presence?.activeAt ?? null,
  });
  /** A student of this process, as the roster shows them (`presence`: if known beyond this process). */
  const entryOf = (student: LocalStudent, presence = localPresence(student)) =>
    entry(student.name, student.progress, presence, student.group);

  return {
    /** Where the class is kept (the groups read it directly). */
    store,
    /** This process's copy, if it has one. */
    get: (code: string) => classes.get(code),

    /** The open class with that code, from the store the first time. */
    async load(code: string): Promise<LiveClass | undefined> {
      const known = classes.get(code);
      if (known) return known;
      const stored = await store.loadClass(code);
      return stored && (classes.get(code) ?? cache(stored));
    },

    async create(title: string): Promise<LiveClass> {
      for (;;) {
        const code = newClassCode((c) => classes.has(c));
        if (await store.createClass(code, title)) return cache({ code, title, state: NO_STEERING, removedKeys: [] });
      }
    },

    /** False if the class had already ended (here or on another process). */
    end: (code: string) => store.endClass(code),
    forget: (code: string) => classes.delete(code),

    list: (): Promise<ClassSummary[]> => store.openClasses(),

    saveState: (live: LiveClass, state: SteeringState) => store.saveState(live.code, state),

    stateOf: (live: LiveClass): ClassState => ({
      code: live.code,
      title: live.title,
      ...live.state,
      sentAt: Date.now(),
    }),

    async roster(live: LiveClass): Promise<RosterEntry[]> {
      const [students, presence, groups] = await Promise.all([
        store.students(live.code),
        presenceEverywhere(live, null),
        store.loadGroups(live.code),
      ]);
      return students.map((s) => {
        // A student here may have reported steps the store has not written yet.
        const local = live.here.get(nameKey(s.name));
        const group = groups.count ? groups.members[nameKey(s.name)] : undefined;
        return entry(s.name, local ? local.progress : s.progress, presence.get(nameKey(s.name)), group);
      });
    },

    /** A student of this process is in another group now (or none): the roster hears it. */
    regroup(live: LiveClass, student: LocalStudent, group: number | undefined) {
      if (student.group === group) return;
      student.group = group;
      onRoster(live.code, entryOf(student));
    },
    /** Every student's entry again, for the instructor (after a split). */
    async announceRoster(live: LiveClass) {
      for (const entry of await this.roster(live)) onRoster(live.code, entry);
    },

    /** Who of this class has a page on this process, for the other processes. */
    presenceHere,

    /** A student's page asks to come in: the name is theirs if it is free, or if their key already holds it. */
    claim: (live: LiveClass, name: string, key: string) =>
      store.claimName(live.code, name, key, !live.state.closedToNewcomers),

    /**
     * A student's page has come in (after every check, so that a refused one is
     * never counted as connected). An entry of another key under that name is
     * not theirs to take over.
     */
    arrive(live: LiveClass, name: string, key: string, socketId: string): LocalStudent {
      const lower = nameKey(name);
      const known = live.here.get(lower);
      const student =
        known?.key === key
          ? known
          : {
              name,
              key,
              sockets: new Set<string>(),
              lesson: null,
              section: null,
              movedAt: Date.now(),
              activeAt: Date.now(),
              progress: {},
            };
      live.here.set(lower, student);
      student.sockets.add(socketId);
      touch(live.code);
      onRoster(live.code, entryOf(student));
      return student;
    },

    async leave(live: LiveClass, student: LocalStudent, socketId: string) {
      student.sockets.delete(socketId);
      touch(live.code);
      if (live.here.get(nameKey(student.name)) !== student) return;
      // Gone from here, perhaps still on another process (a second tab).
      const presence = student.sockets.size
        ? localPresence(student)
        : (await presenceEverywhere(live, student.name)).get(nameKey(student.name));
      onRoster(live.code, entryOf(student, presence));
    },

    moveTo(live: LiveClass, student: LocalStudent, lesson: string | null, section: string | null) {
      Object.assign(student, { lesson, section, movedAt: Date.now() });
      onRoster(live.code, entryOf(student));
    },

    /** Adds what a page says the student did to what is known (nothing is ever taken away); what is known now. */
    async addProgress(live: LiveClass, student: LocalStudent, reported: LessonProgress): Promise<LessonProgress> {
      const update = (progress: LessonProgress) => {
        if (JSON.stringify(progress) === JSON.stringify(student.progress)) return false;
        student.progress = progress;
        student.activeAt = Date.now();
        onRoster(live.code, entryOf(student));
        return true;
      };
      if (!update(mergeProgress(student.progress, reported))) return student.progress;
      // The store adds too, and answers all it keeps: another process's window may have added more.
      const kept = await store.saveProgress(live.code, student.name, student.key, student.progress);
      if (kept) update(mergeProgress(student.progress, kept));
      return student.progress;
    },

    /** The roster member whose browser holds `key` (not removed), if any: who a socket of the class is. */
    member: (live: LiveClass, key: string) => store.memberByKey(live.code, key),

    /** Bars the name and the student's key; the student, if there was one. */
    async remove(live: LiveClass, name: string) {
      const student = await store.removeStudent(live.code, name);
      if (student) onRoster(live.code, student.name);
      return student;
    },

    /** Lets a removed student back in (their name and key); the student, if one was removed under that name. */
    readmit: (live: LiveClass, name: string) => store.readmitStudent(live.code, name),
    removedNames: (live: LiveClass) => store.removedNames(live.code),

    /** Open classes nobody has used for `idleMs`, with nobody connected on any process. */
    async idle(idleMs: number, now = Date.now()): Promise<string[]> {
      const candidates = await store.idleClasses(now - idleMs);
      const idle: string[] = [];
      for (const code of candidates) {
        const live = await this.load(code);
        if (live && [...(await presenceEverywhere(live, null)).values()].every((p) => !p.connected)) idle.push(code);
      }
      return idle;
    },
  };
}

export type ClassRegistry = ReturnType<typeof createClassRegistry>;
