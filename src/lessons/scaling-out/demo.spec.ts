import type { Page } from '@playwright/test';
import { client, expect, openDemo, tag, test } from '../../../e2e/demo.ts';

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
