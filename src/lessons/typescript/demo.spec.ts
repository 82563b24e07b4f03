import type { Page } from '@playwright/test';
import { client, expect, openDemo, test } from '../../../e2e/demo.ts';
import {
  exercise,
  expectChecksOpen,
  openExercise,
  runShownServer,
  runSolution,
  runStarterServer,
  setCode,
} from '../../../e2e/exercise.ts';

const SERVER_TITLE = 'Count the votes, typed';
const SERVER_CHECKS = [
  'A vote is answered with the choice it took',
  "Another client's tally counts the vote",
];

/** A client's count for one choice, as its tally shows it. */
const count = (page: Page, name: string, choice: string) =>
  client(page, name)
    .panel.getByRole('list', { name: 'Tally' })
    .getByRole('listitem')
    .filter({ hasText: choice });

test("a vote in one client is answered through its callback, and moves the other client's tally", async ({
  page,
}) => {
  await openDemo(page, 'typescript', ['Ada', 'Bo']);
  await expect(count(page, 'Bo', 'spaces')).toHaveText(/spaces\s*\d+$/);
  const before = Number(
    (await count(page, 'Bo', 'spaces').textContent())?.match(/\d+$/)?.[0],
  );
  await client(page, 'Ada').button('Vote spaces').click();
  await expect(
    client(page, 'Ada').panel.getByRole('status', { name: 'Your vote' }),
  ).toHaveText('You vote spaces.');
  await expect(count(page, 'Bo', 'spaces')).toHaveText(
    new RegExp(`spaces\\s*${before + 1}$`),
  );
});

test("the client exercise's solution votes with a typed callback and shows the tally", async ({
  page,
}) => {
  await openDemo(page, 'typescript', ['Ada', 'Bo']);
  const ex = await runSolution(
    page,
    'src/lessons/typescript/exercises/vote.solution.ts',
  );
  // The tally sent on arrival first: the server sends one tally for changes that come within
  // its quiet time, and a vote at once would be folded into the arrival's.
  await expect(ex.frame.getByText(/^Tabs \d+, spaces \d+$/)).toBeVisible();
  await ex.frame.getByRole('button', { name: 'Vote spaces' }).click();
  await expect(ex.frame.getByText(/^You vote spaces\.$/)).toBeVisible();
  await expect(
    ex.check('Your vote is answered through its typed callback'),
  ).toHaveClass(/done/);
  await client(page, 'Bo').button('Vote tabs').click();
  await expect(ex.check('Your page shows the tally after a change')).toHaveClass(
    /done/,
  );
});

test("a type error typed into the editor is underlined with TypeScript's message and listed; fixing it clears both", async ({
  page,
}) => {
  await page.goto('/lessons/typescript/');
  const ex = await openExercise(page, 'A typed vote');
  const errors = ex.section.getByRole('list', { name: 'Type errors' });
  const started = Date.now();
  await setCode(
    page,
    `import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from './events';
const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io();
socket.emit('poll:vote', 'space', (reply) => console.log(reply));
`,
    'A typed vote',
  );
  const message = `Argument of type '"space"' is not assignable to parameter of type '"tabs" | "spaces"'.`;
  await expect(errors.getByRole('listitem')).toHaveText([`Line 4: ${message}`], {
    timeout: 15_000,
  });
  console.log(
    `first type error listed ${Date.now() - started} ms after the code was typed (worker fetched cold)`,
  );
  const underlined = ex.section.locator('.cm-lintRange-error');
  await expect(underlined).toHaveText("'space'");
  await underlined.hover();
  await expect(page.locator('.cm-tooltip-lint')).toContainText(message);
  await expect(ex.section.locator('.type-check-state')).toHaveText(/^1 type error/);

  // Fixed: the word "space" becomes "spaces".
  await ex.editor.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('End');
  for (let i = 0; i < "', (reply) => console.log(reply));".length; i++)
    await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('s');
  await expect(ex.section.locator('.type-check-state')).toHaveText('No type errors.');
  await expect(errors.getByRole('listitem')).toHaveCount(0);
  await expect(underlined).toHaveCount(0);
});

test.describe('the server exercise', () => {
  test('the server code the lesson shows, run in the page, passes every check with the demo on it', async ({
    page,
  }) => {
    await openDemo(page, 'typescript', ['Ada', 'Bo']);
    const ex = await runShownServer(page, SERVER_TITLE);
    await expect(count(page, 'Bo', 'tabs')).toHaveText(/tabs\s*0$/);
    await client(page, 'Ada').button('Vote tabs').click();
    await expect(count(page, 'Bo', 'tabs')).toHaveText(/tabs\s*1$/);
    for (const check of SERVER_CHECKS)
      await expect(ex.check(check)).toHaveClass(/done/);
    // The shown code has no type error against the lesson's maps.
    await expect(ex.section.locator('.type-check-state')).toHaveText('No type errors.');
  });

  test('the starter as given leaves the checks open', async ({ page }) => {
    await openDemo(page, 'typescript', ['Ada', 'Bo']);
    const ex = await runStarterServer(page, SERVER_TITLE);
    await client(page, 'Ada').button('Vote tabs').click();
    await expect(count(page, 'Bo', 'tabs')).toHaveText(/tabs\s*0$/);
    await expectChecksOpen(page, exercise(page, SERVER_TITLE), SERVER_CHECKS);
    await expect(ex.state).toHaveText(/Running/);
  });
});
