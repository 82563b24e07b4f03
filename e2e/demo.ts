import { existsSync, readdirSync } from 'node:fs';
import { test as base, expect, type Page } from '@playwright/test';
import { e2eServerUrl } from './servers.ts';

/**
 * `test` with a `student()` fixture: each call opens a new browser context
 * (a separate student, with its own storage and connections), all closed
 * when the test ends.
 */
export const test = base.extend<{ student: () => Promise<Page> }>({
  // The worker's own server (see e2e/servers.ts); new contexts and `page.goto('/…')` use it.
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  baseURL: async ({}, use, testInfo) => use(e2eServerUrl(testInfo.parallelIndex)),
  student: async ({ browser }, use) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await use(async () => {
      const context = await browser.newContext();
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});
export { expect };

/**
 * Lays out the whole lesson page, as scrolling through it would: off screen the site lays out
 * code only as it comes near (content-visibility), and what is not laid out has no lines to
 * read (innerText) and no colours to measure (axe).
 */
export const layOutWholeLesson = (page: Page) =>
  page.addStyleTag({ content: '.lesson pre { content-visibility: visible !important; }' });

/** A short random tag, so that tests sharing the public server can tell their own messages apart. */
export const tag = () => Math.random().toString(36).slice(2, 7);

/** Opens a lesson and waits until its named in-page clients are connected. */
export async function openDemo(page: Page, slug: string, names: string[]) {
  await page.goto(`/lessons/${slug}/`);
  for (const name of names) await expect(client(page, name).connection).toHaveText('connected');
}

/** One in-page client, found by its region's name, with what every lesson's panel has. */
export function client(page: Page, name: string) {
  const panel = page.getByRole('region', { name, exact: true });
  return {
    panel,
    connection: panel.getByRole('status', { name: 'Connection' }),
    events: panel.getByRole('log', { name: 'Events' }),
    frames: panel.getByRole('log', { name: 'Raw frames' }),
    button: (label: string) => panel.getByRole('button', { name: label, exact: true }),
  };
}

/** Renames an in-page client (it reconnects under the new name) and returns it. */
export async function rename(page: Page, from: string, to: string) {
  const panel = client(page, from);
  await panel.button('Rename').click();
  await panel.panel.getByRole('textbox', { name: 'New name' }).fill(to);
  await panel.button('Save').click();
  const renamed = client(page, to);
  await expect(renamed.connection).toHaveText('connected');
  return renamed;
}

/** Every lesson, from its folder in `src/lessons/`: specs that cover all lessons use this. */
export const lessonSlugs = () =>
  readdirSync('src/lessons', { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(`src/lessons/${entry.name}/lesson.mdx`))
    .map((entry) => entry.name);
