import type { DatabaseSync } from 'node:sqlite';

export interface StoredClass {
  code: string;
  title: string;
  createdAt: number;
  lastActiveAt: number;
}

export interface StoredStudent {
  name: string;
  key: string;
  completed: string[];
}

/**
 * Classes and their rosters, kept in SQLite so that a class survives a
 * restart of the server. Only what must survive is here; who is connected
 * right now lives in memory.
 */
export function sqliteClassStore(db: DatabaseSync) {
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
  const statements = {
    insertClass: db.prepare('INSERT INTO classes (code, title, created_at, last_active_at) VALUES (?, ?, ?, ?)'),
    openClasses: db.prepare('SELECT code, title, created_at, last_active_at FROM classes WHERE ended_at IS NULL'),
    endClass: db.prepare('UPDATE classes SET ended_at = ? WHERE code = ? AND ended_at IS NULL'),
    touchClass: db.prepare('UPDATE classes SET last_active_at = ? WHERE code = ?'),
    students: db.prepare('SELECT name, student_key, completed FROM students WHERE class_code = ? AND removed = 0'),
    upsertStudent: db.prepare(`
      INSERT INTO students (class_code, name, name_key, student_key) VALUES (?, ?, ?, ?)
      ON CONFLICT (class_code, name_key) DO UPDATE SET name = excluded.name, student_key = excluded.student_key, removed = 0`),
    removeStudent: db.prepare('UPDATE students SET removed = 1 WHERE class_code = ? AND name_key = ?'),
  };

  return {
    createClass(code: string, title: string, now = Date.now()) {
      statements.insertClass.run(code, title, now, now);
    },
    /** Every class that has not ended, with its students. */
    openClasses(): (StoredClass & { students: StoredStudent[] })[] {
      return statements.openClasses.all().map((row) => ({
        code: String(row.code),
        title: String(row.title),
        createdAt: Number(row.created_at),
        lastActiveAt: Number(row.last_active_at),
        students: statements.students.all(row.code).map((s) => ({
          name: String(s.name),
          key: String(s.student_key),
          completed: JSON.parse(String(s.completed)) as string[],
        })),
      }));
    },
    endClass(code: string, now = Date.now()) {
      statements.endClass.run(now, code);
    },
    touchClass(code: string, now = Date.now()) {
      statements.touchClass.run(now, code);
    },
    saveStudent(code: string, name: string, key: string) {
      statements.upsertStudent.run(code, name, name.toLowerCase(), key);
    },
    removeStudent(code: string, name: string) {
      statements.removeStudent.run(code, name.toLowerCase());
    },
  };
}

export type ClassStore = ReturnType<typeof sqliteClassStore>;
