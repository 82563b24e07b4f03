import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startServer } from '../test/processes.ts';
import { quietChromiumArgs, systemChromium } from './browser.ts';
import { finishCompression } from './site-build.ts';

/**
 * `npm run lighthouse [-- /lessons/<slug>/ …] [--all] [--runs N]`: Lighthouse
 * (mobile, throttled, as it scores by default) on lesson pages of the built
 * site, served as `npm start` serves it, each page N times (default 3): a
 * score that varies from run to run shows only over several. `--all`: every
 * lesson page in dist/. Prints a line per run and writes
 * bench/results/lighthouse.json. Run `npm run build` first.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { all: { type: 'boolean' }, runs: { type: 'string', default: '3' } },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1 || runs > 20) {
  console.error(`--runs takes a whole number from 1 to 20 (got "${values.runs}").`);
  process.exit(1);
}
const paths = values.all
  ? readdirSync('dist/lessons', { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `/lessons/${entry.name}/`)
  : positionals.length
    ? positionals
    : ['/lessons/rooms/'];

const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
];
type Run = { scores: Record<string, number>; metrics: Record<string, string | undefined> };

const chromePath = systemChromium();
if (!chromePath) {
  console.error('Lighthouse needs a Chromium: `apt-get install chromium`, or set PLAYWRIGHT_CHROMIUM_PATH to one.');
  process.exit(1);
}
await finishCompression(process.cwd());
const server = await startServer({ PORT: '0', STATIC_DIR: 'dist' });
const chrome = await launch({
  chromePath,
  chromeFlags: ['--headless=new', '--no-sandbox', ...quietChromiumArgs],
});
const pages: Record<string, Run[]> = {};
let version = '';
try {
  for (const path of paths) {
    pages[path] = [];
    for (let i = 0; i < runs; i++) {
      const run = await audit(path);
      pages[path].push(run);
      const scores = Object.values(run.scores).join('/');
      const metrics = METRICS.map((id) => run.metrics[id]).join(', ');
      console.log(`${path} run ${i + 1}: ${scores} (performance/accessibility/best practices/SEO); ${metrics}`);
    }
  }
} finally {
  chrome.kill();
  server.child.kill('SIGTERM');
}

const performance = Object.entries(pages).map(([path, list]) => ({
  path,
  performance: list.map((run) => run.scores.Performance ?? 0),
}));
const below = performance.filter((page) => page.performance.some((score) => score < 100));
console.log(
  `\nLighthouse ${version}, mobile, simulated throttling: ${paths.length} pages × ${runs} runs; ` +
    (below.length
      ? `below 100 in performance: ${below.map((page) => `${page.path} ${page.performance.join(', ')}`).join('; ')}`
      : 'performance 100 in every run'),
);
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/lighthouse.json',
  `${JSON.stringify({ date: new Date().toISOString(), lighthouse: version, runs, pages }, null, 2)}\n`,
);

async function audit(path: string): Promise<Run> {
  const result = await lighthouse(`${server.url}${path}`, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
  });
  if (!result) throw new Error(`Lighthouse gave no result for ${path}`);
  const { lhr } = result;
  version = lhr.lighthouseVersion;
  return {
    scores: Object.fromEntries(Object.values(lhr.categories).map((c) => [c.title, Math.round((c.score ?? 0) * 100)])),
    metrics: Object.fromEntries(METRICS.map((id) => [id, lhr.audits[id]?.displayValue])),
  };
}
