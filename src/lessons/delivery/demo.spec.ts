import type { Page } from '@playwright/test';
import { client, expect, openDemo, tag, test } from '../../../e2e/demo.ts';
import {
  runShownServer,
  runSolution,
  runStarterServer,
} from '../../../e2e/exercise.ts';

const SLUG = 'delivery';

function member(page: Page, name: string) {
  const c = client(page, name);
  return {
    ...c,
    message: c.panel.getByRole('textbox', { name: 'Message' }),
    session: c.panel.getByRole('status', { name: 'Session' }),
    waiting: c.panel.getByRole('list', { name: 'Waiting for the server' }),
    messages: c.panel.getByRole('log', { name: 'Messages' }),
    async send(text: string) {
      await this.message.fill(text);
      await c.button('Send').click();
    },
  };
}

/** The message lines of a list, as text: "#12 Ada: hi …". */
const lines = (m: ReturnType<typeof member>, hasText: string) =>
  m.messages.getByRole('listitem').filter({ hasText });

test('offline for 5 s, a client comes back recovered: what it missed and what it wrote arrive once, in the same order for both', async ({
  page,
}) => {
  await openDemo(page, SLUG, ['Ada', 'Bo']);
  const ada = member(page, 'Ada');
  const bo = member(page, 'Bo');
  const run = tag();
  await expect(ada.session).toHaveText(/^Connected/);
  // Socket.IO recovers a session from the offset of the last broadcast the client got: it needs one.
  await bo.send(`first ${run}`);
  await expect(lines(ada, `first ${run}`)).toHaveCount(1);

  await ada.button('Go offline for 5 s').click();
  await expect(ada.connection).toHaveText('disconnected');
  await ada.send(`from Ada offline ${run}`);
  await expect(ada.waiting.getByRole('listitem')).toHaveText([
    `from Ada offline ${run}`,
  ]);
  for (const i of [1, 2, 3]) await bo.send(`from Bo ${i} ${run}`);
  await expect(lines(bo, `from Bo 3 ${run}`)).toHaveCount(1);

  await expect(ada.session).toHaveText(/^Back, recovered/, { timeout: 15_000 });
  await expect(ada.waiting.getByRole('listitem')).toHaveCount(0);
  for (const m of [ada, bo]) {
    await expect(lines(m, run)).toHaveCount(5);
    await expect(lines(m, `from Ada offline ${run}`)).toHaveCount(1);
  }
  const order = async (m: ReturnType<typeof member>) =>
    (await lines(m, run).allTextContents()).map((t) =>
      t.replace(/ \d{1,2}:\d{2}.*$/, ''),
    );
  expect(await order(ada)).toEqual(await order(bo));
  expect((await order(bo)).slice(1, 4).map((t) => t.replace(/^#\d+ /, ''))).toEqual(
    [1, 2, 3].map((i) => `Bo: from Bo ${i} ${run}`),
  );
});

test('closed for 5 s, a client comes back as a new session and the server sends what came after its offset', async ({
  student,
}) => {
  const first = await student();
  await openDemo(first, SLUG, ['Ada', 'Bo']);
  const second = await student();
  await openDemo(second, SLUG, ['Ada', 'Bo']);
  const ada = member(first, 'Ada');
  const bo = member(second, 'Bo');
  const run = tag();
  await expect(ada.session).toHaveText(/^Connected/);
  const step = first
    .getByRole('listitem')
    .filter({ hasText: 'see it catch up as a new session' });
  await expect(step, 'a first connection is no coming back').not.toContainText(
    '(done)',
  );

  await ada.button('Close for 5 s').click();
  await expect(ada.connection).toHaveText('disconnected');
  await bo.send(`while Ada was closed ${run}`);
  await expect(lines(bo, run)).toHaveCount(1);

  await expect(ada.session).toHaveText(
    /^Back as a new session: the server sends what came after offset \d+\.$/,
    { timeout: 15_000 },
  );
  await expect(lines(ada, `while Ada was closed ${run}`)).toHaveCount(1);
  await expect(step).toContainText('(done)');
});

test("the exercise's solution catches up on connecting, shows each message with its offset, and its message reaches a demo client", async ({
  page,
}) => {
  await openDemo(page, SLUG, ['Ada', 'Bo']);
  const ada = member(page, 'Ada');
  const before = `before your code ${tag()}`;
  await ada.send(before);
  await expect(lines(ada, before)).toHaveCount(1);

  const ex = await runSolution(
    page,
    'src/lessons/delivery/exercises/pick-up.solution.js',
  );
  const { frame } = ex;
  await expect(
    frame.getByRole('listitem').filter({ hasText: `Ada: ${before}` }),
  ).toHaveText(/^#\d+ Ada: /);
  await expect(
    ex.check('Your page gets the messages sent before it connected'),
  ).toContainText('(done)');
  await expect(ex.check('Your page shows each message with its offset')).toContainText(
    '(done)',
  );

  const mine = `from your code ${tag()}`;
  await frame.getByRole('textbox', { name: 'Message' }).fill(mine);
  await frame.getByRole('button', { name: 'Send' }).click();
  await expect(lines(ada, mine)).toHaveCount(1);
  await expect(frame.getByRole('listitem').filter({ hasText: mine })).toHaveCount(1);
  await expect(
    ex.check('Your message, with its client offset, reaches a demo client'),
  ).toContainText('(done)');
});

test.describe('the server exercise', () => {
  const TITLE = 'Write the server that stores once and catches up';
  const CHECKS = [
    'hears that its message is stored',
    'with its offset',
    'has not seen',
  ];

  test('the server code the lesson shows, run in the page, passes every check with the demo on it', async ({
    page,
  }) => {
    await openDemo(page, SLUG, ['Ada', 'Bo']);
    const ex = await runShownServer(page, TITLE);
    const [ada, bo] = [member(page, 'Ada'), member(page, 'Bo')];
    await expect(ada.session).toHaveText(/^Connected/);
    await ada.send('first');
    // A store of its own, from 1; acked, so nothing waits.
    await expect(lines(bo, 'first')).toHaveText([/^#1 Ada: first/]);
    await expect(ada.waiting.getByRole('listitem')).toHaveCount(0);

    await ada.button('Close for 5 s').click();
    await expect(ada.connection).toHaveText('disconnected');
    await bo.send('while Ada was closed');
    await expect(lines(bo, 'while Ada was closed')).toHaveCount(1);
    await expect(ada.session).toHaveText(
      'Back as a new session: the server sends what came after offset 1.',
      { timeout: 15_000 },
    );
    await expect(lines(ada, 'while Ada was closed')).toHaveText([/^#2 Bo: /]);
    for (const check of CHECKS) await expect(ex.check(check)).toHaveClass(/done/);
  });

  test('the starter as given answers no send, so a message is sent again and stored twice, and no client catches up', async ({
    page,
  }) => {
    await openDemo(page, SLUG, ['Ada', 'Bo']);
    const ex = await runStarterServer(page, TITLE);
    const [ada, bo] = [member(page, 'Ada'), member(page, 'Bo')];
    await expect(ada.session).toHaveText(/^Connected/);
    await ada.send('first');
    // No ack in 5 s: the client's retry is stored as a new message.
    await expect(lines(bo, 'first')).toHaveText([/^#1 Ada: first/, /^#2 Ada: first/], {
      timeout: 10_000,
    });
    await expect(ada.waiting.getByRole('listitem')).toHaveText(['first']);

    await bo.button('Close for 5 s').click();
    await expect(bo.session).toHaveText(/^Back as a new session/, { timeout: 15_000 });
    await expect(bo.connection).toHaveText('connected');
    for (const check of ['is stored', 'has not seen'])
      await expect(ex.check(check)).not.toHaveClass(/done/);
  });
});
