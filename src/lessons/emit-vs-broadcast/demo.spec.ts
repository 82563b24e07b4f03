import type { Page } from '@playwright/test';
import { client, expect, openDemo, rename, tag, test } from '../../../e2e/demo.ts';
import {
  expectChecksOpen,
  runShownServer,
  runStarterServer,
} from '../../../e2e/exercise.ts';

const SLUG = 'emit-vs-broadcast';
const NAMES = ['Ada', 'Bo', 'Cy'];

function emitter(page: Page, name: string) {
  const c = client(page, name);
  return {
    ...c,
    message: c.panel.getByRole('textbox', { name: 'Message' }),
    recipient: c.panel.getByRole('combobox', { name: 'Recipient' }),
    inbox: c.panel.getByRole('log', { name: 'Inbox' }),
    error: c.panel.getByRole('alert'),
  };
}

/** Two students: A is the first window's Ada, B the second window's Ada, renamed so both can tell them apart. */
async function twoStudents(student: () => Promise<Page>) {
  const first = await student();
  const second = await student();
  await openDemo(first, SLUG, NAMES);
  await openDemo(second, SLUG, NAMES);
  const aName = `A-${tag()}`;
  const bName = `B-${tag()}`;
  await rename(first, 'Ada', aName);
  await rename(second, 'Ada', bName);
  return {
    first,
    second,
    a: emitter(first, aName),
    b: emitter(second, bName),
    aName,
    bName,
  };
}

test('A broadcasts to others: B receives it and A does not', async ({ student }) => {
  const { a, b } = await twoStudents(student);
  const text = `broadcast ${tag()}`;
  await a.message.fill(text);
  await a.button('Broadcast to others').click();
  await expect(b.inbox).toContainText(text);
  await expect(a.error).toHaveText('');
  // The sender's own inbox never gets it (give it time to arrive, were it wrong).
  await a.panel.page().waitForTimeout(300);
  await expect(a.inbox).not.toContainText(text);
});

test('A emits to all: A and B both receive it', async ({ student }) => {
  const { a, b, aName } = await twoStudents(student);
  const text = `to all ${tag()}`;
  await a.message.fill(text);
  await a.button('Emit to all').click();
  await expect(a.inbox).toContainText(`${aName} to all: ${text}`);
  await expect(b.inbox).toContainText(`${aName} to all: ${text}`);
});

test('A sends to B by id: only B receives it', async ({ student }) => {
  const { first, a, b, bName } = await twoStudents(student);
  const text = `just for B ${tag()}`;
  await a.recipient.selectOption({ label: bName });
  await a.message.fill(text);
  await a.button('Send to...').click();
  await expect(b.inbox).toContainText(`to you only: ${text}`);
  await first.waitForTimeout(300);
  for (const name of [a, emitter(first, 'Bo'), emitter(first, 'Cy')])
    await expect(name.inbox).not.toContainText(text);
  // The diagram on A's page draws B, in another window, as the one receiver.
  await expect(first.getByRole('status', { name: 'Fan-out' })).toContainText(
    `${bName} in another window`,
  );
});

test('one reader alone sees the four ways with in-page clients and the fan-out diagram', async ({
  page,
}) => {
  await openDemo(page, SLUG, NAMES);
  const [ada, bo, cy] = NAMES.map((name) => emitter(page, name)) as [
    ReturnType<typeof emitter>,
    ReturnType<typeof emitter>,
    ReturnType<typeof emitter>,
  ];
  const fanOut = page.getByRole('status', { name: 'Fan-out' });

  const self = `self ${tag()}`;
  await ada.message.fill(self);
  await ada.button('Emit to self').click();
  await expect(ada.inbox).toContainText(`Ada to self: ${self}`);
  await expect(fanOut).toContainText(
    `Ada sent "${self}" with socket.emit (back to the sender): Ada received it.`,
  );

  const others = `others ${tag()}`;
  await bo.message.fill(others);
  await bo.button('Broadcast to others').click();
  await expect(ada.inbox).toContainText(others);
  await expect(cy.inbox).toContainText(others);
  await expect(fanOut).toContainText(`Bo sent "${others}"`);
  // In the order the clients connected, which the page does not fix.
  await expect(fanOut).toContainText(/(Ada and Cy|Cy and Ada) received it/);
  await expect(bo.inbox).not.toContainText(others);

  const direct = `direct ${tag()}`;
  await cy.recipient.selectOption({ label: 'Bo' });
  await cy.message.fill(direct);
  await cy.button('Send to...').click();
  await expect(bo.inbox).toContainText(`Cy to you only: ${direct}`);
  await expect(fanOut).toContainText(
    `Cy sent "${direct}" with io.to(id).emit (one client): Bo received it.`,
  );
  await expect(ada.inbox).not.toContainText(direct);
});

