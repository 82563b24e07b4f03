import { client, expect, openDemo, test } from './demo.ts';
import { runSolution } from './exercise.ts';

// The exercises of the later lessons, where the code opens more than one socket or loses its connection.

test("namespaces-and-middleware's solution is turned away without a token, posts with the staff token, and is refused a post as a visitor", async ({ page }) => {
  await openDemo(page, 'namespaces-and-middleware', ['Ada', 'Bo']);
  const ex = await runSolution(page, 'src/exercises/namespaces-and-middleware/staff.solution.js');
  const { frame } = ex;
  const enter = frame.getByRole('button', { name: 'Enter the staff room' });
  await enter.click();
  await expect(frame.getByText('The staff room needs a token: connect with auth: { token }.')).toBeVisible();
  await expect(ex.check('Your page shows why the staff room turned it away')).toContainText('(done)');
  await expect(ex.check('With the staff token, your note reaches the staff room')).toContainText('(not done yet)');

  await frame.getByRole('textbox', { name: 'Token' }).fill('let-me-in');
  await enter.click();
  await expect(frame.getByText('In the staff room.')).toBeVisible();
  await frame.getByRole('button', { name: 'Post' }).click();
  await expect(frame.getByRole('listitem').filter({ hasText: 'Your code: Hello, staff!' })).toBeVisible();
  await expect(ex.check('With the staff token, your note reaches the staff room')).toContainText('(done)');
  // A demo client in the staff room hears the code's notes; one in the lobby does not.
  const ada = client(page, 'Ada').panel;
  await ada.getByRole('textbox', { name: /^Token/ }).fill('let-me-in');
  await ada.getByRole('button', { name: 'Enter the staff room' }).click();
  await expect(ada.getByRole('status', { name: 'Staff room' })).toHaveText(/^In the staff room/);
  await frame.getByRole('button', { name: 'Post' }).click();
  await expect(ada.getByRole('log', { name: 'Notes' })).toContainText('Hello, staff!');
  await expect(client(page, 'Bo').panel.getByRole('log', { name: 'Notes' })).not.toContainText('Hello, staff!');

  await frame.getByRole('textbox', { name: 'Token' }).fill('just-looking');
  await enter.click();
  await expect(frame.getByText('In the staff room.')).toBeVisible();
  await frame.getByRole('button', { name: 'Post' }).click();
  await expect(frame.getByText('Visitors can read the staff room, not post in it.')).toBeVisible();
  await expect(ex.check('As a visitor, your page shows why it may not post')).toContainText('(done)');
  await expect(ex.state).toHaveText(/All checks passed!$/);
});
