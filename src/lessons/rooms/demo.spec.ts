import type { Page } from '@playwright/test';
import { client, expect, openDemo, rename, tag, test } from '../../../e2e/demo.ts';
import {
  expectChecksOpen,
  runShownServer,
  runStarterServer,
} from '../../../e2e/exercise.ts';

const SLUG = 'rooms';
const NAMES = ['Ada', 'Bo', 'Cy'];

function member(page: Page, name: string) {
  const c = client(page, name);
  return {
    ...c,
    room: c.panel.getByRole('textbox', { name: 'Room' }),
    hello: c.panel.getByRole('textbox', { name: 'Hello' }),
    hellos: c.panel.getByRole('log', { name: 'Hellos' }),
    error: c.panel.getByRole('alert'),
    async join(room: string) {
      await this.room.fill(room);
      await this.button('Join').click();
      await expect(c.panel.getByRole('list', { name: 'My rooms' })).toContainText(room);
    },
  };
}

/** The room map's list for one room, found by the room's name. */
const roomList = (page: Page, room: string) =>
  page.getByRole('list', { name: room, exact: true });

test("A and B join a room, C does not: A's hello reaches B only, and leaving updates the map everywhere", async ({
  student,
}) => {
  const first = await student();
  const second = await student();
  await openDemo(first, SLUG, NAMES);
  await openDemo(second, SLUG, NAMES);
  const [aName, bName, cName] = [`A-${tag()}`, `B-${tag()}`, `C-${tag()}`];
  await rename(first, 'Ada', aName);
  await rename(first, 'Cy', cName);
  await rename(second, 'Ada', bName);
  const [a, c, b] = [member(first, aName), member(first, cName), member(second, bName)];
  const red = `red-${tag()}`;

  await a.join(red);
  await b.join(red);
  for (const page of [first, second]) {
    await expect(roomList(page, red)).toContainText(aName);
    await expect(roomList(page, red)).toContainText(bName);
    await expect(roomList(page, red)).not.toContainText(cName);
  }

  const text = `hi ${tag()}`;
  await a.hello.fill(text);
  await a.button('Say hello').click();
  await expect(b.hellos).toContainText(`${aName} says: ${text}`);
  await first.waitForTimeout(300);
  await expect(c.hellos).not.toContainText(text);
  await expect(a.hellos).not.toContainText(text);

  await b.button(`Leave ${red}`).click();
  for (const page of [first, second]) {
    await expect(roomList(page, red)).not.toContainText(bName);
    await expect(roomList(page, red)).toContainText(aName);
  }
});

test('joining greets everyone, the room and the joiner, each once', async ({
  page,
}) => {
  await openDemo(page, SLUG, NAMES);
  const [ada, bo, cy] = NAMES.map((name) => member(page, name));
  const room = `green-${tag()}`;
  await bo!.join(room);
  await ada!.join(room);
  await expect(ada!.hellos).toContainText(`Hello Ada, you are in ${room} now.`);
  await expect(bo!.hellos).toContainText(`Hello everyone! Ada joined ${room}.`);
  await expect(cy!.hellos).toContainText(`Hello everyone! Ada joined ${room}.`);
  // Bo is in the room: the room's hello twice (for Bo's own join and Ada's); Cy is not: never.
  await expect(bo!.hellos.getByText(`Hello, members of ${room}!`)).toHaveCount(2);
  await expect(cy!.hellos.getByText(`Hello, members of ${room}!`)).toHaveCount(0);
});

test('a client that goes away leaves its rooms, and the map shows it at once', async ({
  page,
}) => {
  await openDemo(page, SLUG, NAMES);
  const room = `blue-${tag()}`;
  await member(page, 'Ada').join(room);
  await member(page, 'Bo').join(room);
  await expect(roomList(page, room)).toContainText('Bo');
  await page.getByRole('button', { name: 'Remove Bo' }).click();
  await expect(roomList(page, room)).not.toContainText('Bo');
  await expect(roomList(page, room)).toContainText('Ada');
});

test('a suggested room joins in one click and a bad name is refused with a sentence', async ({
  page,
}) => {
  await openDemo(page, SLUG, NAMES);
  const cy = member(page, 'Cy');
  // One character over the server's limit of 32 (Try it's step 4): the server says why.
  await cy.room.fill('x'.repeat(33));
  await cy.button('Join').click();
  await expect(cy.error).toContainText('at most 32 characters');
  await expect(cy.button('Leave xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx')).toBeHidden();
  await cy.room.fill('   ');
  await cy.button('Join').click();
  await expect(cy.error).toHaveText('The room name cannot be empty.');

  await cy.button('Join red').click();
  await expect(cy.button('Leave red')).toBeVisible();
  await expect(cy.button('Join red')).toBeHidden();
  await cy.button('Leave red').click();
  await expect(cy.button('Join red')).toBeVisible();
});

test.describe('the server exercise', () => {
  const TITLE = "Write the rooms' server";
  const CHECKS = [
    'A client that joins a room is in it',
    'A hello reaches another member of the room',
    'The sender does not hear its own hello',
    "A client that leaves a room is gone from the others' map",
  ];

  /** Ada and Bo join red, Ada says hello, Bo leaves: Cy stays outside. */
  async function fillTheRooms(page: Page) {
    const [ada, bo, cy] = NAMES.map((name) => member(page, name)) as [
      ReturnType<typeof member>,
      ReturnType<typeof member>,
      ReturnType<typeof member>,
    ];
    for (const name of NAMES)
      await expect(client(page, name).connection).toHaveText('connected');
    await ada.button('Join red').click();
    await bo.button('Join red').click();
    await ada.button('Say hello').click();
    return { ada, bo, cy };
  }

  test('the server code the lesson shows, run in the page, passes every check as a learner uses the demo', async ({
    page,
  }) => {
    await openDemo(page, SLUG, NAMES);
    const ex = await runShownServer(page, TITLE);
    const { ada, bo, cy } = await fillTheRooms(page);
    await expect(roomList(page, 'red')).toContainText('Ada');
    await expect(roomList(page, 'red')).toContainText('Bo');
    await expect(bo.hellos).toContainText('Ada says: Hello, room!');
    await bo.button('Leave red').click();
    await expect(roomList(page, 'red')).not.toContainText('Bo');
    for (const check of CHECKS) await expect(ex.check(check)).toHaveClass(/done/);
    await expect(cy.hellos).not.toContainText('says:');
    await expect(ada.hellos).not.toContainText('says:');
  });

  test('the starter as given joins nobody: the room map stays empty and the checks stay open', async ({
    page,
  }) => {
    await openDemo(page, SLUG, NAMES);
    const ex = await runStarterServer(page, TITLE);
    const { bo } = await fillTheRooms(page);
    await expect(page.getByText('No rooms yet')).toBeVisible();
    await expectChecksOpen(page, ex, CHECKS);
    await expect(bo.hellos).toBeEmpty();
  });
});
