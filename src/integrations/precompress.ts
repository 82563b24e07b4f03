import { readdirSync } from 'node:fs';
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { buildOf, COMPRESS_LATER_ENV, COMPRESSED_MARK } from '../shared/compressed-site.ts';

const TEXT = /\.(html|js|css|svg|json|txt)$/;
const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * Brotli's best (quality 11) takes 6.4 s here on the type checker's 3.8 MB script,
 * which a page fetches only for an exercise that type-checks, in a worker; quality
 * 9 takes 0.3 s for 10 % more bytes (904 KB against 824), still 15 % under gzip.
 * The other 113 files (4 MB) take 4.3 s of CPU at 11 and 1.9 s at 10, for 2.4 %
 * more bytes (832 KB against 812): 10 below 1 MB, 9 above.
 */
const brotliQuality = (bytes: number) => (bytes > 1024 * 1024 ? 9 : 10);

/**
 * Writes a Brotli and a gzip copy next to each text file of the built site in
 * `dir`, so the server sends a quarter of the bytes without compressing on
 * every request (sirv picks them by Accept-Encoding); then the mark that says
 * they are all there. The files are compressed on libuv's threads, all at once.
 *
 * Each copy is written beside `dir` and renamed into place: a server never
 * finds one half written, and two compressions at once (two `npm start`s on
 * one build) write the same bytes. If the site is built again meanwhile, it
 * stops before a copy of the old build lands in the new one.
 */
export async function compressSite(dir: string): Promise<{ files: number; seconds: number }> {
  const started = performance.now();
  const build = buildOf(dir);
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (TEXT.test(entry.name)) files.push(path);
    }
  };
  walk(dir);
  // Outside `dir` (whose listing the server stats file by file), on the same disk.
  const staging = await mkdtemp(join(dir, '..', '.compressing-'));
  const place = async (name: string, bytes: Buffer | string, target: string) => {
    await writeFile(join(staging, name), bytes);
    if (buildOf(dir) !== build) throw new Error(`${dir} was built again while it was compressed: stopped.`);
    await rename(join(staging, name), target);
  };
  try {
    // The biggest first: it takes longest, and the others fill the other threads meanwhile.
    const bodies = await Promise.all(files.map(async (path) => ({ path, body: await readFile(path) })));
    bodies.sort((a, b) => b.body.length - a.body.length);
    await Promise.all(
      bodies.map(async ({ path, body }, i) => {
        const params = {
          [constants.BROTLI_PARAM_QUALITY]: brotliQuality(body.length),
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        };
        const [br, gz] = await Promise.all([brotli(body, { params }), gzipped(body, { level: 9 })]);
        await Promise.all([place(`${i}.br`, br, `${path}.br`), place(`${i}.gz`, gz, `${path}.gz`)]);
      }),
    );
    await place('mark', `${build}\n`, join(dir, COMPRESSED_MARK));
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return { files: files.length, seconds: (performance.now() - started) / 1000 };
}

/**
 * After the build, compresses the site (`compressSite`). `npm start` sets
 * `WORKSHOP_COMPRESS_LATER` for its build: its server then serves its first
 * page about 1.5 s sooner, serves the files as they are, and compresses them in the background.
 */
export function precompress(): AstroIntegration {
  return {
    name: 'socket-workshop:precompress',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env[COMPRESS_LATER_ENV] === '1') {
          logger.info('files left to compress once the server listens');
          return;
        }
        const { files, seconds } = await compressSite(fileURLToPath(dir));
        logger.info(`${files} files compressed (br, gz) in ${seconds.toFixed(1)} s`);
      },
    },
  };
}
