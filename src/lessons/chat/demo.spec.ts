import type { Page } from '@playwright/test';
import { client, expect, tag, test } from '../../../e2e/demo.ts';
import { openExercise, runShownServer, serverExercise } from '../../../e2e/exercise.ts';

/** The chat in the first in-page client of a page. */
function chatter(page: Page, name = 'Client 1') {
  const c = client(page, name);
  return {
    ...c,
    name: c.panel.getByRole('textbox', { name: 'Name' }),
    room: c.panel.getByRole('textbox', { name: 'Room' }),
    messages: c.panel.getByRole('log', { name: 'Messages' }),
    online: c.panel.getByRole('list', { name: 'Online' }),
    typing: c.panel.getByRole('status', { name: 'Typing' }),
    to: c.panel.getByRole('combobox', { name: 'To' }),
    text: c.panel.getByRole('textbox', { name: 'Message' }),
    error: c.panel.getByRole('alert'),
    async join(name: string, room: string) {
      await expect(c.connection).toHaveText('connected');
      await this.name.fill(name);
      await this.room.fill(room);
      await c.panel.getByRole('button', { name: /^(Join|Move)$/ }).click();
      await expect(c.panel.getByText(`You are ${name} in ${room}.`)).toBeVisible();
    },
    async send(text: string) {
      await this.text.fill(text);
      await c.button('Send').click();
    },
  };
}

async function openChat(page: Page) {
  await page.goto('/lessons/chat/');
  return chatter(page);
}

test('Ada, Bo and Cy: messages stay in the room, typing shows, private stays private, leaving is announced', async ({
  student,
}) => {
  const lobby = `lobby-${tag()}`;
  const games = `games-${tag()}`;
  const adaPage = await student();
  const boPage = await student();
  const ada = await openChat(adaPage);
  const bo = await openChat(boPage);
  const cy = await openChat(await student());
  await ada.join('Ada', lobby);
  await bo.join('Bo', lobby);
  await cy.join('Cy', games);
  await expect(ada.messages).toContainText('Bo joined');
  await expect(ada.online).toContainText('Bo');

  // A message reaches Bo with Ada's name, and not Cy in another room.
  const hello = `Hello lobby ${tag()}`;
  await ada.send(hello);
  await expect(
    bo.messages.getByRole('listitem').filter({ hasText: hello }),
  ).toContainText('Ada');
  await expect(
    ada.messages
      .getByRole('listitem')
      .filter({ hasText: hello })
      .getByLabel('delivered'),
  ).toBeVisible();

  // Bo sees Ada typing, until she sends.
  await ada.text.pressSequentially('I am typ');
  await expect(bo.typing).toHaveText('Ada is typing...');
  await expect(cy.typing).toHaveText('');
  await ada.text.fill('');
  await expect(bo.typing).toHaveText('');

  // A private message reaches Bo only.
  const secret = `just for Bo ${tag()}`;
  await ada.to.selectOption({ label: 'Bo (private)' });
  await ada.send(secret);
  await expect(bo.messages).toContainText(`Ada to you (private) ${secret}`);
  await expect(ada.messages).toContainText(`You to Bo (private) ${secret}`);

  // Bo leaves: Ada reads the notice and Online drops him.
  await boPage.close();
  await expect(ada.messages).toContainText('Bo left');
  await expect(ada.online).not.toContainText('Bo');

  // Nothing of the lobby reached Cy.
  await expect(cy.messages).not.toContainText(hello);
  await expect(cy.messages).not.toContainText(secret);
});

test('a private line to someone who moved to another room is refused, never sent to the whole room', async ({
  student,
}) => {
  const lobby = `lobby-${tag()}`;
  const ada = await openChat(await student());
  const bo = await openChat(await student());
  const cy = await openChat(await student());
  await ada.join('Ada', lobby);
  await bo.join('Bo', lobby);
  await cy.join('Cy', lobby);
  await ada.to.selectOption({ label: 'Bo (private)' });

  await bo.join('Bo', `games-${tag()}`); // Bo moves while Ada writes to him
  await expect(ada.online).not.toContainText('Bo');
  await expect(ada.to.locator('option:checked')).toHaveText('Bo (left the room)');
  const secret = `for Bo only ${tag()}`;
  await ada.send(secret);
  await expect(ada.error).toHaveText('That person is not in this room (any more).');
  await expect(cy.messages).not.toContainText(secret);
});

test('a message with HTML in it shows as text and runs nothing', async ({
  student,
}) => {
  const room = `lobby-${tag()}`;
  const adaPage = await student();
  const boPage = await student();
  const dialogs: string[] = [];
  for (const page of [adaPage, boPage])
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      return dialog.dismiss();
    });
  const ada = await openChat(adaPage);
  const bo = await openChat(boPage);
  await ada.join('Ada', room);
  await bo.join('Bo', room);

  const attack = '<img src=x onerror=alert(1)>';
  await ada.send(attack);
  await expect(bo.messages).toContainText(attack);
  await expect(bo.messages.locator('img')).toHaveCount(0);
  await expect(ada.messages.locator('img')).toHaveCount(0);
  await boPage.waitForTimeout(300);
  expect(dialogs).toEqual([]);
});

