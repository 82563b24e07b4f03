import type { Page } from '@playwright/test';
import { client, expect, openDemo, tag, test } from './demo.ts';

const steps = (page: Page) => page.getByRole('region', { name: 'Try it' });
const step = (page: Page, text: string | RegExp) => steps(page).getByRole('listitem').filter({ hasText: text });

test('the Try it steps tick themselves as the demo sees them happen, and the progress shows on every page', async ({ student }) => {
  const reader = await student();
  await openDemo(reader, 'sockets-intro', ['Client 1']);
  // Arriving is not trying: the count sent on connect ticks nothing.
  await expect(steps(reader).getByText('(not done yet)')).toHaveCount(3);

  const one = client(reader, 'Client 1');
  await one.button('Increment').click();
  await expect(step(reader, 'Press Increment')).toContainText('(done)');
  await expect(steps(reader).getByRole('status')).toHaveText('Done: Press Increment and watch the count come back from the server.');
  await expect(step(reader, 'Add a client')).toContainText('(not done yet)');

  await reader.getByRole('button', { name: 'Add a client' }).click();
  await expect(client(reader, 'Client 2').connection).toHaveText('connected');
  await client(reader, 'Client 2').button('Increment').click();
  await expect(step(reader, 'Add a client')).toContainText('(done)');

  // Someone in another window clicks: this page's count follows, and the last step ticks.
  const other = await student();
  await openDemo(other, 'sockets-intro', ['Client 1']);
  await client(other, 'Client 1').button('Decrement').click();
  await expect(step(reader, 'second window')).toContainText('(done)');
  await expect(steps(reader).getByRole('status')).toContainText('That was the last one of this lesson.');

  // The lesson list and the home page know; another lesson does not.
  const nav = reader.getByRole('navigation', { name: 'Lessons' });
  await expect(nav.getByRole('link', { name: /Sockets, from the first connection/ })).toHaveAccessibleName(/all 3 tried/);
  await reader.goto('/');
  await expect(reader.locator('.lesson-list li').filter({ hasText: 'Sockets, from the first connection' })).toContainText('all 3 tried');
  const rooms = reader.locator('.lesson-list li').filter({ has: reader.getByRole('link', { name: 'Rooms', exact: true }) });
  await expect(rooms).not.toContainText('tried');
  // Kept across visits, in this browser only.
  await reader.goto('/lessons/sockets-intro/');
  await expect(steps(reader).getByText('(done)')).toHaveCount(3);
  await expect(steps(other).getByText('(done)')).toHaveCount(0);
});

test('a step about another client is not ticked by the client alone', async ({ student }) => {
  const reader = await student();
  await openDemo(reader, 'rooms', ['Ada', 'Bo', 'Cy']);
  const ada = client(reader, 'Ada').panel;
  const room = `solo-${tag()}`;
  await ada.getByRole('textbox', { name: 'Room' }).fill(room);
  await ada.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(step(reader, 'Put a client in a room')).toContainText('(done)');
  // Ada says hello in a room of her own: nobody else hears it, so that step waits.
  await ada.getByRole('button', { name: 'Say hello' }).click();
  await reader.waitForTimeout(500);
  await expect(step(reader, 'Say hello in a room')).toContainText('(not done yet)');

  const bo = client(reader, 'Bo').panel;
  await bo.getByRole('textbox', { name: 'Room' }).fill(room);
  await bo.getByRole('button', { name: 'Join', exact: true }).click();
  // Bo's arrival greets Ada too ("Bo joined"): that is not her hello being heard.
  await expect(bo.getByRole('list', { name: 'My rooms' })).toContainText(room);
  await reader.waitForTimeout(300);
  await expect(step(reader, 'Say hello in a room')).toContainText('(not done yet)');
  await ada.getByRole('button', { name: 'Say hello' }).click();
  await expect(step(reader, 'Say hello in a room')).toContainText('(done)');
});
