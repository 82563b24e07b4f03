import { axe, WCAG } from './axe.ts';
import { expect, layOutWholeLesson, lessonSlugs, test } from './demo.ts';

// Every page, with its demo running (the live parts are what most often go wrong).
const PAGES = ['/', ...lessonSlugs().map((slug) => `/lessons/${slug}/`), '/instructor/'];
/** What a theme changes: colours. The other rules read the same page in both. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

const violations = async (builder: ReturnType<typeof axe>) =>
  (await builder.analyze()).violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')})`,
  );

for (const path of PAGES) {
  test(`${path} has no accessibility violations, in the light theme and the dark`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(path);
    if (path.startsWith('/lessons/'))
      await expect(page.getByRole('status', { name: 'Connection' }).first()).toHaveText('connected');
    await layOutWholeLesson(page); // axe measures the colours of what is laid out: all of it
    expect(await violations(axe(page).withTags(WCAG)), 'light').toEqual([]);
    // The site follows the system's theme as it changes, without a reload.
    const background = () => page.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor);
    const light = await background();
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(background).not.toBe(light);
    expect(await violations(axe(page).withRules(COLOUR_RULES)), 'dark').toEqual([]);
  });
}
