import { spawn } from 'node:child_process';
import { siteBuildState } from './site-build.ts';

/**
 * `npm test`: the linter; then the type check and the site's build beside the
 * server tests; then the browser tests, on that build. The server tests leave a
 * fifth of two cores idle (they wait on timers and sockets), and the check and
 * the build fill it: 163 s for the three side by side against 194 one after the
 * other (2 December). The server tests print as they go; the other side's output
 * comes when it is done.
 */
const root = new URL('..', import.meta.url).pathname;

/** `npm run <script>`; its exit status. Its output goes to the terminal, or is kept and returned. */
function npmRun(script: string, keep = false): Promise<{ status: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { cwd: root, stdio: keep ? 'pipe' : 'inherit' });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ status: code ?? 1, output }));
  });
}

function stop(step: string, status: number): never {
  console.error(`\n  npm test stopped: ${step} failed (exit ${status}).\n`);
  process.exit(status || 1);
}

const lint = await npmRun('lint');
if (lint.status !== 0) stop('the linter (npm run lint)', lint.status);

/** The type check, then the build when `dist/` is not fresh: both use Astro's generated types, so never at once. */
async function checkAndBuild(): Promise<{ step: string; status: number; output: string }> {
  const check = await npmRun('check', true);
  if (check.status !== 0) return { step: 'the type check (npm run check)', ...check };
  if (siteBuildState(root) === 'fresh') return { step: 'the build', status: 0, output: check.output };
  const build = await npmRun('build', true);
  return { step: 'the build (npm run build)', status: build.status, output: check.output + build.output };
}

const [server, side] = await Promise.all([npmRun('test:server'), checkAndBuild()]);
console.log(`\n--- beside the server tests: the type check and the build\n${side.output}`);
if (side.status !== 0) stop(side.step, side.status);
if (server.status !== 0) stop('the server tests (npm run test:server)', server.status);

const e2e = await npmRun('test:e2e');
if (e2e.status !== 0) stop('the browser tests (npm run test:e2e)', e2e.status);
