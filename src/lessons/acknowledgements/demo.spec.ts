import type { Page } from '@playwright/test';
import { client, expect, openDemo, test } from '../../../e2e/demo.ts';
import { runShownServer, runStarterServer } from '../../../e2e/exercise.ts';

function asker(page: Page, name: string) {
  const c = client(page, name);
  return {
    ...c,
    delay: c.panel.getByRole('spinbutton', { name: 'Server delay (ms)' }),
    timeout: c.panel.getByRole('spinbutton', { name: 'Client timeout (ms)' }),
    answer: c.panel.getByRole('status', { name: 'Answer' }),
    asked: c.panel.getByRole('status', { name: 'Server asked' }),
    answers: c.panel.getByRole('checkbox', { name: 'Answer when the server asks' }),
  };
}

test('a quick answer arrives, a slow one times out on the client, and a slow client holds up nobody else', async ({
  student,
}) => {
  const first = await student();
  await openDemo(first, 'acknowledgements', ['Client 1']);
  const one = asker(first, 'Client 1');
  await one.delay.fill('200');
  await one.button('Ask the server').click();
  await expect(one.answer).toHaveText(
    /^Answered in \d+ ms: You asked "What is the answer\?"\. The answer is 42\.$/,
  );
  const tryIt = first.getByRole('region', { name: 'Try it' });
  await expect(
    tryIt
      .getByRole('listitem')
      .filter({ hasText: 'Ask the server and read its answer' }),
  ).toContainText('(done)');

  await one.delay.fill('4000');
  await one.timeout.fill('500');
  await one.button('Ask the server').click();
  await expect(one.answer).toHaveText('Waiting for the answer…');

  // Meanwhile another student's question, with no delay, is answered at once.
  const second = await student();
  await openDemo(second, 'acknowledgements', ['Client 1']);
  const two = asker(second, 'Client 1');
  await two.delay.fill('0');
  await two.button('Ask the server').click();
  await expect(two.answer).toHaveText(/^Answered in \d+ ms/);
  await expect(one.answer).toHaveText('No answer within 500 ms: this client gave up.');
});

test('the server asks a client: an answer comes back, and a client that keeps quiet makes the server give up', async ({
  page,
}) => {
  await openDemo(page, 'acknowledgements', ['Client 1']);
  const one = asker(page, 'Client 1');
  await one.button('Let the server ask me').click();
  await expect(one.asked).toHaveText('The server heard: 7');
  await one.answers.uncheck();
  await one.button('Let the server ask me').click();
  await expect(one.asked).toHaveText(
    'The server asked: What is your favourite number?',
  );
  await expect(one.asked).toHaveText(
    'The server says: The client did not answer within 3 seconds.',
    { timeout: 6000 },
  );
  await expect(
    page.getByRole('region', { name: 'Try it' }).getByText('(done)'),
  ).toHaveCount(2);
});

test('the server asks every client at once: the answers come back, and a silent client is reported', async ({
  page,
}) => {
  // The tests run one at a time: this page's two clients are all the namespace has.
  await openDemo(page, 'acknowledgements', ['Client 1']);
  await page.getByRole('button', { name: 'Add a client' }).click();
  await expect(client(page, 'Client 2').connection).toHaveText('connected');
  const [one, two] = [asker(page, 'Client 1'), asker(page, 'Client 2')];
  await one.button('Let the server ask everyone').click();
  const polled = one.panel.getByRole('status', { name: 'Everyone asked' });
  await expect(polled).toHaveText('2 answered: 7, 7.');
  await two.answers.uncheck();
  await one.button('Let the server ask everyone').click();
  await expect(polled).toHaveText(
    '1 answered: 7. Some clients did not answer within 3 seconds.',
    { timeout: 6000 },
  );
});

test.describe('the server exercise', () => {
  const TITLE = 'Answer, and ask the clients';
  const CHECKS = [
    'A question is answered through its callback',
    'The server asks the client and passes on what it answered',
    'A client that keeps quiet makes the server give up',
    "Asking everyone brings back the clients' answers together",
  ];

  test('the server code the lesson shows, run in the page, passes every check as a learner uses the demo', async ({
    page,
  }) => {
    await openDemo(page, 'acknowledgements', ['Client 1']);
    const ex = await runShownServer(page, TITLE);
    const one = asker(page, 'Client 1');
    await expect(one.connection).toHaveText('connected');
    await one.delay.fill('200');
    await one.button('Ask the server').click();
    await expect(one.answer).toHaveText(
      /^Answered in \d+ ms: You asked "What is the answer\?"\. The answer is 42\.$/,
    );
    await one.button('Let the server ask me').click();
    await expect(one.asked).toHaveText('The server heard: 7');
    await one.button('Let the server ask everyone').click();
    const polled = one.panel.getByRole('status', { name: 'Everyone asked' });
    await expect(polled).toHaveText('1 answered: 7.');
    await one.answers.uncheck();
    await one.button('Let the server ask me').click();
    await expect(one.asked).toHaveText(
      'The server says: The client did not answer within 3 seconds.',
      {
        timeout: 6000,
      },
    );
    for (const check of CHECKS) await expect(ex.check(check)).toHaveClass(/done/);
  });

  test('the starter as given never answers: the demo gives up and the checks stay open', async ({
    page,
  }) => {
    await openDemo(page, 'acknowledgements', ['Client 1']);
    const ex = await runStarterServer(page, TITLE);
    const one = asker(page, 'Client 1');
    await one.delay.fill('0');
    await one.timeout.fill('1000');
    await one.button('Ask the server').click();
    await expect(one.answer).toHaveText(
      'No answer within 1000 ms: this client gave up.',
    );
    await one.button('Let the server ask me').click();
    await one.button('Let the server ask everyone').click();
    await expect(one.asked).toHaveText(/^The server says: .*timed out/, {
      timeout: 7000,
    });
    for (const check of CHECKS) await expect(ex.check(check)).not.toHaveClass(/done/);
  });
});
