import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { client, expect, test } from '../../../e2e/demo.ts';
import {
  expectChecksOpen,
  runShownServer,
  runSolution,
  runStarterServer,
} from '../../../e2e/exercise.ts';

const LESSON = '/lessons/first-app/';
const ID = /^connected: true, id: [\w-]{20}$/;
const DISCONNECTED = 'connected: false, id: undefined';

/** An in-page client of the demo: the project's page, found by role and name. */
function app(page: Page, name = 'Client 1') {
  const c = client(page, name);
  return {
    ...c,
    socket: c.panel.getByRole('status', { name: 'Socket' }),
    lifecycle: c.panel.getByRole('log', { name: 'Lifecycle' }),
  };
}

async function openLesson(page: Page) {
  await page.goto(LESSON);
  const first = app(page);
  await expect(first.socket).toHaveText(ID);
  return first;
}

const step = (page: Page, text: string) =>
  page
    .getByRole('region', { name: 'Try it' })
    .getByRole('listitem')
    .filter({ hasText: text });

test('Disconnect then Connect gives a new id; a dropped connection comes back by itself', async ({
  page,
}) => {
  const first = await openLesson(page);
  const before = await first.socket.textContent();
  await first.button('Disconnect').click();
  await expect(first.socket).toHaveText(DISCONNECTED);
  await expect(first.lifecycle).toContainText(
    'disconnect: io client disconnect (not retrying)',
  );
  await first.button('Connect').click();
  await expect(first.socket).toHaveText(ID);
  expect(await first.socket.textContent()).not.toBe(before);
  await expect(step(page, 'Press Disconnect, then Connect')).toContainText('(done)');

  await first.button('Drop the connection').click();
  await expect(first.lifecycle).toContainText('disconnect: transport close (retrying)');
  await expect(first.socket).toHaveText(ID);
});

test('the server disconnects a client that says goodbye, which stays so; Mallory is refused and not retried', async ({
  page,
}) => {
  const first = await openLesson(page);
  await first.button('Server, disconnect me').click();
  await expect(first.lifecycle).toContainText(
    'disconnect: io server disconnect (not retrying)',
  );
  await page.waitForTimeout(1000); // longer than any retry would wait
  await expect(first.socket).toHaveText(DISCONNECTED);
  await expect(step(page, 'Server, disconnect me')).toContainText('(done)');

  await first.button('Connect as Mallory').click();
  await expect(first.lifecycle).toContainText(
    'connect_error: Mallory is not welcome here.',
  );
  await expect(first.socket).toHaveText(DISCONNECTED);
  await expect(step(page, 'Connect as Mallory')).toContainText('(done)');
  await first.button('Connect').click();
  await expect(first.socket).toHaveText(ID);
  await expect(first.lifecycle).toContainText('Welcome! The server knows you as');
});

test.describe("the project's own page", () => {
  let server: ChildProcess;
  let url: string;
  test.beforeAll(async () => {
    server = spawn(process.execPath, ['server.js'], {
      cwd: fileURLToPath(new URL('./project/', import.meta.url)),
      env: { ...process.env, PORT: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const [line] = (await once(server.stdout!, 'data')) as [Buffer];
    url = /http:\/\/localhost:\d+/.exec(String(line))![0];
  });
  test.afterAll(async () => {
    server.kill();
    await once(server, 'exit');
  });

  test('npm start serves it; it connects, is welcomed, and says each disconnect and refusal', async ({
    page,
  }) => {
    await page.goto(url);
    const status = page.getByRole('status');
    const log = page.getByRole('list', { name: 'Lifecycle' });
    await expect(status).toHaveText(ID);
    await expect(log).toContainText('Welcome! The server knows you as');
    await page.getByRole('button', { name: 'Server, disconnect me' }).click();
    await expect(log).toContainText('disconnect: io server disconnect (not retrying)');
    await expect(status).toHaveText(DISCONNECTED);
    await page.getByRole('button', { name: 'Connect as Mallory' }).click();
    await expect(log).toContainText('connect_error: Mallory is not welcome here.');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(status).toHaveText(ID);
  });
});

test("the client exercise's solution shows the welcome, and why the server disconnected it", async ({
  page,
}) => {
  await openLesson(page);
  const ex = await runSolution(
    page,
    'src/lessons/first-app/exercises/lifecycle.solution.js',
  );
  await expect(ex.frame.getByRole('list', { name: 'Lifecycle' })).toContainText(
    'Welcome!',
  );
  await expect(ex.check("Your page shows the server's welcome")).toContainText(
    '(done)',
  );
  await ex.frame.getByRole('button', { name: 'Server, disconnect me' }).click();
  await expect(ex.frame.getByText(DISCONNECTED)).toBeVisible();
  await expect(ex.check('Your goodbye makes the server')).toContainText('(done)');
  await expect(ex.check('why it was disconnected')).toContainText('(done)');
});

test.describe('the server exercise', () => {
  const TITLE = "Write the app's socket code";
  const CHECKS = [
    'is welcomed',
    'disconnected by the server',
    'Mallory is turned away',
  ];

  test('the server code the lesson shows, run in the page, passes every check with the demo on it', async ({
    page,
  }) => {
    await page.goto(LESSON);
    await expect(app(page).socket).toHaveText(ID);
    const ex = await runShownServer(page, TITLE);
    const first = app(page);
    await expect(first.socket).toHaveText(ID);
    await first.button('Server, disconnect me').click();
    await expect(first.socket).toHaveText(DISCONNECTED);
    await first.button('Connect as Mallory').click();
    await expect(first.lifecycle).toContainText(
      'connect_error: Mallory is not welcome here.',
    );
    for (const check of CHECKS) await expect(ex.check(check)).toHaveClass(/done/);
  });

  test('the starter as given leaves the checks open', async ({ page }) => {
    await page.goto(LESSON);
    const ex = await runStarterServer(page, TITLE);
    const first = app(page);
    await expect(first.socket).toHaveText(ID);
    await first.button('Server, disconnect me').click();
    await first.button('Connect as Mallory').click();
    await expect(first.lifecycle).toContainText('disconnect: io client disconnect');
    await expect(first.socket).toHaveText(ID);
    await expectChecksOpen(page, ex, CHECKS);
  });
});
