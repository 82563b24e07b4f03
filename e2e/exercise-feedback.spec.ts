import { expect, openDemo, test } from './demo.ts';
import { exercise, openExercise, setCode } from './exercise.ts';

// Feedback that teaches (issue 22), on the first lesson's client exercise: what an open check waits
// for and what the page has seen, a hint after a few tries, and the solution one Undo away.
const DECREMENT = 'A -1 from your page reaches the demo';
const MISTYPED = [
  'const socket = io();',
  "const down = page.button('-1');",
  "down.addEventListener('click', () => socket.emit('decrment'));",
].join('\n');

test('a wrong attempt shows what the check waits for and what the page has seen instead', async ({ page }) => {
  await openDemo(page, 'sockets-intro', ['Client 1']);
  const ex = await openExercise(page);
  const check = ex.check(DECREMENT);
  await expect(check).toContainText(
    'Waiting for: after your page sends decrement, a demo client receives number:change.',
  );
  await expect(check).toContainText('Seen so far: nothing yet.');

  await setCode(page, MISTYPED);
  await ex.run.click();
  // Connected: the count the server sends on arrival is seen.
  await expect(check).toContainText('number:change: ');
  await ex.frame.getByRole('button', { name: '-1' }).click();
  await expect(check).toContainText('Seen so far: no decrement sent yet (sent: decrment)');
  await expect(check.locator('[aria-live="polite"]')).toHaveCount(1);
});

test('a hint is offered once the learner has run the code twice without the check ticking', async ({ page }) => {
  await openDemo(page, 'sockets-intro', ['Client 1']);
  const ex = await openExercise(page);
  const hint = ex.check(DECREMENT).getByText('Show hint');
  await expect(hint).toBeHidden();
  await ex.run.click();
  await expect(ex.state).toHaveText(/^Running/);
  await expect(hint).toBeHidden();
  await ex.run.click();
  await expect(hint).toBeVisible();
  await hint.click();
  await expect(ex.check(DECREMENT)).toContainText("socket.emit('decrement')");
});

test("Load the solution puts it in the editor with a diff, and Undo brings the learner's code back", async ({
  page,
}) => {
  await openDemo(page, 'sockets-intro', ['Client 1']);
  const ex = await openExercise(page);
  await setCode(page, MISTYPED);
  await ex.section.getByRole('button', { name: 'Load the solution' }).click();
  await expect(ex.editor).toContainText("socket.on('number:change'");
  const diff = ex.section.getByRole('list', { name: 'Your code against the solution' });
  await expect(diff).toContainText("Only in yours: down.addEventListener('click', () => socket.emit('decrment'));");
  await expect(ex.section).toContainText(/Your code \(−\) against the solution \(\+\): \d+ lines differ/);

  await ex.section.getByRole('button', { name: 'Undo: back to my code' }).click();
  await expect(ex.editor).toContainText("socket.emit('decrment')");
  await expect(ex.editor).not.toContainText("socket.on('number:change'");
  await expect(diff).toBeHidden();
});

test("after Load the solution, Ctrl+Z brings the learner's code back, and a reload keeps theirs", async ({ page }) => {
  await openDemo(page, 'sockets-intro', ['Client 1']);
  const ex = await openExercise(page);
  await setCode(page, MISTYPED);
  await ex.section.getByRole('button', { name: 'Load the solution' }).click();
  await expect(ex.editor).toContainText("socket.on('number:change'");

  await page.reload();
  const again = await openExercise(page);
  await expect(again.editor).toContainText("socket.emit('decrment')");
  await again.section.getByRole('button', { name: 'Load the solution' }).click();
  await expect(again.editor).toContainText("socket.on('number:change'");
  await again.editor.click();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(exercise(page).editor).toContainText("socket.emit('decrment')");
  await expect(exercise(page).editor).not.toContainText("socket.on('number:change'");
});
