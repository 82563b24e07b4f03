import type { Outcome } from '../src/in-page-server/node-test.ts';
import { bundleContractTests, FIDELITY_GLOBAL } from '../test/browser/bundle.ts';
import { expect, test } from './demo.ts';

/**
 * Fidelity: the contract tests that run on Node against the companion server
 * (`src/lessons/<slug>/contract.test.ts`) run here, in Chromium, against the
 * lesson's own `server.ts` on the real socket.io in the page (the in-page
 * server of the server exercises), and pass. Each test is a step named as
 * the test; a failing one fails this spec with its name and its error. No
 * network: the page is set from a string and gets its script as a string.
 */
const LESSONS = [
  'sockets-intro',
  'emit-vs-broadcast',
  'rooms',
  'chat',
  'acknowledgements',
  'namespaces-and-middleware',
  'what-you-can-send',
];

/** What the bundle sets on `window[FIDELITY_GLOBAL]` (a page function gets the name as its argument). */
type Fidelity = { names(): string[]; run(index: number): Promise<Outcome> };
type Page = Record<string, Fidelity>;

// Bundled together before the first test (esbuild builds them side by side): a second or two, not six.
const bundles = new Map<string, Promise<string>>();
test.beforeAll(() => {
  for (const slug of LESSONS) {
    const bundle = bundleContractTests(slug);
    bundle.catch(() => {}); // its test awaits it, and fails with the build's error
    bundles.set(slug, bundle);
  }
});

for (const slug of LESSONS)
  test(`${slug}: the contract tests pass against the lesson's own server code in the page`, async ({ page }) => {
    test.setTimeout(60_000); // the chat's take about 20 s: a 3-second typing timeout, reconnections, quiet times
    const started = Date.now();
    const script = await bundles.get(slug)!;
    const waited = Date.now() - started;
    await page.setContent(`<!doctype html><html lang="en"><title>${slug} contract tests</title><body></body></html>`);
    await page.addScriptTag({ content: script });
    const names = await page.evaluate((global) => (window as unknown as Page)[global]!.names(), FIDELITY_GLOBAL);
    expect(names.length, 'contract tests found in the bundle').toBeGreaterThan(0);
    const outcomes: Outcome[] = [];
    for (const [index, name] of names.entries())
      await test.step(name, async () => {
        const outcome = await page.evaluate(({ global, index }) => (window as unknown as Page)[global]!.run(index), {
          global: FIDELITY_GLOBAL,
          index,
        });
        outcomes.push(outcome);
        expect.soft(outcome.error, name).toBeUndefined();
      });
    const ran = outcomes.reduce((sum, o) => sum + o.ms, 0);
    const passed = outcomes.filter((o) => o.ok).length;
    test.info().annotations.push({
      type: 'fidelity',
      description: `${passed}/${names.length} passed; ran in ${ran} ms (waited ${waited} ms for the bundle)`,
    });
    console.log(`${slug}: ${passed}/${names.length} contract tests passed in the page in ${ran} ms`);
  });
