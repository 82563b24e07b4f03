import type { DatabaseSync } from 'node:sqlite';
import type { RaisedHand, SharedCode } from '../../shared/class-help.ts';
import { nameKey } from '../plumbing/name-key.ts';

/** A student's hand as the class keeps it: up, or answered (until they lower it or raise it again). */
export interface StoredHand extends RaisedHand {
  answer: string | null;
}

export type RaiseResult = 'ok' | 'full';

/**
 * What a class keeps to help its students: one hand per student, and the
 * latest code of the few exercises each last edited. Every process shares it
 * (SQLite for one process, Redis for several); all of it goes with the
 * student when they are removed, and with the class when it ends.
 */
export interface HelpStore {
  /**
   * Puts the student's hand up: a hand already up keeps its place in the queue and takes
   * the new question; 'full' when `max` hands of others are up.
   */
  raiseHand(code: string, hand: RaisedHand, max: number): Promise<RaiseResult>;
  /** The student's hand, up or answered. */
  handOf(code: string, name: string): Promise<StoredHand | undefined>;
  lowerHand(code: string, name: string): Promise<void>;
  /** Takes the hand down with the instructor's answer; false if it was not up. */
  answerHand(code: string, name: string, reply: string): Promise<boolean>;
  /** The hands up, oldest first. */
  raisedHands(code: string): Promise<RaisedHand[]>;
  /** Keeps this code as the student's latest of that exercise, and only their `max` latest exercises. */
  shareCode(code: string, name: string, shared: SharedCode, max: number): Promise<void>;
  /** The student's shared code, newest first. */
  sharedCode(code: string, name: string): Promise<SharedCode[]>;
  forgetStudent(code: string, name: string): Promise<void>;
  forgetClass(code: string): Promise<void>;
}

export function sqliteHelpStore(db: DatabaseSync): HelpStore {
  db.exec(`
    CREATE TABLE IF NOT EXISTS raised_hands (
      class_code TEXT NOT NULL,
      name_key TEXT NOT NULL,
      name TEXT NOT NULL,
      lesson TEXT,
      question TEXT NOT NULL,
      raised_at INTEGER NOT NULL,
      answer TEXT,
      PRIMARY KEY (class_code, name_key)
    );
    CREATE TABLE IF NOT EXISTS shared_code (
      class_code TEXT NOT NULL,
      name_key TEXT NOT NULL,
      lesson TEXT NOT NULL,
      exercise TEXT NOT NULL,
      title TEXT NOT NULL,
      code TEXT NOT NULL,
      updated_at INTEGER NOT NULL,
      PRIMARY KEY (class_code, name_key, lesson, exercise)
    );
  `);
  const sql = {
    hand: db.prepare(
      'SELECT name, lesson, question, raised_at, answer FROM raised_hands WHERE class_code = ? AND name_key = ?',
    ),
    countUp: db.prepare('SELECT COUNT(*) AS n FROM raised_hands WHERE class_code = ? AND answer IS NULL'),
    putHand: db.prepare(`
      INSERT INTO raised_hands (class_code, name_key, name, lesson, question, raised_at, answer) VALUES (?, ?, ?, ?, ?, ?, NULL)
      ON CONFLICT (class_code, name_key) DO UPDATE SET name = excluded.name, lesson = excluded.lesson,
        question = excluded.question, raised_at = excluded.raised_at, answer = NULL`),
    askAgain: db.prepare(
      'UPDATE raised_hands SET question = ?, lesson = ? WHERE class_code = ? AND name_key = ? AND answer IS NULL',
    ),
    lower: db.prepare('DELETE FROM raised_hands WHERE class_code = ? AND name_key = ?'),
    answer: db.prepare('UPDATE raised_hands SET answer = ? WHERE class_code = ? AND name_key = ? AND answer IS NULL'),
    raised: db.prepare(
      'SELECT name, lesson, question, raised_at FROM raised_hands WHERE class_code = ? AND answer IS NULL ORDER BY raised_at, name_key',
    ),
    putCode: db.prepare(`
      INSERT INTO shared_code (class_code, name_key, lesson, exercise, title, code, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (class_code, name_key, lesson, exercise) DO UPDATE SET title = excluded.title, code = excluded.code,
        updated_at = excluded.updated_at`),
    trimCode: db.prepare(`
      DELETE FROM shared_code WHERE class_code = ? AND name_key = ? AND rowid NOT IN (
        SELECT rowid FROM shared_code WHERE class_code = ? AND name_key = ? ORDER BY updated_at DESC, rowid DESC LIMIT ?)`),
    code: db.prepare(
      'SELECT lesson, exercise, title, code, updated_at FROM shared_code WHERE class_code = ? AND name_key = ? ORDER BY updated_at DESC, rowid DESC',
    ),
    forgetHand: db.prepare('DELETE FROM raised_hands WHERE class_code = ? AND name_key = ?'),
    forgetCode: db.prepare('DELETE FROM shared_code WHERE class_code = ? AND name_key = ?'),
    forgetClassHands: db.prepare('DELETE FROM raised_hands WHERE class_code = ?'),
    forgetClassCode: db.prepare('DELETE FROM shared_code WHERE class_code = ?'),
  };
  const handFrom = (row: Record<string, unknown>): StoredHand => ({
    name: String(row.name),
    lesson: row.lesson === null ? null : String(row.lesson),
    question: String(row.question),
    raisedAt: Number(row.raised_at),
    answer: row.answer === null || row.answer === undefined ? null : String(row.answer),
  });

  return {
    // One process, and no await between the reads and the writes: nothing comes in between.
    async raiseHand(code, hand, max) {
      const key = nameKey(hand.name);
      if (sql.askAgain.run(hand.question, hand.lesson, code, key).changes === 1) return 'ok';
      if (Number(sql.countUp.get(code)?.n) >= max) return 'full';
      sql.putHand.run(code, key, hand.name, hand.lesson, hand.question, hand.raisedAt);
      return 'ok';
    },
    async handOf(code, name) {
      const row = sql.hand.get(code, nameKey(name));
      return row ? handFrom(row) : undefined;
    },
    async lowerHand(code, name) {
      sql.lower.run(code, nameKey(name));
    },
    async answerHand(code, name, reply) {
      return sql.answer.run(reply, code, nameKey(name)).changes === 1;
    },
    async raisedHands(code) {
      return sql.raised.all(code).map((row) => {
        const { answer: _, ...hand } = handFrom({ ...row, answer: null });
        return hand;
      });
    },
    async shareCode(code, name, shared, max) {
      const key = nameKey(name);
      sql.putCode.run(code, key, shared.lesson, shared.exercise, shared.title, shared.code, shared.updatedAt);
      sql.trimCode.run(code, key, code, key, max);
    },
    async sharedCode(code, name) {
      return sql.code.all(code, nameKey(name)).map((row) => ({
        lesson: String(row.lesson),
        exercise: String(row.exercise),
        title: String(row.title),
        code: String(row.code),
        updatedAt: Number(row.updated_at),
      }));
    },
    async forgetStudent(code, name) {
      sql.forgetHand.run(code, nameKey(name));
      sql.forgetCode.run(code, nameKey(name));
    },
    async forgetClass(code) {
      sql.forgetClassHands.run(code);
      sql.forgetClassCode.run(code);
    },
  };
}