test('one reader chats with a second client in the page, and refusals show next to the input', async ({
  page,
}) => {
  const room = `solo-${tag()}`;
  const ada = await openChat(page);
  await ada.join('Ada', room);
  await page.getByRole('button', { name: 'Add a client' }).click();
  const second = chatter(page, 'Client 2');

  // A name is unique in its room, in any case.
  await second.name.fill('ADA');
  await second.room.fill(room);
  await second.button('Join').click();
  await expect(second.error).toHaveText(
    `Someone in ${room} is already called ADA: pick another name.`,
  );

  await second.join('Bo', room);
  await ada.send('hi Bo');
  await expect(second.messages).toContainText('Ada hi Bo');

  // The history comes with a join: a third client sees what was said.
  await page.getByRole('button', { name: 'Add a client' }).click();
  const third = chatter(page, 'Client 3');
  await third.join('Cy', room);
  await expect(third.messages).toContainText('Ada hi Bo');

  // An over-long message is refused, and the text stays in the box.
  const long = 'x'.repeat(501);
  await ada.text.evaluate(
    (input: HTMLInputElement, value) => (input.value = value),
    long,
  );
  await ada.button('Send').click();
  await expect(ada.error).toHaveText('The text can be at most 500 characters.');
  await expect(ada.text).toHaveValue(long);
});

test('the message list keeps the place of a reader who scrolled up, and follows one who did not', async ({
  student,
}) => {
  const room = `scroll-${tag()}`;
  const ada = await openChat(await student());
  const bo = await openChat(await student());
  await ada.join('Ada', room);
  await bo.join('Bo', room);
  // At a person's pace: the server allows about 5 messages a second.
  for (let i = 1; i <= 15; i++) {
    await bo.send(`line ${i}`);
    await bo.panel.page().waitForTimeout(220);
  }
  await expect(ada.messages).toContainText('line 15');
  const atBottom = (list: typeof ada.messages) =>
    list.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight < 2);
  await expect.poll(() => atBottom(ada.messages)).toBe(true); // it follows on the next frame

  // Ada scrolls up to read; a new message must not pull her down.
  await ada.messages.evaluate((el) => (el.scrollTop = 0));
  await bo.send('line 16');
  await expect(ada.messages).toContainText('line 16');
  // The list follows (or not) at the next frame: after two, it has decided.
  const framesLater = await ada.messages.evaluate(
    (el) =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(el.scrollTop))),
      ),
  );
  expect(framesLater).toBe(0);

  // Back at the bottom, the list follows new messages again.
  await ada.messages.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await bo.send('line 17');
  await expect(ada.messages).toContainText('line 17');
  await expect.poll(() => atBottom(ada.messages)).toBe(true);
});

test('a student whose connection drops joins again by itself, and the history shows what was said meanwhile', async ({
  student,
}) => {
  const room = `away-${tag()}`;
  const adaPage = await student();
  const ada = await openChat(adaPage);
  const bo = await openChat(await student());
  await ada.join('Ada', room);
  await bo.join('Bo', room);

  await adaPage.context().setOffline(true);
  await expect(ada.connection).toHaveText('disconnected');
  await expect(bo.messages).toContainText('Ada left');
  const said = `while Ada is away ${tag()}`;
  await bo.send(said);
  await expect(
    bo.messages.getByRole('listitem').filter({ hasText: said }).getByLabel('delivered'),
  ).toBeVisible();
  await adaPage.context().setOffline(false);

  await expect(ada.connection).toHaveText('connected', { timeout: 15_000 });
  await expect(
    ada.messages.getByRole('listitem').filter({ hasText: said }),
  ).toHaveCount(1);
  await expect(bo.messages).toContainText('Ada joined');
  await expect(bo.online).toContainText('Ada');
});

test.describe('the server exercise', () => {
  const TITLE = "Write the chat's server";
  const CHECKS = [
    'read that someone joined',
    'Online list follows',
    'reaches another client',
    'reaches the one it is for',
  ];

  /** Ada and Bo of one page, in one room of the learner's server. */
  async function twoInARoom(page: Page) {
    const ada = chatter(page);
    await ada.join('Ada', 'lobby');
    await page.getByRole('button', { name: 'Add a client' }).click();
    const bo = chatter(page, 'Client 2');
    await bo.join('Bo', 'lobby');
    return { ada, bo };
  }

  test('the server code the lesson shows, run in the page, passes every check with the demo on it', async ({
    page,
  }) => {
    await openChat(page);
    const ex = await runShownServer(page, TITLE);
    const { ada, bo } = await twoInARoom(page);
    await expect(ada.messages).toContainText('Bo joined');
    await expect(ada.online).toContainText('Bo');
    await bo.send('hi Ada');
    await expect(ada.messages).toContainText('Bo hi Ada');
    await ada.to.selectOption({ label: 'Bo (private)' });
    await ada.send('just for Bo');
    await expect(bo.messages).toContainText('Ada to you (private) just for Bo');
    for (const check of CHECKS) await expect(ex.check(check)).toHaveClass(/done/);
    // The rules it runs hold here too: a name is taken in its room, in any case and in
    // look-alike letters ("ВO" with a Cyrillic В).
    await page.getByRole('button', { name: 'Add a client' }).click();
    const third = chatter(page, 'Client 3');
    await third.room.fill('lobby');
    for (const name of ['BO', '\u0412O']) {
      await third.name.fill(name);
      await third.button('Join').click();
      await expect(third.error).toHaveText(
        `Someone in lobby is already called ${name}: pick another name.`,
      );
    }
  });

  test('the starter as given lets both join and send, but nobody in the room hears anyone', async ({
    page,
  }) => {
    await openChat(page);
    const ex = await openExercise(page, TITLE);
    await ex.run.click();
    await expect(serverExercise(page, TITLE).demoServer).toHaveText('your server');
    const { ada, bo } = await twoInARoom(page);
    await bo.send('hi Ada');
    await expect(
      bo.messages
        .getByRole('listitem')
        .filter({ hasText: 'hi Ada' })
        .getByLabel('delivered'),
    ).toBeVisible();
    await expect(ada.messages).not.toContainText('hi Ada');
    await expect(ada.online).not.toContainText('Bo');
    for (const check of CHECKS) await expect(ex.check(check)).not.toHaveClass(/done/);
  });
});
