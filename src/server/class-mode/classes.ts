import type { Namespace } from 'socket.io';
import type { ClassState, ClassSummary, RosterEntry } from '../../shared/class-mode.ts';
import type { ClassStore } from '../storage/class-store.ts';
import { newClassCode } from './codes.ts';

interface Student {
  name: string;
  key: string;
  /** The student's open pages (their class-namespace sockets). */
  sockets: Set<string>;
  lesson: string | null;
  section: string | null;
  completed: string[];
}

export interface LiveClass {
  code: string;
  title: string;
  createdAt: number;
  lastActiveAt: number;
  /** By lower-cased name: names are unique in a class, ignoring case. */
  students: Map<string, Student>;
  /** Keys of removed students: they cannot come back in. */
  removedKeys: Set<string>;
  state: Omit<ClassState, 'code' | 'title'>;
  /** The class's lesson namespaces that Socket.IO has created so far. */
  lessonNamespaces: Set<Namespace>;
}

export type JoinResult = { ok: true; student: Student } | { ok: false; error: string };

/**
 * Every open class: what must survive a restart goes through the store,
 * the rest (who is connected, where they are) is kept here.
 * `onRoster` hears each change of a roster entry, for the instructor.
 */
export function createClassRegistry(store: ClassStore, onRoster: (code: string, entry: RosterEntry | string) => void) {
  const classes = new Map<string, LiveClass>();
  for (const stored of store.openClasses()) {
    classes.set(stored.code, {
      ...stored,
      students: new Map(stored.students.map((s) => [s.name.toLowerCase(), { ...s, sockets: new Set(), lesson: null, section: null }])),
      removedKeys: new Set(),
      state: { follow: null, announcement: null, chatLocked: false },
      lessonNamespaces: new Set(),
    });
  }

  const entryOf = (s: Student): RosterEntry => ({
    name: s.name,
    connected: s.sockets.size > 0,
    lesson: s.lesson,
    section: s.section,
    completed: s.completed,
  });

  function touch(live: LiveClass) {
    live.lastActiveAt = Date.now();
    store.touchClass(live.code, live.lastActiveAt);
  }

  return {
    get: (code: string) => classes.get(code),

    create(title: string): LiveClass {
      const code = newClassCode((c) => classes.has(c));
      const now = Date.now();
      store.createClass(code, title, now);
      const live: LiveClass = {
        code,
        title,
        createdAt: now,
        lastActiveAt: now,
        students: new Map(),
        removedKeys: new Set(),
        state: { follow: null, announcement: null, chatLocked: false },
        lessonNamespaces: new Set(),
      };
      classes.set(code, live);
      return live;
    },

    end(code: string) {
      classes.delete(code);
      store.endClass(code);
    },

    list(): ClassSummary[] {
      return [...classes.values()].map((c) => ({ code: c.code, title: c.title, createdAt: c.createdAt, students: c.students.size }));
    },

    stateOf: (live: LiveClass): ClassState => ({ code: live.code, title: live.title, ...live.state }),
    roster: (live: LiveClass) => [...live.students.values()].map(entryOf),

    /** A student's page arrives. The name is theirs if it is free, or if their key already holds it. */
    join(live: LiveClass, name: string, key: string, socketId: string): JoinResult {
      if (live.removedKeys.has(key)) return { ok: false, error: 'removed from class' };
      const holder = live.students.get(name.toLowerCase());
      if (holder && holder.key !== key) return { ok: false, error: 'name taken' };
      const student = holder ?? { name, key, sockets: new Set<string>(), lesson: null, section: null, completed: [] };
      if (!holder) {
        live.students.set(name.toLowerCase(), student);
        store.saveStudent(live.code, name, key);
      }
      student.sockets.add(socketId);
      touch(live);
      onRoster(live.code, entryOf(student));
      return { ok: true, student };
    },

    leave(live: LiveClass, student: Student, socketId: string) {
      student.sockets.delete(socketId);
      touch(live);
      if (live.students.get(student.name.toLowerCase()) === student) onRoster(live.code, entryOf(student));
    },

    moveTo(live: LiveClass, student: Student, lesson: string | null, section: string | null) {
      student.lesson = lesson;
      student.section = section;
      onRoster(live.code, entryOf(student));
    },

    remove(live: LiveClass, name: string): Student | undefined {
      const student = live.students.get(name.toLowerCase());
      if (!student) return undefined;
      live.students.delete(name.toLowerCase());
      live.removedKeys.add(student.key);
      store.removeStudent(live.code, name);
      onRoster(live.code, student.name);
      return student;
    },

    /** Classes nobody has used for `idleMs`. */
    idle(idleMs: number, now = Date.now()) {
      return [...classes.values()].filter(
        (c) => now - c.lastActiveAt > idleMs && [...c.students.values()].every((s) => s.sockets.size === 0),
      );
    },
  };
}

export type ClassRegistry = ReturnType<typeof createClassRegistry>;
