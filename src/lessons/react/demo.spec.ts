import type { Page } from '@playwright/test';
import { client, expect, openDemo, test } from '../../../e2e/demo.ts';
import {
  expectChecksOpen,
  runShownServer,
  runSolution,
  runStarterServer,
} from '../../../e2e/exercise.ts';

const SERVER_EXERCISE = "Fix the old tutorial's server";

/** One demo client's React app, found by role and name. */
function app(page: Page, name: string) {
  const c = client(page, name);
  return {
    ...c,
    count: c.panel.getByRole('status', { name: 'Count' }),
    heard: c.panel.getByRole('status', { name: 'Changes heard' }),
    listeners: c.panel.getByRole('status', { name: 'Listeners' }),
    component: c.panel.getByRole('combobox', { name: 'Component' }),
    increment: c.button('Increment'),
    decrement: c.button('Decrement'),
    remount: c.button('Remount'),
  };
}

async function openLesson(page: Page) {
  await openDemo(page, 'react', ['Ada', 'Bo']);
  const ada = app(page, 'Ada');
  await expect(ada.count).toHaveText(/^-?\d+$/);
  return { ada, bo: app(page, 'Bo') };
}

test("one student clicks Increment and another student's React counter follows", async ({
  student,
}) => {
  const one = (await openLesson(await student())).ada;
  const other = (await openLesson(await student())).ada;
  const before = Number(await one.count.textContent());
  await expect(other.count).toHaveText(String(before));
  await one.increment.click();
  await expect(other.count).toHaveText(String(before + 1));
  await other.decrement.click();
  await expect(one.count).toHaveText(String(before));
});

test('a counter that forgot its cleanup hears each change once more after every remount', async ({
  page,
}) => {
  const { ada, bo } = await openLesson(page);
  await bo.component.selectOption({ label: 'Forgot the cleanup' });
  await expect(bo.listeners).toHaveText('number:change listeners: 1');
  await bo.remount.click();
  await expect(bo.listeners).toHaveText('number:change listeners: 2');
  await ada.increment.click();
  await expect(bo.heard).toHaveText('Changes heard: 2');
  // The wire says it came once: the doubling is the page's own.
  await expect(bo.events.getByText('number:change')).toHaveCount(2); // on arrival, and this one
});

test('the function and class counters keep one listener however often they remount', async ({
  page,
}) => {
  const { ada, bo } = await openLesson(page);
  await ada.component.selectOption({ label: 'ClassCounter' });
  for (const counter of [ada, bo]) {
    await counter.remount.click();
    await counter.remount.click();
    await expect(counter.listeners).toHaveText('number:change listeners: 1');
  }
  const heard = Number((await bo.heard.textContent())?.match(/\d+/)?.[0]);
  await ada.increment.click();
  await expect(bo.heard).toHaveText(`Changes heard: ${heard + 1}`);
  await expect(ada.heard).toHaveText('Changes heard: 1');
});

test("the client exercise's solution hears each change once after remounts, and sends +1 to the demo", async ({
  page,
}) => {
  const { ada } = await openLesson(page);
  const ex = await runSolution(page, 'src/lessons/react/exercises/remount.solution.js');
  const remount = ex.frame.getByRole('button', { name: 'Remount' });
  await remount.click();
  await remount.click();
  await ex.frame.getByRole('button', { name: '+1' }).click();
  await expect(ex.check('A +1 from your page reaches the demo')).toHaveClass(/done/);
  const value = Number(await ada.count.textContent());
  await expect(ex.check('Your page shows the count')).toHaveClass(/done/);
  // One listener after two remounts: the change is logged once.
  await expect(ex.console).toContainText(`heard ${value}`);
  expect(
    (await ex.console.textContent())?.match(new RegExp(`heard ${value}(?!\\d)`, 'g')),
  ).toHaveLength(1);
});

test.describe('the server exercise', () => {
  test('the server code the lesson shows, run in the page, passes every check', async ({
    page,
  }) => {
    await openLesson(page);
    const ex = await runShownServer(page, SERVER_EXERCISE);
    const ada = app(page, 'Ada');
    const bo = app(page, 'Bo');
    await expect(ada.count).toHaveText('0');
    await ada.increment.click();
    await expect(bo.count).toHaveText('1');
    await bo.decrement.click();
    await expect(ada.count).toHaveText('0');
    for (const check of [
      'A decrement reaches every client',
      'A client that connects is sent the count',
    ])
      await expect(ex.check(check)).toHaveClass(/done/);
  });

  test("the tutorial's server as given leaves the checks open", async ({ page }) => {
    await openLesson(page);
    const ex = await runStarterServer(page, SERVER_EXERCISE);
    const ada = app(page, 'Ada');
    await expect(ada.increment).toBeEnabled();
    await ada.increment.click();
    await expect(ada.heard).toHaveText('Changes heard: 2'); // +1, then the second "increment" handler's -1
    await page.getByRole('button', { name: 'Add a client' }).click();
    await expect(client(page, 'Di').connection).toHaveText('connected');
    await ada.decrement.click();
    await expectChecksOpen(page, ex, [
      'A decrement reaches every client',
      'A client that connects is sent the count',
    ]);
  });
});
