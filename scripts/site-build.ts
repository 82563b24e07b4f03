import { type StdioOptions, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

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

/** Builds the site with Astro's own CLI on this same Node (so it works outside npm scripts too); the exit status. */
export function buildSite(root: string, stdio: StdioOptions): number | null {
  const astro = createRequire(import.meta.url)
    .resolve('astro/package.json')
    .replace(/package\.json$/, 'bin/astro.mjs');
  return spawnSync(process.execPath, [astro, 'build'], { cwd: root, stdio }).status;
}
