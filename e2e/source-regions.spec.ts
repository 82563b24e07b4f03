import { readFileSync } from 'node:fs';
import { extractRegion } from '../src/components/code/regions.ts';
import { expect, layOutWholeLesson, lessonSlugs, test } from './demo.ts';

for (const slug of lessonSlugs()) {
  test(`the code shown on ${slug} is cut from the files that run`, async ({ page }) => {
    await page.goto(`/lessons/${slug}/`);
    const wanted = (readFileSync(`src/lessons/${slug}/lesson.mdx`, 'utf8').match(/<SourceRegion /g) ?? []).length;
    expect(wanted, 'the lesson shows some code').toBeGreaterThan(0);
    await expect(page.locator('figure[data-file]')).toHaveCount(wanted);
    await layOutWholeLesson(page); // the text of code not laid out has no lines
    const shown = await page.locator('figure[data-file]').evaluateAll((figures) =>
      figures.map((figure) => {
        // A "spot the bug" answer is inside a closed <details>: open it, as a reader would.
        figure.closest('details')?.setAttribute('open', '');
        return {
          file: figure.getAttribute('data-file')!,
          region: figure.getAttribute('data-region'),
          // As the reader sees it, a line per line of code.
          // biome-ignore lint/performance/useDomNodeTextContent: as the reader sees it, a line per line of code
          text: figure.querySelector('pre')!.innerText,
        };
      }),
    );
    for (const { file, region, text } of shown) {
      const source = readFileSync(file, 'utf8');
      // No region: the whole file (one that cannot hold markers, like package.json).
      const expected = region ? extractRegion(source, region, file) : source.trim();
      expect(text, `${file}#${region}`).toBe(expected);
    }
  });
}

for (const slug of lessonSlugs()) {
  test(`no line of the code shown on ${slug} runs wider than its box on a 1280 px screen`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`/lessons/${slug}/`);
    const boxes = await page.locator('figure[data-file]').evaluateAll((figures) =>
      figures.map((figure) => {
        const pre = figure.querySelector('pre')!;
        return {
          where: `${figure.getAttribute('data-file')}#${figure.getAttribute('data-region')}`,
          scrollWidth: pre.scrollWidth,
          clientWidth: pre.clientWidth,
        };
      }),
    );
    expect(boxes.length).toBeGreaterThan(0);
    for (const { where, scrollWidth, clientWidth } of boxes) {
      expect(scrollWidth, `${where} scrolls sideways`).toBeLessThanOrEqual(clientWidth + 1);
    }
  });
}
