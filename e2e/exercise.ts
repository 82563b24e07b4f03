import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect } from './demo.ts';

/** A lesson's exercise, found by its region's name (the first one, or the one titled `title`), with its parts. */
export function exercise(page: Page, title?: string) {
  const section = page.getByRole('region', { name: title ? `Your turn ${title}` : /^Your turn/ }).first();
  return {
    section,
    editor: section.getByRole('textbox', { name: /^Code for/ }),
    run: section.getByRole('button', { name: 'Run', exact: true }),
    stop: section.getByRole('button', { name: 'Stop', exact: true }),
    state: section.getByRole('status'),
    console: section.getByRole('log', { name: /^(Server c|C)onsole$/ }),
    frame: section.frameLocator(`iframe[title="Your code's page"]`),
    check: (text: string) => section.getByRole('listitem').filter({ hasText: text }),
  };
}

/** Scrolls to the exercise, which loads its editor as it comes near. */
export async function openExercise(page: Page, title?: string) {
  const ex = exercise(page, title);
  await ex.section.scrollIntoViewIfNeeded();
  await expect(ex.state).toHaveText(/^Not running\./);
  return ex;
}

/** Replaces the editor's code, as one paste (the editor's auto-closing brackets stay out of it). */
export async function setCode(page: Page, code: string, title?: string) {
  const { editor } = exercise(page, title);
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(code);
}

/** Pastes a lesson's solution from the repo and runs it. */
export async function runSolution(page: Page, file: string) {
  const ex = await openExercise(page);
  await setCode(page, readFileSync(file, 'utf8'));
  await ex.run.click();
  await expect(ex.console).not.toContainText('Line ');
  return ex;
}

/** A server exercise: its parts, and the demo status that says which server the demo uses. */
export function serverExercise(page: Page, title: string) {
  const ex = exercise(page, title);
  return {
    ...ex,
    demoServer: page.getByRole('status', { name: 'Demo connected to' }),
    /** The solution the page shows: the lesson's own server code. */
    solution: ex.section.getByRole('group').filter({ hasText: 'Show a solution' }).locator('pre'),
  };
}

/**
 * Runs the exercise's code as the learner's server, and waits for the demo to
 * move to it: the starter as given, or what `code` reads from the page and
 * pastes in its place once the exercise is open.
 */
async function runYourServer(
  page: Page,
  title: string,
  code?: (ex: ReturnType<typeof serverExercise>) => Promise<string | null>,
) {
  const ex = serverExercise(page, title);
  await openExercise(page, title);
  if (code) await setCode(page, (await code(ex)) ?? '', title);
  await ex.run.click();
  await expect(ex.demoServer).toHaveText('your server');
  return ex;
}

/** Runs, as the learner's server, the server code the lesson shows (its solution), and waits for the demo to move to it. */
export async function runShownServer(page: Page, title: string) {
  const ex = await runYourServer(page, title, (ex) => ex.solution.textContent());
  await expect(ex.console).not.toContainText('Line ');
  return ex;
}

/** Runs the exercise's starter as given as the learner's server, and waits for the demo to move to it. */
export const runStarterServer = (page: Page, title: string) => runYourServer(page, title);

/** Waits longer than a "missed" check does, then finds none of `checks` done. */
export async function expectChecksOpen(page: Page, ex: ReturnType<typeof exercise>, checks: string[]) {
  await page.waitForTimeout(1500); // longer than a "missed" check waits
  for (const check of checks) await expect(ex.check(check)).not.toHaveClass(/done/);
}
