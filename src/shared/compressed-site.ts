import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The file that the site's compression writes into `dist/` once every text
 * file has its `.br` and `.gz` copy. The server sends those copies only when
 * it is there: a first `npm start` compresses after it listens, and copies
 * still being written must not be sent.
 */
export const COMPRESSED_MARK = '.compressed';

/** Set by `npm start` for its build: the files are compressed after the server listens. */
export const COMPRESS_LATER_ENV = 'WORKSHOP_COMPRESS_LATER';

/**
 * Which build `dir` holds: its home page's inode and time, new with each build
 * (Astro empties `dist/` first). The mark says which build its copies are of.
 */
export function buildOf(dir: string): string {
  try {
    const page = statSync(join(dir, 'index.html'));
    return `${page.ino}:${page.mtimeMs}`;
  } catch {
    return 'no build';
  }
}

/** Whether every copy in `dir` is there, and of the build that is there now. */
export function compressedCopiesReady(dir: string): boolean {
  try {
    return readFileSync(join(dir, COMPRESSED_MARK), 'utf8').trim() === buildOf(dir);
  } catch {
    return false;
  }
}
