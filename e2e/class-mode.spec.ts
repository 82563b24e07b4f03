import type { Page } from '@playwright/test';
import { joinClass, openDashboard } from './class.ts';
import { client, expect, test } from './demo.ts';

/** The counter's first client: "Client 1", or in a class the student ("Ada"). */
const counter = (page: Page, label = 'Client 1') => {
  const c = client(page, label);
  return { ...c, count: c.panel.getByRole('status', { name: 'Count' }), increment: c.button('Increment') };
};

test('an instructor runs a class: students join by code, show on the roster, follow, read announcements, and get reset', async ({
  student,
}) => {
  test.slow(); // a whole class session: five browsers and many steps
  const teacher = await student();
  const { code, title } = await openDashboard(teacher);
  const roster = teacher.getByRole('table', { name: 'Roster' });

  const ada = await student();
  const bo = await student();
  await joinClass(ada, code, 'Ada');
  await joinClass(bo, code, 'Bo');
  await expect(ada.getByRole('status').filter({ hasText: `You joined ${title} as Ada.` })).toBeVisible();
  await expect(roster.getByRole('row', { name: /Ada/ })).toContainText('connected');
  await expect(roster.getByRole('row', { name: /Bo/ })).toBeVisible();

  // The roster shows the lesson each student is on.
  await ada.getByRole('link', { name: 'Rooms' }).click();
  await bo.getByRole('link', { name: 'Sockets, from the first connection' }).click();
  await expect(roster.getByRole('row', { name: /Ada/ })).toContainText('Rooms');
  await expect(roster.getByRole('row', { name: /Bo/ })).toContainText('Sockets, from the first connection');

  // A student who tries to take a name that is in use is told so.
  const copycat = await student();
  await copycat.goto(`/?class=${code}`);
  await copycat.getByRole('textbox', { name: 'Your name' }).fill('ada');
  await copycat.getByRole('button', { name: 'Join the class' }).click();
  await expect(copycat.getByRole('alert')).toHaveText('That name is taken in this class: pick another.');

  // Follow me moves both students to the chat lesson.
  await teacher.getByRole('combobox', { name: /Follow me/ }).selectOption({ label: 'A chat, from the pieces' });
  await expect(ada).toHaveURL(/\/lessons\/chat\//);
  await expect(bo).toHaveURL(/\/lessons\/chat\//);
  await expect(roster.getByRole('row', { name: /Bo/ })).toContainText('A chat, from the pieces');

  // An announcement appears on every student's page, and can be dismissed.
  // Bo has scrolled to the end of the lesson: the announcement still reaches his screen, and the tab's title.
  await bo.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await teacher.getByRole('textbox', { name: 'Announcement' }).fill('Break until 11:00');
  await teacher.getByRole('button', { name: 'Announce' }).click();
  for (const page of [ada, bo]) {
    await expect(page.getByRole('region', { name: 'Announcement' })).toContainText('Break until 11:00');
    await expect(page).toHaveTitle(/Break until 11:00/);
  }
  await expect(bo.getByRole('region', { name: 'Announcement' })).toBeInViewport();
  await ada.getByRole('button', { name: 'Dismiss' }).click();
  await expect(ada.getByRole('region', { name: 'Announcement' })).toBeHidden();
  await expect(ada).not.toHaveTitle(/Break until/);

  // Back to the counter: the class counts on its own, and a reset zeroes it, not the public one.
  await teacher.getByRole('combobox', { name: /Follow me/ }).selectOption({ label: '(off: everyone browses freely)' });
  await ada.goto('/lessons/sockets-intro/');
  const inClass = counter(ada, 'Ada');
  await expect(inClass.connection).toHaveText('connected');
  const outsider = await student();
  await outsider.goto('/lessons/sockets-intro/');
  const inPublic = counter(outsider);
  await expect(inPublic.connection).toHaveText('connected');
  await expect(inPublic.count).toHaveText(/^-?\d+$/); // the count it was sent on connecting
  const before = Number(await inPublic.count.textContent());
  await inPublic.increment.click();
  // Read the count once the server's answer is in, not the one the click was made on.
  await expect(inPublic.count).toHaveText(String(before + 1));
  const publicCount = await inPublic.count.textContent();
  await expect(inClass.count).toHaveText('0');
  await inClass.increment.click();
  await inClass.increment.click();
  await expect(inClass.count).toHaveText('2');
  await expect(inPublic.count).toHaveText(publicCount!);

  // The roster ticks with Ada's progress in the lesson in view: "Click and see" is one step of its all.
  const total = await teacher
    .getByRole('combobox', { name: 'Progress in' })
    .selectOption({ label: 'Sockets, from the first connection' })
    .then(() => roster.getByRole('row', { name: /Bo/ }).getByRole('cell').nth(2).textContent());
  expect(total).toMatch(/^0\/\d+$/);
  await expect(roster.getByRole('row', { name: /Ada/ }).getByRole('cell').nth(2)).toHaveText(
    new RegExp(`^[1-9]\\d*/${total!.split('/')[1]}$`),
  );

  await teacher
    .getByRole('combobox', { name: 'Reset the demo of' })
    .selectOption({ label: 'Sockets, from the first connection' });
  await teacher.getByRole('button', { name: 'Reset demo' }).click();
  await expect(teacher.getByText('was reset for this class')).toBeVisible();
  await expect(inClass.count).toHaveText('0');
  await expect(inClass.connection).toHaveText('connected');
  await expect(inPublic.count).toHaveText(publicCount!);
});

test('a student joins from the home page by typing the class code the projector shows; a wrong code is told so', async ({
  page,
  student,
}) => {
  const { code } = await openDashboard(page);
  const ada = await student();
  await ada.goto('/');
  const codeField = ada.getByRole('textbox', { name: 'Class code' });
  await codeField.fill('ABC');
  await ada.getByRole('textbox', { name: 'Your name' }).fill('Ada');
  await ada.getByRole('button', { name: 'Join the class' }).click();
  await expect(ada.getByRole('alert')).toContainText('"ABC" is not a class code');
  await codeField.fill(code.toLowerCase()); // as a student types it
  await ada.getByRole('button', { name: 'Join the class' }).click();
  await expect(ada.getByText('you are Ada')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Roster' }).getByRole('row', { name: /Ada/ })).toContainText(
    'connected',
  );
});

test('a wrong instructor token is refused with a clear message', async ({ page }) => {
  await page.goto('/instructor/#token=not-the-token');
  await expect(page.getByRole('alert')).toHaveText('That token is not right: check the link the server printed.');
  await expect(page.getByRole('button', { name: 'Create a class' })).toBeHidden();
});

test('a removed student is told why and continues on their own, stays out under that name, and comes back when the instructor lets them', async ({
  student,
}) => {
  const teacher = await student();
  const { code } = await openDashboard(teacher);
  const ada = await student();
  await joinClass(ada, code, 'Ada');
  const row = teacher.getByRole('table', { name: 'Roster' }).getByRole('row', { name: /Ada/ });
  await row.getByRole('button', { name: 'Remove Ada' }).click();
  await row.getByRole('button', { name: 'Confirm: remove Ada' }).click();
  await expect(ada.getByRole('alert').filter({ hasText: 'The instructor removed you from the class.' })).toBeVisible();
  await expect(row).toHaveCount(0);
  await ada.getByRole('button', { name: 'Continue on your own' }).click();
  await expect(ada.getByText('you are Ada')).toBeHidden();

  // A fresh start under the same name is refused until the instructor says otherwise.
  await ada.goto(`/?class=${code}`);
  await ada.getByRole('textbox', { name: 'Your name' }).fill('Ada');
  await ada.getByRole('button', { name: 'Join the class' }).click();
  await expect(ada.getByRole('alert')).toHaveText('The instructor removed you from this class.');
  await teacher
    .getByRole('list', { name: 'Removed students' })
    .getByRole('button', { name: 'Let Ada back in' })
    .click();
  await expect(teacher.getByText('Ada may join the class again.')).toBeVisible();
  await expect(teacher.getByRole('list', { name: 'Removed students' })).toBeHidden();
  await joinClass(ada, code, 'Ada');
});

test('follow me can follow where the instructor reads, section by section, and a student can step out', async ({
  student,
}) => {
  test.slow();
  const teacher = await student();
  const { code } = await openDashboard(teacher);
  const ada = await student();
  await joinClass(ada, code, 'Ada');

  await teacher
    .getByRole('combobox', { name: /Follow me/ })
    .selectOption({ label: 'where I am reading (a lesson open in another tab)' });
  const reading = await teacher.context().newPage();
  await reading.goto('/lessons/rooms/');
  await expect(ada).toHaveURL(/\/lessons\/rooms\//);

  // The instructor reads on: the section's heading reaches the top of the window.
  await reading
    .getByRole('heading', { name: 'Rooms live on the server' })
    .evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await expect(ada.getByRole('heading', { name: 'Rooms live on the server' })).toBeInViewport();

  // Stepping out: the instructor moves on, Ada stays.
  await ada.getByRole('button', { name: 'Following the instructor' }).click();
  await expect(ada.getByRole('button', { name: 'Follow the instructor' })).toHaveAttribute('aria-pressed', 'false');
  await reading.goto('/lessons/chat/');
  await ada.waitForTimeout(1500);
  await expect(ada).toHaveURL(/\/lessons\/rooms\//);
  // Stepping back in goes where the instructor is.
  await ada.getByRole('button', { name: 'Follow the instructor' }).click();
  await expect(ada).toHaveURL(/\/lessons\/chat\//);
});

test("a student's own link carries them to another device as themselves, with the steps they did", async ({
  student,
}) => {
  const teacher = await student();
  const { code } = await openDashboard(teacher);
  const laptop = await student();
  await joinClass(laptop, code, 'Ada');
  await laptop.goto('/lessons/sockets-intro/');
  await counter(laptop, 'Ada').button('Increment').click();
  const tryIt = (page: Page) =>
    page.getByRole('region', { name: 'Try it' }).getByRole('listitem').filter({ hasText: 'Press Increment' });
  await expect(tryIt(laptop)).toContainText('(done)');
  await laptop.getByText('On another device').click();
  const link = await laptop.getByRole('textbox', { name: 'Your link for another device' }).inputValue();

  // Another browser: nothing of Ada's in its storage, only the link.
  const phone = await student();
  await phone.goto(link.replace(/^https?:\/\/[^/]+/, ''));
  await expect(phone.getByRole('textbox', { name: 'Your name' })).toHaveValue('Ada');
  await phone.getByRole('button', { name: 'Join the class' }).click();
  await expect(phone.getByText('you are Ada')).toBeVisible();
  await phone.goto('/lessons/sockets-intro/');
  await expect(tryIt(phone)).toContainText('(done)');
  // One student on the roster, not two.
  await expect(teacher.getByRole('status', { name: 'Students in the roster' })).toHaveText('1 student, 0 stuck');
});
