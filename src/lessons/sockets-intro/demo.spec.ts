import type { Locator, Page } from '@playwright/test';
import { client, expect, test } from '../../../e2e/demo.ts';
import {
  expectChecksOpen,
  runShownServer,
  runStarterServer,
} from '../../../e2e/exercise.ts';

const LESSON = '/lessons/sockets-intro/';

/** An in-page client of the counter, found by role and name. */
function counter(page: Page, name = 'Client 1') {
  const c = client(page, name);
  return {
    ...c,
    count: c.panel.getByRole('status', { name: 'Count' }),
    increment: c.button('Increment'),
    decrement: c.button('Decrement'),
    transport: c.panel.getByRole('status', { name: 'Transport' }),
    log: c.events,
  };
}

async function openLesson(page: Page) {
  await page.goto(LESSON);
  const first = counter(page);
  await expect(first.connection).toHaveText('connected');
  await expect(first.count).toHaveText(/^-?\d+$/);
  return first;
}

async function countOf(count: Locator) {
  return Number(await count.textContent());
}

type Counter = Awaited<ReturnType<typeof openLesson>>;

/**
 * The count is the whole server's: other readers (the other tests, in
 * parallel) may change it at any time. So a click is checked by the count
 * moving, and the clients by agreeing with each other; the agreed count.
 */
async function agree(...clients: Counter[]) {
  const counts = () => Promise.all(clients.map((client) => countOf(client.count)));
  await expect.poll(async () => new Set(await counts()).size).toBe(1);
  return (await counts())[0]!;
}

async function moves(client: Counter, from: number) {
  await expect.poll(() => countOf(client.count)).not.toBe(from);
}

test('a second student sees the count change that the first one makes', async ({
  student,
}) => {
  const a = await openLesson(await student());
  const b = await openLesson(await student());

  const before = await agree(a, b);
  await a.increment.click();
  await moves(b, before);
  const after = await agree(a, b);
  await b.decrement.click();
  await moves(a, after);
  await agree(a, b);
});

test('a student who opens the lesson later gets the current count, not 0', async ({
  student,
}) => {
  const a = await openLesson(await student());
  const before = await countOf(a.count);
  await a.increment.click();
  await a.increment.click();
  await moves(a, before);

  // It connects with the count as the server has it, whatever came before.
  const c = await openLesson(await student());
  await agree(a, c);
});

test('one reader adds a second client in the page and both agree', async ({ page }) => {
  const first = await openLesson(page);
  await page.getByRole('button', { name: 'Add a client' }).click();
  const second = counter(page, 'Client 2');
  await expect(second.connection).toHaveText('connected');

  const before = await agree(first, second);
  await second.increment.click();
  await moves(first, before);
  const after = await agree(first, second);
  await first.decrement.click();
  await moves(second, after);
  await agree(first, second);

  // Each client logs its own traffic: the first sent a decrement, the second did not.
  await expect(first.log).toContainText('decrement');
  await expect(second.log).not.toContainText('decrement');

  await page.getByRole('button', { name: 'Remove Client 2' }).click();
  await expect(second.panel).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add a client' })).toBeFocused();
});

test('the client shows its transport, upgraded from polling to websocket', async ({
  page,
}) => {
  const first = await openLesson(page);
  await expect(first.transport).toHaveText('websocket');
  await expect(first.log).toContainText('connected over polling');
  await expect(first.log).toContainText('upgraded to websocket');
  await expect(
    first.panel.getByText(/^Welcome, Guest \d+! You are connected\.$/),
  ).toBeVisible();
});

test('the spot-the-bug answer stays hidden until asked for', async ({ page }) => {
  await page.goto(LESSON);
  const box = page.getByRole('complementary', { name: 'Spot the bug' });
  const answer = box.getByText(/none to\s+decrement/);
  await expect(answer).toBeHidden();
  await box.getByText('Show the answer').click();
  await expect(answer).toBeVisible();
});

test('without JavaScript the lesson reads as an article and the demo says it needs JavaScript', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(LESSON);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Sockets, from the first connection',
  );
  // The message is in <noscript>, which text locators skip: find it by its class.
  const demo = page.getByRole('region', { name: /One counter, every client/ });
  await expect(demo.locator('.demo-needs-js')).toBeVisible();
  await expect(demo.locator('.demo-needs-js')).toContainText(
    'This live demo needs JavaScript',
  );
  await expect(page.getByRole('button', { name: 'Increment' })).toHaveCount(0);
  await context.close();
});

test('the home page lists the lessons in order with their summaries', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Socket Workshop');
  const first = page.getByRole('link', { name: 'Sockets, from the first connection' });
  await expect(first).toHaveAttribute('href', LESSON);
  await first.click();
  await expect(page).toHaveURL(LESSON);
});

