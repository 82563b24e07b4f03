import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/**
 * The embedded database: one SQLite file in `dataDir` (created on first use),
 * in WAL mode so reads never wait for a write. `:memory:` gives a throwaway
 * one, for tests.
 */
export function openDatabase(dataDir: string): DatabaseSync {
  if (dataDir === ':memory:') return new DatabaseSync(':memory:');
  mkdirSync(dataDir, { recursive: true });
  const db = new DatabaseSync(join(dataDir, 'workshop.db'));
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 2000;');
  return db;
}
