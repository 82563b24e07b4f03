import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { lessonPageWeights, pageScripts } from '../bench/page-weight.ts';
import { expect, lessonSlugs, test } from './demo.ts';
import { exercise, runShownServer } from './exercise.ts';

// The checks (zod) are the server's: a browser that imported them would load
// more than the whole Socket.IO client. `npm run bench` reports the weights.
test('no lesson page loads the validation library', () => {
  const weights = lessonPageWeights();
  expect(Object.keys(weights).sort()).toEqual(lessonSlugs().sort());
  for (const [slug, weight] of Object.entries(weights)) {
    expect(weight.files.length, slug).toBeGreaterThan(0);
    for (const file of weight.files) {
      expect(readFileSync(join('dist', file), 'utf8'), `${slug}: ${file}`).not.toContain('ZodError');
    }
  }
});

// The exercise editor (CodeMirror) weighs more than the rest of a lesson page: it loads when an
// exercise comes near the screen, never with the page.
test('no lesson page loads the code editor up front', () => {
  for (const [slug, weight] of Object.entries(lessonPageWeights())) {
    for (const file of weight.files) {
      expect(readFileSync(join('dist', file), 'utf8'), `${slug}: ${file}`).not.toContain('cm-editor');
    }
  }
});

/** A mark of React's own code (its element type), in every build of React 19. */
const REACT = 'react.transitional.element';
const loadsReact = (files: string[]) => files.some((file) => readFileSync(file, 'utf8').includes(REACT));

test('only the react lesson loads React: no other lesson page and not the home page', () => {
  for (const [slug, weight] of Object.entries(lessonPageWeights())) {
    const scripts = weight.files.filter((file) => file.endsWith('.js')).map((file) => join('dist', file));
    expect(loadsReact(scripts), `${slug} loads React`).toBe(slug === 'react');
  }
  expect(loadsReact(pageScripts(readFileSync('dist/index.html', 'utf8'))), 'the home page loads React').toBe(false);
});

/** What only a server Run may load: the server frame's script (the real socket.io) and the page's in-page transport. */
const IN_PAGE_SERVER = /^\/_astro\/in-page-server\.[\w-]+\.js$/;
const IN_PAGE_TRANSPORT = /^\/_astro\/transport\.[\w-]+\.js$/;

test('no lesson page loads the socket.io server or the in-page transport up front', () => {
  // Marks of their code, wherever a bundler would put it: the Server's API, the transport's own words.
  const marks = ['serverSideEmit', 'in-page server closed the connection'];
  for (const [slug, weight] of Object.entries(lessonPageWeights())) {
    for (const file of weight.files) {
      const code = readFileSync(join('dist', file), 'utf8');
      for (const mark of marks) expect(code.includes(mark), `${slug}: ${file} has "${mark}"`).toBe(false);
    }
  }
});

/** Every path the page and its frames ask for, in order. */
function requestedPaths(page: Page) {
  const paths: string[] = [];
  page.on('request', (request) => paths.push(new URL(request.url()).pathname));
  return paths;
}

test('a reader who scrolls through a lesson downloads the in-page server only when they press Run, and once', async ({
  page,
}) => {
  const TITLE = "Write the counter's server";
  const paths = requestedPaths(page);
  await page.goto('/lessons/sockets-intro/');
  // Down to the end, past every exercise: each loads its editor as it comes near.
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += innerHeight / 2) {
      scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  const exercises = page.getByRole('region', { name: /^Your turn/ });
  expect(await exercises.count()).toBeGreaterThan(1);
  for (const section of await exercises.all()) await expect(section.getByRole('status')).toHaveText(/^Not running\./);
  await expect(exercise(page, TITLE).editor).toBeVisible();
  expect(paths.filter((path) => IN_PAGE_SERVER.test(path) || IN_PAGE_TRANSPORT.test(path))).toEqual([]);

  await runShownServer(page, TITLE);
  expect(paths.filter((path) => IN_PAGE_SERVER.test(path))).toHaveLength(1);
  expect(paths.filter((path) => IN_PAGE_TRANSPORT.test(path))).toHaveLength(1);
});

/** The exercise editor's type checker: TypeScript itself, in a worker (see integrations/type-checker.ts). */
const TYPE_CHECKER = /^\/_astro\/type-checker\.[\w-]+\.js$/;

test('no lesson page carries the type checker up front, and the typescript lesson fetches it once, when its editor is used', async ({
  page,
}) => {
  // A mark of the TypeScript compiler, wherever a bundler would put it.
  for (const [slug, weight] of Object.entries(lessonPageWeights())) {
    for (const file of weight.files) {
      const code = readFileSync(join('dist', file), 'utf8');
      expect(code.includes('createLanguageService'), `${slug}: ${file} has TypeScript`).toBe(false);
    }
  }
  const paths = requestedPaths(page);
  await page.goto('/lessons/typescript/');
  const ex = exercise(page, 'A typed vote');
  await ex.section.scrollIntoViewIfNeeded();
  await expect(ex.state).toHaveText(/^Not running\./);
  await expect(ex.editor).toBeVisible();
  expect(paths.filter((path) => TYPE_CHECKER.test(path))).toEqual([]);

  await ex.editor.click(); // using the editor loads it, and checks the code
  await expect(ex.section.getByText('No type errors.')).toBeVisible({ timeout: 15_000 });
  await page.keyboard.type(' ');
  await expect(ex.section.getByText('No type errors.')).toBeVisible();
  expect(paths.filter((path) => TYPE_CHECKER.test(path))).toHaveLength(1);
});
