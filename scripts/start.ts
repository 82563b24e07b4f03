import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * `npm start`: builds the site when `dist/` is missing or older than its
 * sources, then starts the companion server on the built site.
 */
const root = new URL('..', import.meta.url).pathname;
const builtPage = join(root, 'dist/index.html');
const inputs = ['src', 'public', 'astro.config.mjs', 'package.json'];

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

const builtAt = existsSync(builtPage) ? statSync(builtPage).mtimeMs : 0;
const changedAt = Math.max(...inputs.map((input) => newestChange(join(root, input))));

if (builtAt < changedAt) {
  console.log(
    builtAt
      ? '\n  The site changed since the last build: building it again…\n'
      : '\n  Building the site (first start)…\n',
  );
  // Astro's own CLI on this same Node, so it works outside npm scripts too.
  const astro = createRequire(import.meta.url)
    .resolve('astro/package.json')
    .replace(/package\.json$/, 'bin/astro.mjs');
  const build = spawnSync(process.execPath, [astro, 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('\n  The build failed (see above), so the server was not started.\n');
    process.exit(build.status ?? 1);
  }
}

// `npm run cluster`: a primary process that starts the workers, each one `index.ts`.
await import(process.argv.includes('--cluster') ? '../src/server/cluster.ts' : '../src/server/index.ts');
