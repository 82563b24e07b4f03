import type { Page } from '@playwright/test';
import { client, expect, openDemo, test } from '../../../e2e/demo.ts';
import {
  expectChecksOpen,
  runShownServer,
  runSolution,
  runStarterServer,
} from '../../../e2e/exercise.ts';

/** An in-page client of the demo, found by role and name. */
function debugClient(page: Page, name: string) {
  const c = client(page, name);
  return {
    ...c,
    count: c.panel.getByRole('status', { name: 'Count' }),
    heard: c.panel.getByRole('status', { name: 'Heard' }),
    reader: c.panel.getByRole('log', { name: 'Frames in plain words' }),
  };
}

async function open(page: Page) {
  await openDemo(page, 'debugging', ['Ada', 'Bo']);
  const ada = debugClient(page, 'Ada');
  await expect(ada.count).toHaveText(/^\d+$/);
  return { ada, bo: debugClient(page, 'Bo') };
}

test('an increment shows as its frame going out, read in plain words, and the count reaches the other client', async ({
  page,
}) => {
  const { ada, bo } = await open(page);
  const before = Number(await ada.count.textContent());
  await ada.button('Increment').click();
  await expect(bo.count).toHaveText(String(before + 1));
  await expect(ada.reader).toContainText('→ 42/debugging,["increment"]');
  await expect(ada.reader).toContainText('message + event "increment" on /debugging');
  await expect(bo.reader).toContainText(`← 42/debugging,["count",${before + 1},`);
});

test('a mistyped event changes nothing, and the catch-all says nothing listens to it', async ({
  page,
}) => {
  const { ada, bo } = await open(page);
  const before = await bo.count.textContent();
  await ada.button('Increment, mistyped').click();
  await expect(ada.heard).toHaveText('The server has no listener for "incremnt"');
  await expect(ada.reader).toContainText('42/debugging,["incremnt"]');
  await expect(bo.heard).toHaveText('Nothing yet');
  await expect(bo.count).toHaveText(before!);
});

test('asking the time sends an ack id and the 43 answer quotes it; a wave reaches the other client', async ({
  page,
}) => {
  const { ada, bo } = await open(page);
  await ada.button('Ask the time').click();
  await expect(ada.heard).toHaveText(/^Server time: /);
  await expect(ada.reader).toContainText(/42\/debugging,\d+\["ask:time"\]/);
  await expect(ada.reader).toContainText(/the answer for ack id \d+ on \/debugging/);
  await ada.button('Wave (volatile)').click();
  await expect(bo.heard).toHaveText('Ada waved');
  await expect(bo.reader).toContainText('← 42/debugging,["waved",{"from":"Ada"}]');
});

test("the client exercise's solution shows the server's word on the typo and its fixed Increment reaches the demo", async ({
  page,
}) => {
  await open(page);
  const ex = await runSolution(
    page,
    'src/lessons/debugging/exercises/listen-to-everything.solution.js',
  );
  await ex.frame.getByRole('button', { name: 'Send the old typo' }).click();
  await expect(ex.frame.getByRole('list', { name: 'Heard' })).toContainText('unheard');
  await ex.frame.getByRole('button', { name: 'Increment' }).click();
  for (const check of ['what the server said', 'reaches the demo'])
    await expect(ex.check(check)).toHaveClass(/done/);
});

test.describe('the server exercise', () => {
  const TITLE = "Find the server's three bugs";
  const CHECKS = [
    'An increment reaches every client',
    'answered through the ack',
    'A wave reaches',
    'gets an "unheard" back',
  ];

  test('the server code the lesson shows, run in the page, passes every check', async ({
    page,
  }) => {
    await page.goto('/lessons/debugging/');
    const ex = await runShownServer(page, TITLE);
    const { ada, bo } = { ada: debugClient(page, 'Ada'), bo: debugClient(page, 'Bo') };
    await expect(bo.count).toHaveText('0');
    await ada.button('Increment').click();
    await expect(bo.count).toHaveText('1');
    await ada.button('Increment, mistyped').click();
    await expect(ada.heard).toHaveText('The server has no listener for "incremnt"');
    await ada.button('Ask the time').click();
    await ada.button('Wave (volatile)').click();
    await expect(bo.heard).toHaveText('Ada waved');
    for (const check of CHECKS) await expect(ex.check(check)).toHaveClass(/done/);
  });

  test('the starter as given leaves the checks open', async ({ page }) => {
    await page.goto('/lessons/debugging/');
    const ex = await runStarterServer(page, TITLE);
    const ada = debugClient(page, 'Ada');
    await expect(ada.count).toHaveText('0');
    for (const button of [
      'Increment',
      'Increment, mistyped',
      'Ask the time',
      'Wave (volatile)',
    ])
      await ada.button(button).click();
    await expectChecksOpen(page, ex, CHECKS);
  });
});

test("the instructor signs in to Socket.IO's admin UI, served by the workshop with nothing from elsewhere", async ({
  page,
}) => {
  const elsewhere: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(new URL(page.url() || 'http://127.0.0.1').origin))
      elsewhere.push(request.url());
  });
  page.on(
    'console',
    (message) => message.type() === 'error' && problems.push(message.text()),
  );
  await page.goto('/admin-ui/');
  const origin = new URL(page.url()).origin;
  // Its first try, with no password yet, says how to sign in; the server's address is filled in.
  await expect(page.getByText('Sign in: the username is instructor')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Server URL' })).toHaveValue(origin);
  await page.getByRole('textbox', { name: 'Username' }).fill('instructor');
  await page.getByRole('textbox', { name: 'Password' }).fill('e2e-instructor-token');
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByText('Status: connected').first()).toBeVisible();
  // Counts only (the workshop's admin UI runs in production mode): its dashboard, no socket's details.
  await expect(page.getByRole('link', { name: 'Sockets' })).toHaveCount(0);
  expect(elsewhere.filter((url) => !url.startsWith(origin))).toEqual([]);
  expect(
    problems.filter((text) => /Content Security Policy|Refused/.test(text)),
  ).toEqual([]);
});
