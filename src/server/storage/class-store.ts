import type { DatabaseSync } from 'node:sqlite';
import {
  type ClassState,
  type ClassSummary,
  type LessonProgress,
  mergeProgress,
  progressFrom,
} from '../../shared/class-mode.ts';
import { nameKey } from '../plumbing/name-key.ts';
import { type GroupStore, sqliteGroupStore } from './group-store.ts';

/** What the instructor steers: follow-me, the announcement, the chat lock, a break, closing to newcomers. */
export type SteeringState = Omit<ClassState, 'code' | 'title' | 'sentAt'>;

export const NO_STEERING: SteeringState = {
  follow: null,
  announcement: null,
  chatLocked: false,
  breakTimer: null,
  closedToNewcomers: false,
};

/** A state as stored, over the defaults: one kept before a field existed gets that field's default. */
export const steeringFrom = (json: string | null | undefined): SteeringState =>
  json ? { ...NO_STEERING, ...(JSON.parse(json) as Partial<SteeringState>) } : NO_STEERING;

export interface StoredStudent {
  name: string;
  key: string;
  /** The steps they have done, per lesson. */
  progress: LessonProgress;
}

/** An open class as a process loads it: what it checks without asking the store again. */
export interface StoredClass {
  code: string;
  title: string;
  state: SteeringState;
  /** Keys of removed students: they cannot come back in. */
  removedKeys: string[];
}

export type NameClaim = 'ok' | 'name taken' | 'removed from class' | 'closed to newcomers' | 'class full';

/**
 * Names one class may hold (removed ones included): room for the 1,000 students a class is
 * built for, twice over, and a bound on what one address can make it keep by inventing names.
 */
export const MAX_NAMES_PER_CLASS = 2000;

/**
 * Classes and their rosters: what must survive a restart, and what every
 * server process must agree on (who holds which name). Who is connected
 * right now is not here: each process knows its own sockets.
 * Two implementations: SQLite (one process) and Redis (several).
 */
export interface ClassStore extends GroupStore {
  /** False when the code is already in use. */
  createClass(code: string, title: string, now?: number): Promise<boolean>;
  /** An open class, or undefined when there is none with that code. */
  loadClass(code: string): Promise<StoredClass | undefined>;
  openClasses(): Promise<ClassSummary[]>;
  students(code: string): Promise<StoredStudent[]>;
  /** Ends the class; false if it was not open (someone else ended it first). */
  endClass(code: string, now?: number): Promise<boolean>;
  touchClass(code: string, now?: number): Promise<void>;
  saveState(code: string, state: SteeringState): Promise<void>;
  /**
   * The name is the key's if it is free or already theirs, in one step. A name
   * once held stays its key's (a key may hold several: a student who renamed),
   * so that no socket still named by it can speak for a newcomer. A removed
   * student's name and key stay refused until `readmitStudent`. With `newcomers` false
   * (the class is closed to them), a name nobody holds yet is refused.
   */
  claimName(code: string, name: string, key: string, newcomers?: boolean): Promise<NameClaim>;
  /** The student (not removed) whose browser holds `key`, if any. */
  memberByKey(code: string, key: string): Promise<StoredStudent | undefined>;
  /**
   * Adds steps to what the student (the holder of `key`) has done, per lesson, in one step,
   * and answers all they have now; undefined if the name is not that key's (or removed).
   */
  saveProgress(code: string, name: string, key: string, progress: LessonProgress): Promise<LessonProgress | undefined>;
  /** Bars the name and the key; the student who held it, if any. */
  removeStudent(code: string, name: string): Promise<StoredStudent | undefined>;
  /** Lifts a removal: the name is free again and the key may come back; the student, if one was removed under it. */
  readmitStudent(code: string, name: string): Promise<StoredStudent | undefined>;
  /** The names removed from the class, for the instructor to let back in. */
  removedNames(code: string): Promise<string[]>;
  /** Open classes nobody has touched since `before`. */
  idleClasses(before: number): Promise<string[]>;
}

