import { joinClass, openDashboard, TOKEN } from './class.ts';
import { client, expect, test } from './demo.ts';

test('a break the instructor starts counts down on every student page at once, after a reload too, until it is over', async ({
  student,
}) => {
  const teacher = await student();
  const { code } = await openDashboard(teacher);
  const ada = await student();
  await joinClass(ada, code, 'Ada');
  await ada.goto('/lessons/rooms/');

  await teacher.getByRole('spinbutton', { name: 'Break minutes' }).fill('5');
  await teacher.getByRole('button', { name: 'Start break' }).click();
  const breakOf = (page: typeof ada) => page.getByRole('status', { name: 'Break' });
  await expect(breakOf(ada)).toHaveText(/^Break: [45]:\d\d left$/);
  await ada.reload();
  await expect(breakOf(ada)).toHaveText(/^Break: 4:\d\d left$/);
  // A student who joins during the break sees it too.
  const bo = await student();
  await joinClass(bo, code, 'Bo');
  await expect(breakOf(bo)).toHaveText(/^Break: 4:\d\d left$/);

  await teacher.getByRole('button', { name: 'End break' }).click();
  await expect(breakOf(ada)).toHaveText('The break is over');
  await expect(breakOf(bo)).toHaveText('The break is over');
});

test('a class closed to newcomers turns a new name away on the join form; a student on the roster gets back in', async ({
  student,
}) => {
  const teacher = await student();
  const { code } = await openDashboard(teacher);
  const ada = await student();
  await joinClass(ada, code, 'Ada');
  await teacher.getByRole('switch', { name: /Close to newcomers/ }).check();
  await expect(teacher.getByText('The class is closed to newcomers.')).toBeVisible();

  const cy = await student();
  await cy.goto(`/?class=${code}`);
  await cy.getByRole('textbox', { name: 'Your name' }).fill('Cy');
  await cy.getByRole('button', { name: 'Join the class' }).click();
  await expect(cy.getByRole('alert')).toHaveText('This class is closed to newcomers: ask your instructor.');
  // Ada's browser comes back (a reload): she is let in, and hears the class (a break started meanwhile).
  await teacher.getByRole('button', { name: 'Start break' }).click();
  await ada.reload();
  await expect(ada.getByRole('status', { name: 'Break' })).toHaveText(/^Break: \d+:\d\d left$/);

  await teacher.getByRole('switch', { name: /Close to newcomers/ }).uncheck();
  await expect(teacher.getByText('Newcomers may join again.')).toBeVisible();
  await cy.getByRole('button', { name: 'Join the class' }).click();
  await expect(cy.getByText('you are Cy')).toBeVisible();
});

test("a chat lock and a reset show on a student's chat at once: the send box closes and opens, old messages go", async ({
  student,
}) => {
  const teacher = await student();
  const { code } = await openDashboard(teacher);
  const ada = await student();
  await joinClass(ada, code, 'Ada');
  await ada.goto('/lessons/chat/');
  const chat = client(ada, 'Ada');
  const text = chat.panel.getByRole('textbox', { name: 'Message' });
  const messages = chat.panel.getByRole('log', { name: 'Messages' });
  await expect(chat.connection).toHaveText('connected');
  await chat.button('Join').click();
  await text.fill('before the reset');
  await chat.button('Send').click();
  await expect(messages).toContainText('before the reset');

  await teacher.getByRole('button', { name: 'Lock the chat' }).click();
  await expect(chat.panel.getByRole('status', { name: 'Chat lock' })).toHaveText('The instructor has locked the chat');
  await expect(text).toBeDisabled();
  await teacher.getByRole('button', { name: 'Chat locked (unlock)' }).click();
  await expect(text).toBeEnabled();
  await expect(chat.panel.getByRole('status', { name: 'Chat lock' })).toBeHidden();

  await teacher.getByRole('combobox', { name: 'Reset the demo of' }).selectOption({ label: 'A chat, from the pieces' });
  await teacher.getByRole('button', { name: 'Reset demo' }).click();
  await expect(ada.getByText('The instructor reset this demo')).toBeVisible();
  await expect(client(ada, 'Ada').panel.getByRole('log', { name: 'Messages' })).not.toContainText('before the reset');
  await expect(client(ada, 'Ada').connection).toHaveText('connected');
});

test('the class list counts students live, and the dashboard keeps its open class on a reload and in another tab', async ({
  student,
}) => {
  const teacher = await student();
  const { code, title } = await openDashboard(teacher);
  const listed = teacher.getByRole('list', { name: 'Open classes' }).getByRole('listitem').filter({ hasText: code });
  await expect(listed).toContainText('0 students');
  const ada = await student();
  await joinClass(ada, code, 'Ada');
  await expect(listed).toContainText('1 student');

  const heading = (page: typeof teacher) => page.getByRole('heading', { level: 2, name: `Class ${code} ${title}` });
  await teacher.reload();
  await expect(heading(teacher)).toBeVisible();
  await expect(teacher.getByRole('table', { name: 'Roster' }).getByRole('row', { name: /Ada/ })).toBeVisible();
  // The address names the class: opened in another tab (which asks for the token again), it opens that class.
  const tab = await teacher.context().newPage();
  await tab.goto(teacher.url());
  await tab.getByLabel('Instructor token').fill(TOKEN);
  await tab.getByRole('button', { name: 'Open the dashboard' }).click();
  await expect(heading(tab)).toBeVisible();
});
