import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const INPUTS = ['src', 'public', 'astro.config.mjs', 'package.json'];

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

/**
 * Builds the site into `dist/` when it is missing or older than its sources,
 * as `npm start` does: a browser bench of a stale build would time old code.
 */
export function ensureBuiltSite(root = process.cwd()) {
  const page = join(root, 'dist/index.html');
  const builtAt = existsSync(page) ? statSync(page).mtimeMs : 0;
  if (builtAt >= Math.max(...INPUTS.map((input) => newestChange(join(root, input))))) return;
  console.log(builtAt ? 'The site changed since the last build: building it again…' : 'Building the site…');
  const astro = createRequire(import.meta.url)
    .resolve('astro/package.json')
    .replace(/package\.json$/, 'bin/astro.mjs');
  const build = spawnSync(process.execPath, [astro, 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error('The site did not build (see above), so the in-page bench cannot run.');
}
