import AxeBuilder from '@axe-core/playwright';
import { expect, lessonSlugs, test } from './demo.ts';

// Every page, with its demo running (the live parts are what most often go wrong).
const PAGES = ['/', ...lessonSlugs().map((slug) => `/lessons/${slug}/`), '/instructor/'];

for (const path of PAGES) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`${path} has no accessibility violations (${colorScheme})`, async ({ browser }) => {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      await page.goto(path);
      if (path.startsWith('/lessons/')) await expect(page.getByRole('status', { name: 'Connection' }).first()).toHaveText('connected');
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
      expect(summary).toEqual([]);
      await context.close();
    });
  }
}
