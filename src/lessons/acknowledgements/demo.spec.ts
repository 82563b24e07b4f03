import type { Page } from '@playwright/test';
import { client, expect, openDemo, test } from '../../../e2e/demo.ts';

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
