import { type StdioOptions, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants, setPriority } from 'node:os';
import { join } from 'node:path';
import { compressSite } from '../src/integrations/precompress.ts';
import { COMPRESS_LATER_ENV, compressedCopiesReady } from '../src/shared/compressed-site.ts';

/** What the built site is made from: a change to any of these makes `dist/` stale. */
const INPUTS = ['src', 'public', 'astro.config.mjs', 'package.json'];

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

/** How `dist/` under `root` stands: `fresh`, `stale` (a source changed since the build), or `missing`. */
export function siteBuildState(root: string): 'fresh' | 'stale' | 'missing' {
  const page = join(root, 'dist/index.html');
  const builtAt = existsSync(page) ? statSync(page).mtimeMs : 0;
  const changedAt = Math.max(...INPUTS.map((input) => newestChange(join(root, input))));
  if (builtAt >= changedAt) return 'fresh';
  return builtAt ? 'stale' : 'missing';
}

/** Whether the built site under `root` has its `.br` and `.gz` copies, all of them. */
export function siteCompressed(root: string): boolean {
  return compressedCopiesReady(join(root, 'dist'));
}

/** Compresses the built site under `root` now if a start stopped before it did: served as `npm start` serves it. */
export async function finishCompression(root: string) {
  if (!siteCompressed(root)) await compressSite(join(root, 'dist'));
}

/**
 * Builds the site with Astro's own CLI on this same Node (so it works outside
 * npm scripts too); the exit status. With `compressLater`, the build leaves
 * out the compressed copies (`compressSiteInBackground` writes them).
 */
export function buildSite(root: string, stdio: StdioOptions, { compressLater = false } = {}): number | null {
  const astro = createRequire(import.meta.url)
    .resolve('astro/package.json')
    .replace(/package\.json$/, 'bin/astro.mjs');
  const env = compressLater ? { ...process.env, [COMPRESS_LATER_ENV]: '1' } : process.env;
  return spawnSync(process.execPath, [astro, 'build'], { cwd: root, stdio, env }).status;
}

/**
 * Compresses the built site in a child process at the lowest priority, so
 * the server beside it answers first; a failure is said, and the site is
 * served uncompressed.
 */
export function compressSiteInBackground(root: string) {
  const child = spawn(process.execPath, [join(root, 'scripts/compress-site.ts'), join(root, 'dist')], {
    // The IPC channel closes when this process ends: the child then stops too, and
    // does not write a stopped server's copies into the next build's dist/.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  child.unref();
  child.channel?.unref();
  if (child.pid !== undefined) {
    try {
      setPriority(child.pid, constants.priority.PRIORITY_LOW);
    } catch {
      // Not allowed here: it then competes with the server, and still finishes.
    }
  }
  child.on('error', (error) =>
    console.warn(`\n  The site could not be compressed (${error.message}): it is served as it is.\n`),
  );
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGINT' && signal !== 'SIGTERM')
      console.warn('\n  The site could not be compressed (see above): it is served as it is.\n');
  });
  return child;
}
