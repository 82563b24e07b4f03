import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { joinClass, openDashboard } from './class.ts';
import { client, expect, openDemo, tag, test } from './demo.ts';
import { openExercise, runShownServer, setCode } from './exercise.ts';

const steps = (page: Page) => page.getByRole('region', { name: 'Try it' });
const step = (page: Page, text: string | RegExp) => steps(page).getByRole('listitem').filter({ hasText: text });

test('the Try it steps tick themselves as the demo sees them happen, and the progress shows on every page', async ({
  student,
}) => {
  const reader = await student();
  await openDemo(reader, 'sockets-intro', ['Client 1']);
  // Arriving is not trying: the count sent on connect ticks nothing.
  await expect(steps(reader).getByText('(not done yet)')).toHaveCount(3);

  const one = client(reader, 'Client 1');
  await one.button('Increment').click();
  await expect(step(reader, 'Press Increment')).toContainText('(done)');
  await expect(steps(reader).getByRole('status')).toHaveText(
    'Done: Press Increment and watch the count come back from the server.',
  );
  await expect(step(reader, 'Add a client')).toContainText('(not done yet)');

  await reader.getByRole('button', { name: 'Add a client' }).click();
  await expect(client(reader, 'Client 2').connection).toHaveText('connected');
  await client(reader, 'Client 2').button('Increment').click();
  await expect(step(reader, 'Add a client')).toContainText('(done)');

  // Someone in another window clicks: this page's count follows, and the last step ticks.
  const other = await student();
  await openDemo(other, 'sockets-intro', ['Client 1']);
  await reader.waitForTimeout(2100); // a change from elsewhere is one that follows no click of this page
  await client(other, 'Client 1').button('Decrement').click();
  await expect(step(reader, 'second window')).toContainText('(done)');
  await expect(steps(reader).getByRole('status')).toContainText('That was the last one to try here.');

  // The lesson list and the home page know (the exercises' 2 + 3 checks count too); another lesson does not.
  const nav = reader.getByRole('navigation', { name: 'Lessons' });
  await expect(nav.getByRole('link', { name: /Sockets, from the first connection/ })).toHaveAccessibleName(
    /3 of 8 tried/,
  );
  await reader.goto('/');
  await expect(
    reader.locator('.lesson-list li').filter({ hasText: 'Sockets, from the first connection' }),
  ).toContainText('3 of 8 tried');
  const rooms = reader
    .locator('.lesson-list li')
    .filter({ has: reader.getByRole('link', { name: 'Rooms', exact: true }) });
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

test("in a class, a student's finished lessons (steps, client and server exercises) show on the instructor's roster", async ({
  student,
}) => {
  const teacher = await student();
  const { code } = await openDashboard(teacher);
  const roster = teacher.getByRole('table', { name: 'Roster' });
  // A row's cells: Lesson, Status, Progress, one per step of the lesson in view, Lessons done, Last activity, actions.

  const [ada, bo] = [await student(), await student()];
  for (const [page, name] of [
    [ada, 'Ada'],
    [bo, 'Bo'],
  ] as const) {
    await joinClass(page, code, name);
    await openDemo(page, 'sockets-intro', [name]); // in a class, the first client is the student
  }
  await expect(roster.getByRole('row', { name: /Ada/ }).getByRole('cell').nth(-3)).toHaveText('0');

  await client(ada, 'Ada').button('Increment').click();
  await ada.getByRole('button', { name: 'Add a client' }).click();
  await expect(client(ada, "Ada's client 2").connection).toHaveText('connected');
  await client(ada, "Ada's client 2").button('Increment').click();
  await expect(step(ada, 'Add a client')).toContainText('(done)');
  await ada.waitForTimeout(2100); // a change from elsewhere is one that follows no click of this page
  await client(bo, 'Bo').button('Increment').click(); // Bo, in the same class, is Ada's "second window"
  await expect(steps(ada).getByText('(done)')).toHaveCount(3);
  // The roster shows the three, of all the lesson's steps and checks, in the lesson in view.
  await teacher
    .getByRole('combobox', { name: 'Progress in' })
    .selectOption({ label: 'Sockets, from the first connection' });
  await expect(roster.getByRole('row', { name: /Ada/ }).getByRole('cell').nth(2)).toHaveText(/^3\/\d+$/);
  // The steps are done; the exercise is not yet, so neither is the lesson.
  await ada.waitForTimeout(500);
  await expect(roster.getByRole('row', { name: /Ada/ }).getByRole('cell').nth(-3)).toHaveText('0');

  // Ada's code, run in her class, passes the exercise's checks.
  const ex = await openExercise(ada);
  await setCode(ada, readFileSync('src/lessons/sockets-intro/exercises/count.solution.js', 'utf8'));
  await ex.run.click();
  await expect(ex.console).toContainText(/^connected as/);
  await ex.frame.getByRole('button', { name: '-1' }).click();
  await expect(ex.check('A -1 from your page reaches the demo')).toContainText('(done)');
  await client(bo, 'Bo').button('Increment').click();
  await expect(ex.check('Your page shows the count after someone changes it')).toContainText('(done)');
  // The server exercise is still open, so the lesson is not done yet.
  await ada.waitForTimeout(500);
  await expect(roster.getByRole('row', { name: /Ada/ }).getByRole('cell').nth(-3)).toHaveText('0');

  // Her server, run in her own page: its checks count like any other.
  const server = await runShownServer(ada, "Write the counter's server");
  await ada.getByRole('button', { name: 'Add a client' }).click();
  await client(ada, 'Client 1').button('Increment').click();
  await client(ada, 'Client 2').button('Decrement').click();
  await expect(server.state).toHaveText(/All checks passed!$/);
  await expect(roster.getByRole('row', { name: /Ada/ }).getByRole('cell').nth(-3)).toHaveText('1');
  await expect(roster.getByRole('row', { name: /Bo/ }).getByRole('cell').nth(-3)).toHaveText('0');
});
