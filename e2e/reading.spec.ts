import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axe, WCAG } from './axe.ts';
import { expect, lessonSlugs, test } from './demo.ts';

test('the lesson list marks where the reader is, "On this page" jumps to a section, and previous/next lead on', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/lessons/rooms/');
  const lessons = page.getByRole('navigation', { name: 'Lessons' });
  await expect(lessons.getByRole('link', { name: 'Rooms' })).toHaveAttribute('aria-current', 'page');
  await expect(lessons.locator('[aria-current]')).toHaveCount(1);

  const toc = page.getByRole('navigation', { name: 'On this page' });
  await toc.getByRole('link', { name: 'Rooms live on the server' }).click();
  await expect(page).toHaveURL(/#rooms-live-on-the-server$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Rooms live on the server' })).toBeInViewport();

  await page
    .getByRole('navigation', { name: 'Previous and next lesson' })
    .getByRole('link', { name: /Namespaces and middleware/ })
    .click();
  await expect(page).toHaveURL(/\/lessons\/namespaces-and-middleware\/$/);
  await expect(
    page.getByRole('navigation', { name: 'Lessons' }).getByRole('link', { name: 'Namespaces and middleware' }),
  ).toHaveAttribute('aria-current', 'page');
});

test('on a 360 px phone the lesson list folds behind a button, and nothing scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/lessons/emit-vs-broadcast/');
  const menu = page.getByRole('button', { name: 'Lessons' });
  const list = page.getByRole('navigation', { name: 'Lessons' });
  await expect(list).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(list.getByRole('link', { name: 'Rooms' })).toBeVisible();
  await list.getByRole('link', { name: 'Rooms' }).focus();
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  await expect(menu).toBeFocused();
  for (const path of ['/', ...lessonSlugs().map((slug) => `/lessons/${slug}/`), '/instructor/']) {
    await page.goto(path);
    const [content, screen] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(content, `${path} is ${content} px wide`).toBeLessThanOrEqual(screen!);
  }
});

test('the theme follows the system until the reader picks one, which every page then keeps', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'light' });
  const page = await context.newPage();
  // The theme is set by an inline script, which runs only if the CSP names it.
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.goto('/lessons/sockets-intro/');
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  const light = await background();

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(await background()).not.toBe(light);
  const dark = await background();

  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
  expect(await background()).toBe(dark);

  // Picking the system's own theme again hands the choice back to the system.
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
  expect(await background()).toBe(dark);
  expect(refused).toEqual([]);
  await context.close();
});

test('"/" opens the search; a word finds the lessons that teach it, and a result leads there', async ({ page }) => {
  await page.goto('/lessons/sockets-intro/');
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: 'Search the lessons' });
  await expect(dialog).toBeVisible();
  const field = dialog.getByRole('textbox');
  await expect(field).toBeFocused();
  await page.keyboard.type('zqxjkv');
  await expect(dialog).toContainText('No results for zqxjkv');
  await field.fill('broadcast');
  const result = dialog.getByRole('link', { name: 'Emit, broadcast, or send to one', exact: true });
  await expect(result).toBeVisible();

  const results = await axe(page).include('dialog').withTags(WCAG).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await result.click();
  await expect(page).toHaveURL(/\/lessons\/emit-vs-broadcast\//);
  // Escape closes it, and the focus goes back where it was.
  await page.getByRole('button', { name: /Search/ }).click();
  await expect(page.getByRole('dialog', { name: 'Search the lessons' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Search the lessons' })).toBeHidden();
  await expect(page.getByRole('button', { name: /Search/ })).toBeFocused();
});

/** Every built page, under dist/. */
const builtPages = (dir = 'dist'): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? builtPages(join(dir, entry.name))
      : entry.name.endsWith('.html')
        ? [join(dir, entry.name)]
        : [],
  );

// In an .astro file a line break between a word and a tag is dropped (as in JSX): "loads<code>…".
test('no page runs a word into the code or link beside it', () => {
  const runTogether = /[a-z,.:;](?=<(?:code|a|strong|em)[\s>])|<\/(?:code|a|strong|em)>(?=[A-Za-z(])/g;
  const found = builtPages().flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(runTogether)].map(
      (m) => `${file}: …${m.input.slice(m.index - 30, m.index + 40)}`,
    ),
  );
  expect(found).toEqual([]);
});

// A reader who jumps to a lesson's end (a link, find, the End key) clicks what they see there:
// nothing laid out late above it may push it away under the pointer (a lost click, seen on CI).
test('the end of every lesson stays where a reader scrolled it, for their click', async ({ page }) => {
  test.setTimeout(90_000); // fifteen pages at a phone's speed
  // At a phone's speed (4× slower), where the late layout showed; at this machine's own it lands before the next frame.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  for (const slug of lessonSlugs()) {
    await page.goto(`/lessons/${slug}/`);
    const button = page.getByRole('button', { name: 'Take it home' });
    await button.scrollIntoViewIfNeeded();
    // Its top in each of the next 30 frames (half a second or more at 4×): the moves seen came within that.
    const tops = await button.evaluate(
      (element) =>
        new Promise<number[]>((resolve) => {
          const seen: number[] = [];
          const frame = () => {
            seen.push(Math.round(element.getBoundingClientRect().top));
            if (seen.length < 30) requestAnimationFrame(frame);
            else resolve(seen);
          };
          requestAnimationFrame(frame);
        }),
    );
    expect(
      Math.max(...tops) - Math.min(...tops),
      `${slug}: the button's top went ${tops.join(', ')}`,
    ).toBeLessThanOrEqual(2);
  }
});
