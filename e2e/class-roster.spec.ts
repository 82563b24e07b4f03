import type { Locator, Page } from '@playwright/test';
import { axe } from './axe.ts';
import { joinClass, openDashboard } from './class.ts';
import { client, expect, test } from './demo.ts';

/** The names in the roster's rows, in the order shown. */
const names = (roster: Locator) => roster.getByRole('rowheader').allTextContents();

/** A class of two: Ada presses Increment on the first lesson (one of its steps), Bo stays on the home page. */
async function classOfTwo(student: () => Promise<Page>) {
  const teacher = await student();
  // The dashboard's clock only: "stuck" is minutes away, and the test moves them on.
  await teacher.clock.install();
  const { code } = await openDashboard(teacher);
  const roster = teacher.getByRole('table', { name: 'Roster' });
  await teacher
    .getByRole('combobox', { name: 'Progress in' })
    .selectOption({ label: 'Sockets, from the first connection' });
  const ada = await student();
  const bo = await student();
  await joinClass(ada, code, 'Ada');
  await joinClass(bo, code, 'Bo');
  await ada.goto('/lessons/sockets-intro/');
  await expect(client(ada, 'Ada').connection).toHaveText('connected');
  return { teacher, roster, ada, bo };
}

test('the roster shows the lesson most students are on as they arrive, until the instructor picks one', async ({
  student,
}) => {
  const teacher = await student();
  const { code } = await openDashboard(teacher);
  const inView = teacher.getByRole('combobox', { name: 'Progress in' });
  const ada = await student();
  await joinClass(ada, code, 'Ada');
  await ada.goto('/lessons/rooms/');
  await expect(inView.locator('option:checked')).toHaveText(/Rooms/);
  await inView.selectOption({ label: 'Sockets, from the first connection' });
  const bo = await student();
  await joinClass(bo, code, 'Bo');
  await bo.goto('/lessons/rooms/');
  await expect(teacher.getByRole('table', { name: 'Roster' }).getByRole('row', { name: /Bo/ })).toContainText('Rooms');
  await expect(inView.locator('option:checked')).toHaveText('Sockets, from the first connection');
});

test("a student's step ticks in its cell of the grid as it happens, and the done/total beside it", async ({
  student,
}) => {
  const { teacher, roster, ada } = await classOfTwo(student);
  const row = roster.getByRole('row', { name: /Ada/ });
  // Column 4 of the cells (after Lesson, Status, Progress): the lesson's first Try it step, "Press Increment".
  await expect(teacher.getByRole('columnheader', { name: 'Try it 1' })).toHaveAttribute('title', /Press Increment/);
  const firstStep = row.getByRole('cell').nth(3);
  await expect(firstStep).toHaveAccessibleName('not yet');
  await expect(row.getByRole('cell').nth(2)).toHaveText(/^0\/\d+$/);
  await client(ada, 'Ada').button('Increment').click();
  await expect(firstStep).toHaveAccessibleName('done');
  await expect(row.getByRole('cell').nth(2)).toHaveText(/^1\/\d+$/);
  await expect(teacher.getByRole('status', { name: 'Students in the roster' })).toHaveText('2 students, 0 stuck');
  const results = await axe(teacher).include('[data-class-panel]').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('the roster sorts by a column header button that says its order, and finds a student by name', async ({
  student,
}) => {
  const { teacher, roster, ada } = await classOfTwo(student);
  await client(ada, 'Ada').button('Increment').click();
  await expect(roster.getByRole('row', { name: /Ada/ }).getByRole('cell').nth(2)).toHaveText(/^1\//);
  await expect.poll(() => names(roster)).toEqual(['Ada', 'Bo']);

  const progress = roster.getByRole('columnheader', { name: 'Progress' });
  await progress.getByRole('button').click();
  await expect(progress).toHaveAttribute('aria-sort', 'ascending');
  await expect(roster.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'none');
  await expect.poll(() => names(roster)).toEqual(['Bo', 'Ada']); // least done first
  await teacher.keyboard.press('Enter'); // the button keeps the focus: the keyboard turns the order round
  await expect(progress).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(() => names(roster)).toEqual(['Ada', 'Bo']);

  await teacher.getByRole('searchbox', { name: 'Find a student' }).fill('b');
  await expect.poll(() => names(roster)).toEqual(['Bo']);
  await expect(teacher.getByRole('status', { name: 'Students in the roster' })).toHaveText(
    '2 students, 0 stuck; 1 shown',
  );
});

test('a student with no new step for the minutes chosen, on the lesson in view, is marked stuck and can be shown alone', async ({
  student,
}) => {
  const { teacher, roster, ada } = await classOfTwo(student);
  await client(ada, 'Ada').button('Increment').click();
  await expect(roster.getByRole('row', { name: /Ada/ }).getByRole('cell').nth(2)).toHaveText(/^1\//);
  await expect(roster.getByText('stuck', { exact: true })).toHaveCount(0);
  await teacher.clock.fastForward('02:30');
  // Five minutes by default: not yet. Two, the instructor's choice: Ada has been without a new step for longer.
  await expect(teacher.getByRole('status', { name: 'Students in the roster' })).toHaveText('2 students, 0 stuck');
  await teacher.getByRole('spinbutton', { name: /Stuck after/ }).fill('2');
  await teacher.getByRole('spinbutton', { name: /Stuck after/ }).press('Enter');
  const adaRow = roster.getByRole('row', { name: /Ada/ });
  await expect(adaRow.getByRole('cell').nth(1)).toHaveText('connected stuck');
  // Bo is on the home page, not on the lesson: not stuck.
  await expect(roster.getByRole('row', { name: /Bo/ }).getByRole('cell').nth(1)).toHaveText('connected');
  await teacher.getByRole('checkbox', { name: 'Stuck only' }).check();
  await expect.poll(() => names(roster)).toEqual(['Ada']);
  await expect(teacher.getByRole('status', { name: 'Students in the roster' })).toHaveText(
    '2 students, 1 stuck; 1 shown',
  );
});
