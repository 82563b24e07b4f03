import type { Page } from '@playwright/test';
import { client, expect, openDemo, tag, test } from '../../../e2e/demo.ts';
import { runShownServer, runStarterServer } from '../../../e2e/exercise.ts';

const SLUG = 'scaling-out';

function member(page: Page, name: string) {
  const c = client(page, name);
  return {
    ...c,
    message: c.panel.getByRole('textbox', { name: 'Message' }),
    messages: c.panel.getByRole('log', { name: 'Messages' }),
  };
}
const adapterSwitch = (page: Page) =>
  page.getByRole('switch', { name: 'Adapter between the nodes' });

test('with the adapter off a broadcast stays on its node; switched on, it reaches the other node, and every page sees the switch', async ({
  student,
}) => {
  const first = await student();
  await openDemo(first, SLUG, ['Ada', 'Bo']);
  const second = await student();
  await openDemo(second, SLUG, ['Ada', 'Bo']);
  // The switch is the server's: start from "off", whatever an earlier visitor left.
  await expect(adapterSwitch(first)).toBeEnabled();
  await adapterSwitch(first).uncheck();
  await expect(adapterSwitch(second)).not.toBeChecked();
  await expect(second.getByRole('status', { name: 'Adapter' })).toHaveText(
    /^Adapter off/,
  );

  const [ada, bo] = [member(first, 'Ada'), member(first, 'Bo')];
  await expect(ada.panel).toContainText('Connected to node 1');
  await expect(bo.panel).toContainText('Connected to node 2');
  const missed = `stays on node 1 ${tag()}`;
  await ada.message.fill(missed);
  await ada.button('Broadcast').click();
  // Another student's Ada is on node 1 too: she hears it; no Bo does.
  await expect(member(second, 'Ada').messages).toContainText(
    `Ada (on node 1): ${missed}`,
  );
  await expect(ada.messages).toContainText(missed);
  await expect(bo.messages).not.toContainText(missed);
  await expect(member(second, 'Bo').messages).not.toContainText(missed);

  await adapterSwitch(second).check();
  await expect(adapterSwitch(first)).toBeChecked();
  const crossed = `crosses over ${tag()}`;
  await ada.message.fill(crossed);
  await ada.button('Broadcast').click();
  await expect(bo.messages).toContainText(`Ada (on node 1): ${crossed}`);
  await expect(member(second, 'Bo').messages).toContainText(crossed);
  const tryIt = first.getByRole('region', { name: 'Try it' });
  await expect(
    tryIt.getByRole('listitem').filter({ hasText: 'reach a client of the other' }),
  ).toContainText('(done)');
  await adapterSwitch(first).uncheck();
});

test('clients added to the page take turns between the two nodes', async ({ page }) => {
  await openDemo(page, SLUG, ['Ada', 'Bo']);
  await page.getByRole('button', { name: 'Add a client' }).click();
  await page.getByRole('button', { name: 'Add a client' }).click();
  await expect(client(page, 'Di').panel).toContainText('Connected to node 1');
  await expect(client(page, 'Ed').panel).toContainText('Connected to node 2');
  await expect(client(page, 'Ed').connection).toHaveText('connected');
});

test.describe('the server exercise', () => {
  const TITLE = 'Write the two nodes and the adapter between them';
  const CHECKS = ['clients of its node', 'clients of both nodes', 'a client of node 2'];

  test('the server code the lesson shows, run in the page, passes every check with the demo on it', async ({
    page,
  }) => {
    await openDemo(page, SLUG, ['Ada', 'Bo']);
    const ex = await runShownServer(page, TITLE);
    const [ada, bo] = [member(page, 'Ada'), member(page, 'Bo')];
    await expect(ada.panel).toContainText('Connected to node 1');
    await expect(bo.panel).toContainText('Connected to node 2');
    // A switch of its own, off: a broadcast stays on its node.
    await expect(page.getByRole('status', { name: 'Adapter' })).toHaveText(
      /^Adapter off/,
    );
    await ada.message.fill('stays on node 1');
    await ada.button('Broadcast').click();
    await expect(ada.messages).toContainText('Ada (on node 1): stays on node 1');
    await expect(bo.messages).not.toContainText('stays on node 1');

    await adapterSwitch(page).check();
    await expect(page.getByRole('status', { name: 'Adapter' })).toHaveText(
      /^Adapter on/,
    );
    await ada.message.fill('crosses over');
    await ada.button('Broadcast').click();
    await expect(bo.messages).toContainText('Ada (on node 1): crosses over');
    for (const check of CHECKS) await expect(ex.check(check)).toHaveClass(/done/);
  });

  test('the starter as given relays nothing and tells nobody of the switch, and its checks stay open', async ({
    page,
  }) => {
    await openDemo(page, SLUG, ['Ada', 'Bo']);
    const ex = await runStarterServer(page, TITLE);
    const [ada, bo] = [member(page, 'Ada'), member(page, 'Bo')];
    await expect(page.getByRole('status', { name: 'Adapter' })).toHaveText(
      /^Adapter off/,
    );
    await adapterSwitch(page).check();
    await ada.message.fill('goes nowhere');
    await ada.button('Broadcast').click();
    await page.waitForTimeout(500); // nothing to wait for: the starter answers nothing
    await expect(page.getByRole('status', { name: 'Adapter' })).toHaveText(
      /^Adapter off/,
    );
    await expect(ada.messages).not.toContainText('goes nowhere');
    await expect(bo.messages).not.toContainText('goes nowhere');
    for (const check of CHECKS) await expect(ex.check(check)).not.toHaveClass(/done/);
  });
});