/** The embedded store: one process, in SQLite (a file, or memory for tests). */
export function sqliteClassStore(db: DatabaseSync): ClassStore {
  db.exec(`
    CREATE TABLE IF NOT EXISTS classes (
      code TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      last_active_at INTEGER NOT NULL,
      ended_at INTEGER
    );
    CREATE TABLE IF NOT EXISTS students (
      class_code TEXT NOT NULL REFERENCES classes(code),
      name TEXT NOT NULL,
      name_key TEXT NOT NULL,
      student_key TEXT NOT NULL,
      completed TEXT NOT NULL DEFAULT '[]',
      removed INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (class_code, name_key)
    );
  `);
  // Databases made before the steering state was kept: add its column.
  const columns = db.prepare('PRAGMA table_info(classes)').all() as { name: string }[];
  if (!columns.some((c) => c.name === 'state')) db.exec('ALTER TABLE classes ADD COLUMN state TEXT');
  // Progress was once the list of lessons done (`completed`, no longer read); now it is steps per lesson.
  const studentColumns = db.prepare('PRAGMA table_info(students)').all() as { name: string }[];
  if (!studentColumns.some((c) => c.name === 'progress'))
    db.exec("ALTER TABLE students ADD COLUMN progress TEXT NOT NULL DEFAULT '{}'");
  // Names used to be keyed by lower case; they are keyed by their look-alike skeleton now.
  const rekey = db.prepare('UPDATE OR IGNORE students SET name_key = ? WHERE class_code = ? AND name_key = ?');
  for (const row of db.prepare('SELECT class_code, name, name_key FROM students').all()) {
    const key = nameKey(String(row.name));
    if (key !== row.name_key) rekey.run(key, String(row.class_code), String(row.name_key));
  }

  const sql = {
    nameCount: db.prepare('SELECT COUNT(*) AS n FROM students WHERE class_code = ?'),
    insertClass: db.prepare(
      'INSERT OR IGNORE INTO classes (code, title, created_at, last_active_at) VALUES (?, ?, ?, ?)',
    ),
    openClass: db.prepare('SELECT code, title, state FROM classes WHERE code = ? AND ended_at IS NULL'),
    openClasses: db.prepare(`
      SELECT code, title, created_at, (SELECT COUNT(*) FROM students WHERE class_code = code AND removed = 0) AS students
      FROM classes WHERE ended_at IS NULL ORDER BY created_at`),
    idleClasses: db.prepare('SELECT code FROM classes WHERE ended_at IS NULL AND last_active_at < ?'),
    endClass: db.prepare('UPDATE classes SET ended_at = ? WHERE code = ? AND ended_at IS NULL'),
    touchClass: db.prepare('UPDATE classes SET last_active_at = ? WHERE code = ?'),
    saveState: db.prepare('UPDATE classes SET state = ? WHERE code = ?'),
    students: db.prepare('SELECT name, student_key, progress FROM students WHERE class_code = ? AND removed = 0'),
    removedKeys: db.prepare('SELECT student_key FROM students WHERE class_code = ? AND removed = 1'),
    student: db.prepare(
      'SELECT name, student_key, progress, removed FROM students WHERE class_code = ? AND name_key = ?',
    ),
    isRemoved: db.prepare('SELECT 1 FROM students WHERE class_code = ? AND student_key = ? AND removed = 1'),
    byKey: db.prepare(
      'SELECT name, student_key, progress FROM students WHERE class_code = ? AND student_key = ? AND removed = 0',
    ),
    readmit: db.prepare('DELETE FROM students WHERE class_code = ? AND name_key = ? AND removed = 1'),
    removedNames: db.prepare('SELECT name FROM students WHERE class_code = ? AND removed = 1 ORDER BY name'),
    upsertStudent: db.prepare(`
      INSERT INTO students (class_code, name, name_key, student_key) VALUES (?, ?, ?, ?)
      ON CONFLICT (class_code, name_key) DO UPDATE SET name = excluded.name, student_key = excluded.student_key, removed = 0`),
    removeStudent: db.prepare('UPDATE students SET removed = 1 WHERE class_code = ? AND name_key = ?'),
    progressOf: db.prepare(
      'SELECT progress FROM students WHERE class_code = ? AND name_key = ? AND student_key = ? AND removed = 0',
    ),
    saveProgress: db.prepare(
      'UPDATE students SET progress = ? WHERE class_code = ? AND name_key = ? AND student_key = ?',
    ),
  };
  const studentOf = (row: Record<string, unknown>): StoredStudent => ({
    name: String(row.name),
    key: String(row.student_key),
    progress: progressFrom(JSON.parse(String(row.progress ?? '{}'))),
  });

  return {
    ...sqliteGroupStore(db),
    async createClass(code, title, now = Date.now()) {
      return sql.insertClass.run(code, title, now, now).changes === 1;
    },
    async loadClass(code) {
      const row = sql.openClass.get(code);
      if (!row) return undefined;
      return {
        code: String(row.code),
        title: String(row.title),
        state: steeringFrom(row.state ? String(row.state) : null),
        removedKeys: sql.removedKeys.all(code).map((r) => String(r.student_key)),
      };
    },
    async openClasses() {
      return sql.openClasses.all().map((row) => ({
        code: String(row.code),
        title: String(row.title),
        createdAt: Number(row.created_at),
        students: Number(row.students),
      }));
    },
    async students(code) {
      return sql.students.all(code).map(studentOf);
    },
    async endClass(code, now = Date.now()) {
      return sql.endClass.run(now, code).changes === 1;
    },
    async touchClass(code, now = Date.now()) {
      sql.touchClass.run(now, code);
    },
    async saveState(code, state) {
      sql.saveState.run(JSON.stringify(state), code);
    },
    async claimName(code, name, key, newcomers = true) {
      if (sql.isRemoved.get(code, key)) return 'removed from class';
      const holder = sql.student.get(code, nameKey(name));
      if (holder?.removed) return 'removed from class';
      if (holder && holder.student_key !== key) return 'name taken';
      if (!holder && !newcomers) return 'closed to newcomers';
      if (!holder && Number(sql.nameCount.get(code)?.n) >= MAX_NAMES_PER_CLASS) return 'class full';
      if (!holder) sql.upsertStudent.run(code, name, nameKey(name), key);
      return 'ok';
    },
    async memberByKey(code, key) {
      const row = sql.byKey.get(code, key);
      return row ? studentOf(row) : undefined;
    },
    async saveProgress(code, name, key, progress) {
      // One process, and no await between the read and the write: nothing comes in between.
      const row = sql.progressOf.get(code, nameKey(name), key);
      if (!row) return undefined;
      const kept = mergeProgress(progressFrom(JSON.parse(String(row.progress))), progress);
      sql.saveProgress.run(JSON.stringify(kept), code, nameKey(name), key);
      return kept;
    },
    async removeStudent(code, name) {
      const row = sql.student.get(code, nameKey(name));
      if (!row || row.removed) return undefined;
      sql.removeStudent.run(code, nameKey(name));
      return studentOf(row);
    },
    async readmitStudent(code, name) {
      const row = sql.student.get(code, nameKey(name));
      if (!row?.removed) return undefined;
      sql.readmit.run(code, nameKey(name));
      return studentOf(row);
    },
    async removedNames(code) {
      return sql.removedNames.all(code).map((row) => String(row.name));
    },
    async idleClasses(before) {
      return sql.idleClasses.all(before).map((row) => String(row.code));
    },
  };
}
