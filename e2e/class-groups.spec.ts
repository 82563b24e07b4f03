import type { Page } from '@playwright/test';
import { joinClass, openDashboard } from './class.ts';
import { client, expect, openDemo, test } from './demo.ts';

/** The counter's client called `name` (in a class: the student). */
const counter = (page: Page, name: string) => {
  const c = client(page, name);
  return { ...c, count: c.panel.getByRole('status', { name: 'Count' }), increment: c.button('Increment') };
};

/** A class of Ada and Bo, split into 2 groups from the dashboard: Ada in group 1, Bo in group 2. */
async function splitClass(student: () => Promise<Page>) {
  const teacher = await student();
  const { code } = await openDashboard(teacher);
  const [ada, bo] = [await student(), await student()];
  await joinClass(ada, code, 'Ada');
  await joinClass(bo, code, 'Bo');
  const groups = teacher.getByRole('region', { name: 'Groups' });
  await expect(teacher.getByRole('table', { name: 'Roster' }).getByRole('row', { name: /Bo/ })).toBeVisible();
  await groups.getByRole('spinbutton', { name: 'Number of groups' }).fill('2');
  await groups.getByRole('button', { name: 'Split into groups' }).click();
  await expect(groups.getByRole('status', { name: 'Groups' })).toHaveText('2 groups: each has its own demos.');
  await expect(groups.getByRole('list', { name: 'Students by group' })).toHaveText(
    /Group 1 \(1\): Ada.*Group 2 \(1\): Bo/,
  );
  await expect(ada.getByText('you are Ada · group 1')).toBeVisible();
  await expect(bo.getByText('you are Bo · group 2')).toBeVisible();
  return { teacher, groups, ada, bo };
}

test("students in two groups count on their own counters, each shown under the student's class name", async ({
  student,
}) => {
  const { ada, bo } = await splitClass(student);
  await openDemo(ada, 'sockets-intro', ['Ada']);
  await openDemo(bo, 'sockets-intro', ['Bo']);
  const [adas, bos] = [counter(ada, 'Ada'), counter(bo, 'Bo')];
  await expect(adas.count).toHaveText('0');
  await expect(bos.count).toHaveText('0');
  await adas.increment.click();
  await adas.increment.click();
  await expect(adas.count).toHaveText('2');
  await bos.increment.click();
  await expect(bos.count).toHaveText('1');
  await expect(adas.count).toHaveText('2');
});

test("a student moved to another group finds that group's demo on the page they have open", async ({ student }) => {
  const { groups, ada, bo } = await splitClass(student);
  await openDemo(ada, 'sockets-intro', ['Ada']);
  await openDemo(bo, 'sockets-intro', ['Bo']);
  await counter(ada, 'Ada').increment.click();
  await expect(counter(ada, 'Ada').count).toHaveText('1');
  await expect(counter(bo, 'Bo').count).toHaveText('0');

  await groups.getByRole('combobox', { name: 'Move' }).selectOption('Bo');
  await groups.getByRole('combobox', { name: 'to group' }).selectOption({ label: 'Group 1' });
  await groups.getByRole('button', { name: 'Move' }).click();
  await expect(bo.getByText('you are Bo · group 1')).toBeVisible();
  await expect(bo.getByRole('status').filter({ hasText: 'You are in group 1 now' })).toBeVisible();
  await expect(counter(bo, 'Bo').count).toHaveText('1');
});

test("in a class, the emit lesson's in-page clients are named after their owner, in every list", async ({
  student,
}) => {
  const { ada, bo } = await splitClass(student);
  await ada.goto('/lessons/emit-vs-broadcast/');
  const names = ['Ada', "Ada's client 2", "Ada's client 3"];
  for (const name of names) await expect(client(ada, name).connection).toHaveText('connected');
  const recipients = client(ada, 'Ada').panel.getByRole('combobox', { name: 'Recipient' }).getByRole('option');
  // Names, in whatever order the clients came in.
  const sorted = async (options: typeof recipients) => (await options.allTextContents()).sort();
  await expect.poll(() => sorted(recipients)).toEqual(["Ada's client 2", "Ada's client 3"]);
  // Bo, in the other group, is in none of Ada's lists.
  await bo.goto('/lessons/emit-vs-broadcast/');
  await expect(client(bo, 'Bo').connection).toHaveText('connected');
  const bosRecipients = client(bo, 'Bo').panel.getByRole('combobox', { name: 'Recipient' }).getByRole('option');
  await expect.poll(() => sorted(bosRecipients)).toEqual(["Bo's client 2", "Bo's client 3"]);
  await expect.poll(() => sorted(recipients)).toEqual(["Ada's client 2", "Ada's client 3"]);
});
