import type { Page } from '@playwright/test';
import { joinClass, openDashboard } from './class.ts';
import { client, expect, openDemo, tag, test } from './demo.ts';
import { runSolution } from './exercise.ts';

// The exercises of the later lessons, where the code opens more than one socket or loses its connection.

test("namespaces-and-middleware's solution is turned away without a token, posts with the staff token, and is refused a post as a visitor", async ({
  page,
}) => {
  await openDemo(page, 'namespaces-and-middleware', ['Ada', 'Bo']);
  const ex = await runSolution(page, 'src/lessons/namespaces-and-middleware/exercises/staff.solution.js');
  const { frame } = ex;
  const enter = frame.getByRole('button', { name: 'Enter the staff room' });
  await enter.click();
  await expect(frame.getByText('The staff room needs a token: connect with auth: { token }.')).toBeVisible();
  await expect(ex.check('Your page shows why the staff room turned it away')).toContainText('(done)');
  // The console says it too, for code that does not listen for connect_error.
  await expect(ex.console).toContainText(
    'connect_error (/namespaces-and-middleware/staff): The staff room needs a token',
  );
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

test("scaling-out's solution talks to both nodes: its message stays on node 1 until it switches the adapter on", async ({
  page,
}) => {
  await openDemo(page, 'scaling-out', ['Ada', 'Bo']);
  const adapter = page.getByRole('switch', { name: 'Adapter between the nodes' });
  await expect(adapter).toBeEnabled();
  await adapter.uncheck(); // the switch is the server's: start from "off", whatever an earlier visitor left
  const ex = await runSolution(page, 'src/lessons/scaling-out/exercises/two-nodes.solution.js');
  const { frame } = ex;
  const [nodeOne, nodeTwo] = [
    frame.getByRole('list', { name: 'Heard on node 1' }),
    frame.getByRole('list', { name: 'Heard on node 2' }),
  ];
  const bo = client(page, 'Bo').panel.getByRole('log', { name: 'Messages' });
  const text = frame.getByRole('textbox', { name: 'Message' });

  const stays = `stays on node 1 ${tag()}`;
  await text.fill(stays);
  await frame.getByRole('button', { name: 'Send on node 1' }).click();
  await expect(nodeOne).toContainText(`Your code (on node 1): ${stays}`);
  await expect(client(page, 'Ada').panel.getByRole('log', { name: 'Messages' })).toContainText(stays);
  await expect(ex.check('Your message from node 1 reaches a demo client on node 2')).toContainText('(not done yet)');
  await expect(nodeTwo).not.toContainText(stays);
  await expect(bo).not.toContainText(stays);

  await frame.getByRole('button', { name: 'Adapter on' }).click();
  await expect(frame.getByRole('paragraph')).toHaveText('Adapter on');
  await expect(adapter).toBeChecked();
  await expect(ex.check('Your page switches the adapter on')).toContainText('(done)');
  const crosses = `crosses over ${tag()}`;
  await text.fill(crosses);
  await frame.getByRole('button', { name: 'Send on node 1' }).click();
  await expect(nodeTwo).toContainText(`Your code (on node 1): ${crosses}`);
  await expect(bo).toContainText(crosses);
  await expect(ex.check('Your message from node 1 reaches a demo client on node 2')).toContainText('(done)');
  await expect(ex.check('Your own socket on node 2 hears it too')).toContainText('(done)');
  await adapter.uncheck();
  await expect(frame.getByRole('paragraph')).toHaveText('Adapter off');
});

test("chat's solution joins a demo client's room with its history, and its messages and typing reach that client", async ({
  page,
}) => {
  await page.goto('/lessons/chat/');
  const ada = client(page, 'Client 1').panel;
  const room = `code-${tag()}`;
  await expect(client(page, 'Client 1').connection).toHaveText('connected');
  await ada.getByRole('textbox', { name: 'Name' }).fill('Ada');
  await ada.getByRole('textbox', { name: 'Room' }).fill(room);
  await ada.getByRole('button', { name: 'Join' }).click();
  await ada.getByRole('textbox', { name: 'Message' }).fill('Before you came');
  await ada.getByRole('button', { name: 'Send' }).click();
  await expect(ada.getByRole('log', { name: 'Messages' })).toContainText('Before you came');

  const ex = await runSolution(page, 'src/lessons/chat/exercises/chat.solution.js');
  const { frame } = ex;
  await frame.getByRole('textbox', { name: 'Room' }).fill(room);
  await frame.getByRole('button', { name: 'Join' }).click();
  await expect(frame.getByRole('listitem').filter({ hasText: 'Ada: Before you came' })).toBeVisible();
  await expect(ada.getByRole('list', { name: 'Online' })).toContainText('Coder');
  await expect(ex.check('A demo client in the room sees your page join')).toContainText('(done)');

  await frame.getByRole('textbox', { name: 'Message' }).pressSequentially('Hi Ada');
  await expect(ada.getByRole('status', { name: 'Typing' })).toContainText('Coder');
  await expect(ex.check('A demo client sees your page typing')).toContainText('(done)');
  await frame.getByRole('button', { name: 'Send' }).click();
  await expect(ada.getByRole('log', { name: 'Messages' })).toContainText('Hi Ada');
  await expect(frame.getByRole('listitem').filter({ hasText: 'Coder: Hi Ada' })).toBeVisible();
  await expect(ex.check('Your message reaches a demo client in the room')).toContainText('(done)');

  await ada.getByRole('textbox', { name: 'Message' }).pressSequentially('Welcome');
  await expect(frame.getByText('Ada is typing…')).toBeVisible();
  await ada.getByRole('button', { name: 'Send' }).click();
  await expect(frame.getByRole('listitem').filter({ hasText: 'Ada: Welcome' })).toBeVisible();
  await expect(frame.getByText('Ada is typing…')).toBeHidden();
});

test("reconnection's solution starts a new session, drops its connection and comes back recovered, and a send made offline still arrives", async ({
  page,
}) => {
  await openDemo(page, 'reconnection', ['Ada', 'Bo']);
  const ex = await runSolution(page, 'src/lessons/reconnection/exercises/come-back.solution.js');
  const { frame } = ex;
  await expect(frame.getByText(/^New session: the latest message is #\d+$/)).toBeVisible();
  await expect(ex.check('Your page shows the latest message number a new session starts from')).toContainText('(done)');
  await expect(ex.check("Your page's connection drops, and comes back recovered")).toContainText('(not done yet)');

  const text = frame.getByRole('textbox', { name: 'Message' });
  await text.fill(`numbered ${tag()}`);
  await frame.getByRole('button', { name: 'Send' }).click();
  await expect(frame.getByRole('listitem').filter({ hasText: /^#\d+ Your code: numbered/ })).toBeVisible();
  await expect(client(page, 'Ada').panel.getByRole('log', { name: 'Messages' })).toContainText('numbered');
  await expect(ex.check('Your message reaches a demo client, numbered')).toContainText('(done)');

  // Dropped, then a send at once: it waits in the buffer and goes out on the way back.
  const offline = `written offline ${tag()}`;
  await frame.getByRole('button', { name: 'Drop the connection' }).click();
  await text.fill(offline);
  await frame.getByRole('button', { name: 'Send' }).click();
  await expect(frame.getByText(/^Recovered: same id/)).toBeVisible({ timeout: 15_000 });
  await expect(ex.check("Your page's connection drops, and comes back recovered")).toContainText('(done)');
  await expect(client(page, 'Bo').panel.getByRole('log', { name: 'Messages' })).toContainText(offline);
  await expect(frame.getByRole('listitem').filter({ hasText: offline })).toHaveCount(1);
});

test("in a class, the code's staff room is the class's: a class-mate there hears its note, the public staff room does not", async ({
  student,
}) => {
  const { code } = await openDashboard(await student());
  const [ada, bo, outsider] = [await student(), await student(), await student()];
  await joinClass(ada, code, 'Ada');
  await joinClass(bo, code, 'Bo');
  // In a class, a page's clients are its student's ("Bo", "Bo's client 2"); outside, "Ada" and "Bo".
  const staffNotes = async (page: Page, first: string, second: string) => {
    await openDemo(page, 'namespaces-and-middleware', [first, second]);
    const panel = client(page, first).panel;
    await panel.getByRole('textbox', { name: /^Token/ }).fill('let-me-in');
    await panel.getByRole('button', { name: 'Enter the staff room' }).click();
    await expect(panel.getByRole('status', { name: 'Staff room' })).toHaveText(/^In the staff room/);
    return panel.getByRole('log', { name: 'Notes' });
  };
  const [classmate, stranger] = [await staffNotes(bo, 'Bo', "Bo's client 2"), await staffNotes(outsider, 'Ada', 'Bo')];

  await openDemo(ada, 'namespaces-and-middleware', ['Ada', "Ada's client 2"]);
  const ex = await runSolution(ada, 'src/lessons/namespaces-and-middleware/exercises/staff.solution.js');
  const note = `for the class only ${tag()}`;
  await ex.frame.getByRole('textbox', { name: 'Token' }).fill('let-me-in');
  await ex.frame.getByRole('button', { name: 'Enter the staff room' }).click();
  await expect(ex.frame.getByText('In the staff room.')).toBeVisible();
  await ex.frame.getByRole('textbox', { name: 'Note' }).fill(note);
  await ex.frame.getByRole('button', { name: 'Post' }).click();
  await expect(classmate).toContainText(note);
  await expect(ex.check('With the staff token, your note reaches the staff room')).toContainText('(done)');
  await expect(stranger).not.toContainText(note);
});