test('an empty message is refused with a sentence and reaches nobody', async ({
  page,
}) => {
  await openDemo(page, SLUG, NAMES);
  const ada = emitter(page, 'Ada');
  await ada.message.fill('   ');
  await ada.button('Emit to all').click();
  await expect(ada.error).toHaveText('The text cannot be empty.');
  await expect(emitter(page, 'Bo').inbox).toBeEmpty();
});

test('the raw frames show the packet of an event just sent', async ({ page }) => {
  await openDemo(page, SLUG, NAMES);
  const ada = emitter(page, 'Ada');
  const text = `frame ${tag()}`;
  await ada.message.fill(text);
  await ada.button('Emit to all').click();
  await expect(ada.inbox).toContainText(text);
  await expect(ada.frames).toBeHidden();
  await ada.button('Raw frames').click();
  await expect(ada.button('Raw frames')).toHaveAttribute('aria-pressed', 'true');
  // 42 = Engine.IO "message" + Socket.IO "event", then the namespace, the ack id and the data.
  await expect(ada.frames).toContainText(
    new RegExp(`42/emit-vs-broadcast,\\d+\\["emit:all",\\{"text":"${text}"\\}\\]`),
  );
  // ...and the server's broadcast coming back (stamped with its recovery offset), and the ack (43).
  await expect(ada.frames).toContainText(
    new RegExp(`"kind":"all","text":"${text}"\\},"[\\w-]+"\\]`),
  );
  await expect(ada.frames).toContainText(/43\/emit-vs-broadcast,\d+\[\{"ok":true\}\]/);

  await ada.button('Clear').click();
  await expect(ada.frames.getByRole('listitem')).toHaveCount(0);
});

test.describe('the server exercise', () => {
  const TITLE = 'Write the four ways to send';
  const CHECKS = [
    'Emit to self comes back to the sender',
    'Emit to all reaches the other clients',
    'Emit to all comes back to the sender too',
    'A broadcast reaches the others',
    'Send to... reaches the chosen client',
  ];

  /** Each of Ada's four buttons once, Send to... aimed at Bo; what the inboxes show is the learner's server's doing. */
  async function pressEveryWay(page: Page) {
    const [ada, bo] = [emitter(page, 'Ada'), emitter(page, 'Bo')];
    await expect(ada.recipient.getByRole('option', { name: 'Bo' })).toBeAttached();
    await ada.button('Emit to self').click();
    await expect(ada.inbox).toContainText('Ada to self: Hi from Ada');
    await ada.button('Emit to all').click();
    await ada.button('Broadcast to others').click();
    await ada.recipient.selectOption({ label: 'Bo' });
    await ada.button('Send to...').click();
    return { ada, bo, cy: emitter(page, 'Cy') };
  }

  test('the server code the lesson shows, run in the page, passes every check as a learner uses the demo', async ({
    page,
  }) => {
    await openDemo(page, SLUG, NAMES);
    const ex = await runShownServer(page, TITLE);
    for (const name of NAMES)
      await expect(client(page, name).connection).toHaveText('connected');
    const { ada, bo, cy } = await pressEveryWay(page);
    await expect(bo.inbox).toContainText('Ada to all: Hi from Ada');
    await expect(ada.inbox).toContainText('Ada to all: Hi from Ada');
    await expect(cy.inbox).toContainText('Ada to others: Hi from Ada');
    await expect(bo.inbox).toContainText('Ada to you only: Hi from Ada');
    await expect(page.getByRole('status', { name: 'Fan-out' })).toContainText(
      'Ada sent "Hi from Ada" with io.to(id).emit (one client): Bo received it.',
    );
    for (const check of CHECKS) await expect(ex.check(check)).toHaveClass(/done/);
    await expect(ada.inbox).not.toContainText('Ada to others');
    await expect(cy.inbox).not.toContainText('to you only');
  });

  test('the starter as given delivers only Emit to self: the checks of the other three ways stay open', async ({
    page,
  }) => {
    await openDemo(page, SLUG, NAMES);
    const ex = await runStarterServer(page, TITLE);
    const { bo } = await pressEveryWay(page);
    await expect(ex.check(CHECKS[0]!)).toHaveClass(/done/);
    await expectChecksOpen(page, ex, CHECKS.slice(1));
    await expect(bo.inbox).toBeEmpty();
  });
});
