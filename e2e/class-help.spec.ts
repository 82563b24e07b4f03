import { joinClass, openDashboard } from './class.ts';
import { expect, test } from './demo.ts';
import { openExercise, setCode } from './exercise.ts';

test('a student raises her hand with a question; the instructor sees it under "Raised hands" and answers it', async ({
  student,
}) => {
  const teacher = await student();
  const { code } = await openDashboard(teacher);
  const ada = await student();
  await joinClass(ada, code, 'Ada');
  await ada.goto('/lessons/rooms/');

  const raise = ada.getByRole('button', { name: 'Raise hand' });
  await expect(raise).toHaveAttribute('aria-pressed', 'false');
  await raise.click();
  await expect(raise).toHaveAttribute('aria-pressed', 'true');
  await ada.getByRole('textbox', { name: 'Your question (optional)' }).fill('Why is my room empty?');
  await ada.getByRole('button', { name: 'Send question' }).click();

  const hands = teacher.getByRole('list', { name: 'Raised hands' });
  const hand = hands.getByRole('listitem', { name: 'Ada' });
  await expect(hand).toContainText('Rooms');
  await expect(hand).toContainText('“Why is my room empty?”');
  await expect(hand).toContainText('waiting less than a minute');

  await hand.getByRole('textbox', { name: 'Reply to Ada (optional)' }).fill('Join it first, then send');
  await hand.getByRole('button', { name: 'Answer' }).click();
  await expect(ada.getByRole('region', { name: 'Your hand' })).toContainText(
    'Your instructor replied: Join it first, then send',
  );
  await expect(raise).toHaveAttribute('aria-pressed', 'false');
  await expect(hands.getByRole('listitem')).toHaveCount(0);
  await expect(teacher.getByRole('region', { name: 'Raised hands' })).toContainText('No hands up.');

  // Raised again and lowered by the student herself: gone from the list.
  await raise.click();
  await expect(hand).toBeVisible();
  await raise.click();
  await expect(hands.getByRole('listitem')).toHaveCount(0);
});

test("the instructor reads a student's exercise code, read-only, a moment after she typed it", async ({ student }) => {
  const teacher = await student();
  const { code } = await openDashboard(teacher);
  const ada = await student();
  await joinClass(ada, code, 'Ada');
  await ada.goto('/lessons/sockets-intro/');
  const ex = await openExercise(ada);
  await expect(ex.section.getByText('Your instructor can see this code.')).toBeVisible();
  await setCode(ada, 'const socket = io();\nsocket.emit("increment"); // Ada was here');

  const row = teacher.getByRole('table', { name: 'Roster' }).getByRole('row', { name: /Ada/ });
  const view = teacher.getByRole('dialog', { name: 'Code of Ada' });
  // Shared a moment after the last keystroke: the view may first open before it arrives.
  await expect(async () => {
    if (await view.isVisible()) await view.getByRole('button', { name: 'Refresh' }).click();
    else await row.getByRole('button', { name: 'View code' }).click();
    await expect(view.locator('pre')).toContainText('// Ada was here', { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await expect(view.getByRole('status')).toContainText(
    /Sockets, from the first connection · changed less than a minute ago/,
  );
  await expect(view.getByRole('textbox')).toHaveCount(0); // read-only: nothing to type in
  await view.getByRole('button', { name: 'Close' }).click();
  await expect(view).toBeHidden();
});
