import { mkdirSync, writeFileSync } from 'node:fs';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startServer } from '../test/processes.ts';
import { quietChromiumArgs, systemChromium } from './browser.ts';

/**
 * `npm run lighthouse [-- /lessons/<slug>/]`: Lighthouse (mobile, throttled, as
 * it scores by default) on a lesson page of the built site, served as `npm start`
 * serves it. Prints the four scores and writes bench/results/lighthouse.json.
 * Run `npm run build` first.
 */
const path = process.argv[2] ?? '/lessons/rooms/';
const server = await startServer({ PORT: '0', STATIC_DIR: 'dist' });
const chrome = await launch({
  chromePath: systemChromium(),
  chromeFlags: ['--headless=new', '--no-sandbox', ...quietChromiumArgs],
});
try {
  const result = await lighthouse(`${server.url}${path}`, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
  });
  if (!result) throw new Error('Lighthouse gave no result');
  const { lhr } = result;
  const scores = Object.fromEntries(
    Object.values(lhr.categories).map((c) => [c.title, Math.round((c.score ?? 0) * 100)]),
  );
  const metrics = Object.fromEntries(
    ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift'].map(
      (id) => [id, lhr.audits[id]?.displayValue],
    ),
  );
  console.log(`Lighthouse ${lhr.lighthouseVersion} on ${path} (mobile, simulated throttling):`);
  for (const [title, score] of Object.entries(scores)) console.log(`  ${title.padEnd(16)} ${score}`);
  console.log(
    `  ${Object.entries(metrics)
      .map(([id, value]) => `${id} ${value}`)
      .join(', ')}`,
  );
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    'bench/results/lighthouse.json',
    `${JSON.stringify({ date: new Date().toISOString(), path, scores, metrics }, null, 2)}\n`,
  );
} finally {
  chrome.kill();
  server.child.kill('SIGTERM');
}
