import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from '@playwright/test';
import { testChromium } from './browser.ts';

/**
 * Before the browser tests: make sure there is a Chromium to drive. A system
 * Chromium (or PLAYWRIGHT_CHROMIUM_PATH) is used as it is; otherwise
 * Playwright's own browser, downloaded once when it is missing.
 */
const system = testChromium();
if (system) {
  if (!existsSync(system)) fail(`PLAYWRIGHT_CHROMIUM_PATH points to ${system}, which does not exist.`);
  process.exit(0);
}

if (existsSync(chromium.executablePath())) process.exit(0);

console.log("No Chromium found: installing Playwright's own (npx playwright install chromium)…");
const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
const install = spawnSync(process.execPath, [cli, 'install', 'chromium'], { stdio: 'inherit' });
if (install.status !== 0 || !existsSync(chromium.executablePath())) {
  fail('Playwright could not download its browser.');
}

function fail(why: string): never {
  console.error(`
  ${why}
  The browser tests need Chromium. Any of these works:
    - Debian/Ubuntu:   sudo apt-get install -y chromium   (found at /usr/bin/chromium)
    - any machine:     npx playwright install chromium     (needs internet access)
    - your own build:  PLAYWRIGHT_CHROMIUM_PATH=/path/to/chromium npm test
`);
  process.exit(1);
}
