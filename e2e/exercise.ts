import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect } from './demo.ts';

/** A lesson's exercise, found by its region's name, with its parts. */
export function exercise(page: Page) {
  const section = page.getByRole('region', { name: /^Your turn/ });
  return {
    section,
    editor: section.getByRole('textbox', { name: /^Code for/ }),
    run: section.getByRole('button', { name: 'Run', exact: true }),
    stop: section.getByRole('button', { name: 'Stop', exact: true }),
    state: section.getByRole('status'),
    console: section.getByRole('log', { name: 'Console' }),
    frame: section.frameLocator(`iframe[title="Your code's page"]`),
    check: (text: string) => section.getByRole('listitem').filter({ hasText: text }),
  };
}

/** Scrolls to the exercise, which loads its editor as it comes near. */
export async function openExercise(page: Page) {
  const ex = exercise(page);
  await ex.section.scrollIntoViewIfNeeded();
  await expect(ex.state).toHaveText(/^Not running\./);
  return ex;
}

/** Replaces the editor's code, as one paste (the editor's auto-closing brackets stay out of it). */
export async function setCode(page: Page, code: string) {
  const { editor } = exercise(page);
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
