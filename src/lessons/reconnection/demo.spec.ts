import type { Page } from '@playwright/test';
import { client, expect, openDemo, tag, test } from '../../../e2e/demo.ts';
import { runShownServer, runStarterServer } from '../../../e2e/exercise.ts';

const SLUG = 'reconnection';

function member(page: Page, name: string) {
  const c = client(page, name);
  return {
    ...c,
    message: c.panel.getByRole('textbox', { name: 'Message' }),
    seconds: c.panel.getByRole('spinbutton', { name: 'Offline for (seconds)' }),
    waiting: c.panel.getByRole('status', { name: 'Waiting to send' }),
    session: c.panel.getByRole('status', { name: 'Session' }),
    error: c.panel.getByRole('alert'),
    messages: c.panel.getByRole('log', { name: 'Messages' }),
  };
}

test('a client offline for a few seconds retries, comes back recovered with what it missed, and sends what it wrote offline', async ({
  student,
}) => {
  const first = await student();
  await openDemo(first, SLUG, ['Ada', 'Bo']);
  const second = await student();
  await openDemo(second, SLUG, ['Ada', 'Bo']);
  const ada = member(first, 'Ada');
  const other = member(second, 'Bo');
  const [missed, written] = [`missed ${tag()}`, `written offline ${tag()}`];

  await ada.seconds.fill('3');
  await ada.button('Go offline').click();
  await expect(ada.connection).toHaveText('disconnected');
  await ada.message.fill(written);
  await ada.button('Send').click();
  await expect(ada.waiting).toHaveText(
    '1 waiting to send: they go when the connection is back.',
  );
  await other.message.fill(missed);
  await other.button('Send').click();
  await expect(ada.session).toHaveText(/failed; the next one waits longer\.$/);

  await expect(ada.session).toHaveText(/^Back after [\d.]+ s: recovered\. Same id/, {
    timeout: 15_000,
  });
  await expect(ada.messages).toContainText(`Bo: ${missed}`);
  await expect(ada.waiting).toHaveText('Nothing waiting to send.');
  await expect(other.messages).toContainText(`Ada: ${written}`);
  await expect(ada.messages.locator('.lost')).toHaveCount(0);
});

test('killing the transport brings the client back by itself, recovered; a restart drops every client, and they all come back', async ({
  page,
}) => {
  await openDemo(page, SLUG, ['Ada', 'Bo']);
  const [ada, bo] = [member(page, 'Ada'), member(page, 'Bo')];
  await ada.button('Kill transport').click();
  await expect(ada.session).toHaveText(/^Back after [\d.]+ s: recovered\./);
  await expect(ada.connection).toHaveText('connected');
  const tryIt = page.getByRole('region', { name: 'Try it' });
  await expect(
    tryIt.getByRole('listitem').filter({ hasText: 'come back recovered' }),
  ).toContainText('(done)');

  await bo.button('Restart the server').click();
  for (const who of [ada, bo])
    await expect(who.session).toHaveText(/^Back after [\d.]+ s: recovered\./);
  await expect(
    tryIt.getByRole('listitem').filter({ hasText: 'Restart the server' }),
  ).toContainText('(done)');
  await ada.button('Restart the server').click();
  await expect(ada.error).toHaveText(
    'The server restarted a moment ago: give the clients a few seconds to come back first.',
  );
});

test('an offline time outside 1 to 180 seconds is refused on the page, and nothing is cut', async ({
  page,
}) => {
  await openDemo(page, SLUG, ['Ada']);
  const ada = member(page, 'Ada');
  await ada.seconds.fill('0');
  await ada.button('Go offline').click();
  await expect(ada.error).toHaveText('Offline for 1 to 180 whole seconds.');
  await expect(ada.connection).toHaveText('connected');
});

test.describe('the server exercise', () => {
  const TITLE = 'Write the server that gives sessions back';
  const CHECKS = ['numbered', 'told where the numbers stand', 'comes back recovered'];

  test('the server code the lesson shows, run in the page, passes every check with the demo on it', async ({
    page,
  }) => {
    await openDemo(page, SLUG, ['Ada', 'Bo']);
    const ex = await runShownServer(page, TITLE);
    const [ada, bo] = [member(page, 'Ada'), member(page, 'Bo')];
    await expect(ada.session).toHaveText('Connected: a new session.');
    await expect(ex.check('told where the numbers stand')).toHaveClass(/done/);
    await ada.message.fill('first');
    await ada.button('Send').click();
    // A count of its own, from 0: the first message is #1.
    await expect(bo.messages).toContainText('#1 Ada: first');

    await ada.button('Kill transport').click();
    await expect(ada.session).toHaveText(/^Back after [\d.]+ s: recovered\./);
    await bo.message.fill('after the drop');
    await bo.button('Send').click();
    await expect(ada.messages).toContainText('#2 Bo: after the drop');
    await expect(ada.messages.locator('.lost')).toHaveCount(0);
    for (const check of CHECKS) await expect(ex.check(check)).toHaveClass(/done/);
  });

  test('the starter as given numbers nothing and gives no session back, and its checks stay open', async ({
    page,
  }) => {
    await openDemo(page, SLUG, ['Ada', 'Bo']);
    const ex = await runStarterServer(page, TITLE);
    const ada = member(page, 'Ada');
    await expect(ada.connection).toHaveText('connected');
    await ada.message.fill('first');
    await ada.button('Send').click();
    await ada.button('Kill transport').click();
    await expect(ada.session).toHaveText(/^Back after [\d.]+ s: a new session/);
    for (const check of CHECKS) await expect(ex.check(check)).not.toHaveClass(/done/);
  });
});