test('an unknown address shows a "Page not found" page with the lessons, and a 404 status', async ({
  page,
}) => {
  const response = await page.goto('/lessons/no-such-lesson/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await page.getByRole('link', { name: 'Sockets, from the first connection' }).click();
  await expect(page).toHaveURL('/lessons/sockets-intro/');
});

test('the demo works from the keyboard alone', async ({ page }) => {
  const first = await openLesson(page);
  const before = await countOf(first.count);
  // Tab through the page until the Increment button has the focus, then press it.
  for (
    let i = 0;
    i < 60 && !(await first.increment.evaluate((b) => b === document.activeElement));
    i++
  ) {
    await page.keyboard.press('Tab');
  }
  await expect(first.increment).toBeFocused();
  expect(
    await first.increment.evaluate((b) => getComputedStyle(b).outlineStyle),
    'the focus is visible',
  ).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(first.count).toHaveText(String(before + 1));
  await page.keyboard.press('Shift+Tab');
  await expect(first.decrement).toBeFocused();
  await page.keyboard.press('Space');
  await expect(first.count).toHaveText(String(before));
  // "Add a client" by keyboard, and the new client's buttons are reachable too.
  await page.getByRole('button', { name: 'Add a client' }).focus();
  await page.keyboard.press('Enter');
  await expect(counter(page, 'Client 2').connection).toHaveText('connected');
});

test('each client shows its socket id once connected, and a second client has another', async ({
  page,
}) => {
  await openLesson(page);
  const socket = (name: string) =>
    client(page, name).panel.getByRole('status', { name: 'Socket' });
  await expect(socket('Client 1')).toHaveText(/^Connected as [\w-]{20}$/);
  await page.getByRole('button', { name: 'Add a client' }).click();
  await expect(socket('Client 2')).toHaveText(/^Connected as [\w-]{20}$/);
  expect(await socket('Client 2').textContent()).not.toBe(
    await socket('Client 1').textContent(),
  );
});

test.describe('the server exercise', () => {
  const TITLE = "Write the counter's server";

  test('the server code the lesson shows, run in the page, passes every check with the demo on it', async ({
    page,
  }) => {
    await page.goto(LESSON);
    await expect(counter(page).connection).toHaveText('connected');
    const ex = await runShownServer(page, TITLE);
    // The demo started again on the learner's server: a count of its own, from 0.
    const first = counter(page);
    await expect(first.connection).toHaveText('connected');
    await expect(first.count).toHaveText('0');
    await page.getByRole('button', { name: 'Add a client' }).click();
    const second = counter(page, 'Client 2');
    await expect(second.count).toHaveText('0');
    await first.increment.click();
    await expect(second.count).toHaveText('1');
    await second.decrement.click();
    await expect(first.count).toHaveText('0');
    for (const check of [
      'An increment reaches every client',
      'A decrement comes back',
      'is welcomed',
    ])
      await expect(ex.check(check)).toHaveClass(/done/);
  });

  test('the starter as given leaves the checks open, even when a client arrives after a click', async ({
    page,
  }) => {
    await page.goto(LESSON);
    const ex = await runStarterServer(page, TITLE);
    const first = counter(page);
    await expect(first.count).toHaveText('0');
    await first.increment.click();
    // A newcomer gets the count on arrival: that is not the increment reaching it.
    await page.getByRole('button', { name: 'Add a client' }).click();
    await expect(counter(page, 'Client 2').count).toHaveText('1');
    await first.decrement.click();
    await expectChecksOpen(page, ex, [
      'An increment reaches every client',
      'A decrement comes back',
      'is welcomed',
    ]);
  });
});

test('the raw frames, shown after they filled up out of sight, follow the newest frame at once', async ({
  page,
}) => {
  const first = await openLesson(page);
  // Enough traffic that the hidden raw frames hold more than their box shows.
  for (let i = 0; i < 12; i++) {
    await first.increment.click();
    await first.decrement.click();
  }
  await expect(first.log).toContainText('decrement');
  // Shown, then three more frames at once, before the browser has drawn a frame in between.
  await first.panel.evaluate((panel) => {
    const button = (name: string) =>
      [...panel.querySelectorAll('button')].find(
        (b) => b.textContent?.trim() === name,
      ) as HTMLButtonElement;
    button('Raw frames').click();
    for (let i = 0; i < 3; i++) button('Increment').click();
  });
  const gapAtEnd = () =>
    first.frames.evaluate(
      (el) =>
        new Promise<number>((resolve) =>
          requestAnimationFrame(() =>
            requestAnimationFrame(() =>
              resolve(el.scrollHeight - el.scrollTop - el.clientHeight),
            ),
          ),
        ),
    );
  expect(
    await first.frames.evaluate((el) => el.scrollHeight > el.clientHeight * 1.5),
  ).toBe(true);
  expect(await gapAtEnd()).toBeLessThan(2);
});
