import { client, expect, openDemo, test } from '../../../e2e/demo.ts';
import { runSolution } from '../../../e2e/exercise.ts';

test('a note sent by one client of the page reaches the other', async ({ page }) => {
  await openDemo(page, 'debugging', ['Ada', 'Bo']);
  await client(page, 'Ada').button('Send').click();
  await expect(
    client(page, 'Bo').panel.getByRole('log', { name: 'Notes' }),
  ).toContainText('Ada: Hi from Ada');
});

test("the exercise's solution sends a note that a demo client gets, and shows the notes it hears", async ({
  page,
}) => {
  await openDemo(page, 'debugging', ['Ada', 'Bo']);
  const ex = await runSolution(
    page,
    'src/lessons/debugging/exercises/note.solution.js',
  );
  await ex.frame.getByRole('button', { name: 'Send' }).click();
  await expect(
    client(page, 'Bo').panel.getByRole('log', { name: 'Notes' }),
  ).toContainText(': Hello');
  await expect(ex.check('Your note reaches a demo client')).toContainText('(done)');
  await client(page, 'Bo').button('Send').click();
  await expect(ex.check('Your page shows the latest note it heard')).toContainText(
    '(done)',
  );
});
