import { expect, test } from '@playwright/test';
import { bundleContractTests, FIDELITY_GLOBAL } from '../test/browser/bundle.ts';
import type { Outcome } from '../test/browser/node-test.ts';

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
];

/** What the bundle sets on `window[FIDELITY_GLOBAL]` (a page function gets the name as its argument). */
type Fidelity = { names(): string[]; run(index: number): Promise<Outcome> };
type Page = Record<string, Fidelity>;

for (const slug of LESSONS)
  test(`${slug}: the contract tests pass against the lesson's own server code in the page`, async ({ page }) => {
    const started = Date.now();
    const script = await bundleContractTests(slug);
    const bundled = Date.now() - started;
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
      description: `${passed}/${names.length} passed; bundled in ${bundled} ms, ran in ${ran} ms`,
    });
    console.log(
      `${slug}: ${passed}/${names.length} contract tests passed in the page (bundle ${bundled} ms, run ${ran} ms)`,
    );
  });
