import { readFileSync } from 'node:fs';
import { extractRegion } from '../src/components/code/regions.ts';
import { expect, lessonSlugs, test } from './demo.ts';

for (const slug of lessonSlugs()) {
  test(`the code shown on ${slug} is cut from the files that run`, async ({ page }) => {
    await page.goto(`/lessons/${slug}/`);
    const figures = page.locator('figure[data-file]');
    const wanted = (readFileSync(`src/lessons/${slug}/lesson.mdx`, 'utf8').match(/<SourceRegion /g) ?? []).length;
    expect(wanted, 'the lesson shows some code').toBeGreaterThan(0);
    await expect(figures).toHaveCount(wanted);
    for (const figure of await figures.all()) {
      // A "spot the bug" answer is inside a closed <details>: open it, as a reader would.
      await figure.evaluate((element) => element.closest('details')?.setAttribute('open', ''));
      const file = (await figure.getAttribute('data-file'))!;
      const region = await figure.getAttribute('data-region');
      // No region: the whole file (one that cannot hold markers, like package.json).
      const source = readFileSync(file, 'utf8');
      const expected = region ? extractRegion(source, region, file) : source.trim();
      // As the reader sees it, a line per line of code: on screen (code off screen is laid out
      // only when it comes near, and the text of code not laid out has no lines).
      await figure.scrollIntoViewIfNeeded();
      // biome-ignore lint/performance/useDomNodeTextContent: as the reader sees it, a line per line of code
      await expect.poll(() => figure.locator('pre').innerText(), { message: `${file}#${region}` }).toBe(expected);
    }
  });
}

for (const slug of lessonSlugs()) {
  test(`no line of the code shown on ${slug} runs wider than its box on a 1280 px screen`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`/lessons/${slug}/`);
    for (const figure of await page.locator('figure[data-file]').all()) {
      const where = `${await figure.getAttribute('data-file')}#${await figure.getAttribute('data-region')}`;
      const { scrollWidth, clientWidth } = await figure
        .locator('pre')
        .evaluate((pre) => ({ scrollWidth: pre.scrollWidth, clientWidth: pre.clientWidth }));
      expect(scrollWidth, `${where} scrolls sideways`).toBeLessThanOrEqual(clientWidth + 1);
    }
  });
}
