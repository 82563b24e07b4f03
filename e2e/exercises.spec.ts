import { readFileSync } from 'node:fs';
import { axe, WCAG } from './axe.ts';
import { client, expect, openDemo, test } from './demo.ts';
import { exercise, openExercise, runSolution, setCode } from './exercise.ts';

test("a learner's code runs in its own page with a live socket: its +1 moves the demo's count, in this browser and another", async ({
  student,
}) => {
  const first = await student();
  await openDemo(first, 'sockets-intro', ['Client 1']);
  const ex = await openExercise(first);
  await expect(ex.editor).toContainText('const socket = io();');
  await ex.run.click();
  await expect(ex.console).toContainText(/^connected as \S+/);
  const demoCount = client(first, 'Client 1').panel.getByRole('status', { name: 'Count' });
  const before = Number(await demoCount.textContent());

  const second = await student();
  await openDemo(second, 'sockets-intro', ['Client 1']);
  await ex.frame.getByRole('button', { name: '+1' }).click();
  await expect(demoCount).toHaveText(String(before + 1));
  await expect(client(second, 'Client 1').panel.getByRole('status', { name: 'Count' })).toHaveText(String(before + 1));

  await ex.stop.click();
  await expect(ex.state).toHaveText('Stopped: its page and its connections are closed.');
  await expect(ex.section.locator('iframe')).toHaveCount(0);
});

test('an error shows with its line number; an endless loop is stopped at its line, and the code that does not loop runs on', async ({
  page,
}) => {
  await openDemo(page, 'sockets-intro', ['Client 1']);
  const ex = await openExercise(page);
  await setCode(page, 'const socket = io();\nconst nothing = null;\nconsole.log(nothing.count);');
  await ex.run.click();
  await expect(ex.console).toContainText("Line 3: Cannot read properties of null (reading 'count')");

  await setCode(page, "const socket = io();\nsocket.emit('count:set', document.body);");
  await ex.run.click();
  await expect(ex.console).toContainText(
    "Line 2: socket.emit('count:set', …): only plain data can travel to the server, not a function or a page element.",
  );

  await setCode(
    page,
    [
      'const socket = io();',
      "socket.on('connect', () => console.log('still here'));",
      'let n = 0;',
      'while (true) n++;',
    ].join('\n'),
  );
  await ex.run.click();
  await expect(ex.console).toContainText(
    'Line 4: This loop ran for over 1 s without a pause, so it was stopped (an endless loop?).',
  );
  await expect(ex.console).toContainText('still here');
  await expect(ex.state).toHaveText('Running: your code has its own page below.');

  // A loop that waits between rounds lets the page breathe: it may run as long as it likes.
  await setCode(
    page,
    [
      'let rounds = 0;',
      'while (rounds < 3) {',
      '  await new Promise((done) => setTimeout(done, 600));',
      '  rounds++;',
      '}',
      "console.log('waited', rounds, 'rounds');",
    ].join('\n'),
  );
  await ex.run.click();
  await expect(ex.console).toContainText('waited 3 rounds');
  await expect(ex.console).not.toContainText('stopped');
});

test('an emit of an event the server does not have is named in the console at once, with the one it most likely meant', async ({
  page,
}) => {
  await openDemo(page, 'sockets-intro', ['Client 1']);
  const ex = await openExercise(page);
  // No callback: the server's refusal would reach nobody, so the page says it.
  await setCode(page, "const socket = io();\nsocket.emit('decrment');\nsocket.emit('decrment');");
  await ex.run.click();
  await expect(ex.console).toContainText('The server has no event "decrment": did you mean "decrement"?');
  await expect(ex.console.getByText('The server has no event')).toHaveCount(1); // once a name
});

test('code that keeps its page busy without a loop is stopped, and the lesson page stays usable', async ({ page }) => {
  await openDemo(page, 'sockets-intro', ['Client 1']);
  const ex = await openExercise(page);
  // A regular expression that backtracks for ages: no loop for the guard to see.
  await setCode(page, "const socket = io();\n/^(a+)+$/.test('a'.repeat(40) + '!');");
  await ex.run.click();
  await expect(ex.console).toContainText(
    'Your code kept its page busy for 3 seconds (an endless loop?), so it was stopped.',
    { timeout: 10_000 },
  );
  await expect(ex.state).toHaveText('Stopped.');
  // The lesson page itself never froze: its demo still answers.
  const demo = client(page, 'Client 1');
  const count = demo.panel.getByRole('status', { name: 'Count' });
  const before = Number(await count.textContent());
  await demo.button('Increment').click();
  await expect(count).toHaveText(String(before + 1));
});

test('TypeScript runs with its types removed and its lines kept; a syntax error is shown before anything runs', async ({
  page,
}) => {
  await openDemo(page, 'sockets-intro', ['Client 1']);
  const ex = await openExercise(page);
  const typed = [
    'interface Counter {',
    '  value: number;',
    '}',
    'const socket = io();',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the learner's code, with its own template literal
    "socket.on('number:change', (value: Counter['value']) => console.log(`count is ${value as number}`));",
    'const broken: string | null = null;',
    'console.log(broken!.length);',
  ];
  await setCode(page, typed.join('\n'));
  await ex.run.click();
  await expect(ex.console).toContainText(/count is -?\d+/);
  await expect(ex.console).toContainText("Line 7: Cannot read properties of null (reading 'length')");

  await setCode(page, 'const socket = io();\nconst oops = (;');
  await ex.run.click();
  await expect(ex.console).toContainText('Line 2: SyntaxError: Unexpected token');
  await expect(ex.state).toHaveText('Not running: fix the error shown in the console, then Run again.');
  await expect(ex.section.locator('iframe')).toHaveCount(0);
});

test("the learner's code is kept in the browser across a reload; Start over brings the starting code, and Undo brings theirs back", async ({
  page,
}) => {
  await page.goto('/lessons/sockets-intro/');
  const ex = await openExercise(page);
  await expect(ex.state).toHaveText('Not running.');
  const mine = "const socket = io();\nconsole.log('my own code');";
  await setCode(page, mine);
  await page.reload();
  await openExercise(page);
  await expect(ex.state).toHaveText(
    'Not running. Your code from last time is back; Start over brings the starting code.',
  );
  await expect(ex.editor).toContainText("console.log('my own code');");

  await ex.section.getByRole('button', { name: 'Start over' }).click();
  await expect(ex.editor).not.toContainText('my own code');
  await expect(ex.editor).toContainText('const socket = io();');
  await expect(ex.state).toHaveText('Back to the starting code. Undo (Ctrl+Z in the editor) brings yours back.');
  await ex.editor.click();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(ex.editor).toContainText("console.log('my own code');");

  // The starting code, once back, is not kept: the next visit shows the starter without a note.
  await ex.section.getByRole('button', { name: 'Start over' }).click();
  await page.reload();
  await openExercise(page);
  await expect(ex.state).toHaveText('Not running.');
});

test('when the code preparer cannot load (offline), Run says so and changes nothing; reloaded online, the code is still there and runs', async ({
  page,
}) => {
  await page.goto('/lessons/sockets-intro/');
  const ex = await openExercise(page);
  const mine = "const socket = io();\nsocket.on('connect', () => console.log('mine, connected'));";
  await setCode(page, mine);
  await page.route('**/_astro/prepare-code.*', (route) => route.abort());
  await ex.run.click();
  await expect(ex.state).toHaveText(
    'The part of the page that prepares your code did not load (offline?). Reload the page when you are online: your code is kept.',
  );
  await expect(ex.section.locator('iframe')).toHaveCount(0);
  await page.unroute('**/_astro/prepare-code.*');
  await page.reload();
  await openExercise(page);
  await expect(ex.editor).toContainText("console.log('mine, connected')");
  await ex.run.click();
  await expect(ex.console).toContainText('mine, connected');
});

test("the learner's page cannot read the lesson page's storage, cookies or document", async ({ page }) => {
  await openDemo(page, 'sockets-intro', ['Client 1']);
  await page.evaluate(() => {
    localStorage.setItem('secret', 'from the lesson page');
    // biome-ignore lint/suspicious/noDocumentCookie: a cookie the sandbox must not read, set as a page would
    document.cookie = 'secret=from-the-lesson-page; path=/';
  });
  await openExercise(page);
  await setCode(
    page,
    [
      'for (const [what, read] of [',
      "  ['storage', () => localStorage.getItem('secret')],",
      "  ['cookie', () => document.cookie],",
      "  ['parent', () => parent.document.title],",
      ']) {',
      '  try { console.log(what, "read:", read()); } catch (error) { console.log(what, "refused:", error.name); }',
      '}',
    ].join('\n'),
  );
  await exercise(page).run.click();
  const output = exercise(page).console;
  await expect(output).toContainText('storage refused: SecurityError');
  await expect(output).toContainText('cookie refused: SecurityError');
  await expect(output).toContainText('parent refused: SecurityError');
  await expect(output).not.toContainText('from the lesson page');
});

test("the exercise, its editor loaded and the code's page running, has no accessibility violations in either theme", async ({
  page,
}) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/lessons/namespaces-and-middleware/');
    // The code's page too (its labelled boxes, buttons and lists), with an error in the console.
    const ex = await runSolution(page, 'src/lessons/namespaces-and-middleware/exercises/staff.solution.js');
    await ex.frame.getByRole('button', { name: 'Enter the staff room' }).click();
    await expect(ex.frame.getByText('The staff room needs a token: connect with auth: { token }.')).toBeVisible();
    const results = await axe(page).include('[data-exercise]').withTags(WCAG).analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
      scheme,
    ).toEqual([]);
  }
});

test('a wrong solution leaves its checks open and shows its error; the solution in the repo passes them all, and another student sees its effect', async ({
  student,
}) => {
  const first = await student();
  await openDemo(first, 'sockets-intro', ['Client 1']);
  const ex = await openExercise(first);
  const starter = readFileSync('src/lessons/sockets-intro/exercises/count.start.js', 'utf8');
  const wrong = `${starter}
down.addEventListener('click', () => socket.emit('decrease'));
socket.on('number:change', (value) => {
  count.textContent = 'Count: ' + value + missing;
});
`;
  await setCode(first, wrong);
  await ex.run.click();
  await expect(ex.console).toContainText(/^connected as/);
  const errorLine = wrong.split('\n').findIndex((line) => line.includes('missing')) + 1;
  await expect(ex.console).toContainText(`Line ${errorLine}: missing is not defined`);
  await ex.frame.getByRole('button', { name: '-1' }).click();
  const demo = client(first, 'Client 1');
  await demo.button('Increment').click();
  await expect(ex.console).toContainText(`Line ${errorLine}: missing is not defined`);
  await expect(ex.check('A -1 from your page reaches the demo')).toContainText('(not done yet)');
  await expect(ex.check('Your page shows the count after someone changes it')).toContainText('(not done yet)');

  await setCode(first, readFileSync('src/lessons/sockets-intro/exercises/count.solution.js', 'utf8'));
  await ex.run.click();
  await expect(ex.console).toContainText(/^connected as/);
  await ex.frame.getByRole('button', { name: '-1' }).click();
  await expect(ex.check('A -1 from your page reaches the demo')).toContainText('(done)');
  await demo.button('Increment').click();
  const demoCount = demo.panel.getByRole('status', { name: 'Count' });
  await expect(ex.check('Your page shows the count after someone changes it')).toContainText('(done)');
  await expect(ex.state).toHaveText(/All checks passed!$/);
  const shown = Number(await demoCount.textContent());
  await expect(ex.frame.getByText(`Count: ${shown}`)).toBeVisible();

  // Another student's demo follows what this code does.
  const second = await student();
  await openDemo(second, 'sockets-intro', ['Client 1']);
  const theirs = client(second, 'Client 1').panel.getByRole('status', { name: 'Count' });
  await expect(theirs).toHaveText(String(shown));
  await ex.frame.getByRole('button', { name: '+1' }).click();
  await expect(theirs).toHaveText(String(shown + 1));
  await expect(ex.frame.getByText(`Count: ${shown + 1}`)).toBeVisible();

  // The passed checks count as lesson progress, kept across a reload.
  await first.reload();
  const again = await openExercise(first);
  await expect(again.check('A -1 from your page reaches the demo')).toContainText('(done)');
  await expect(
    first
      .getByRole('navigation', { name: 'Lessons' })
      .getByRole('link', { name: /Sockets, from the first connection/ }),
  ).toContainText(/\d of 8 tried/); // 3 Try it steps, and the checks of two exercises (2 + 3)
});

test("emit-vs-broadcast's solution broadcasts its hello, and thanks a demo client privately for a message to all", async ({
  page,
}) => {
  await openDemo(page, 'emit-vs-broadcast', ['Ada', 'Bo', 'Cy']);
  const ex = await runSolution(page, 'src/lessons/emit-vs-broadcast/exercises/thanks.solution.js');
  await ex.frame.getByRole('button', { name: 'Say hello to the others' }).click();
  const bo = client(page, 'Bo');
  await expect(bo.panel.getByRole('log', { name: 'Inbox' })).toContainText('Hello!');
  await expect(ex.check('Your hello reaches a demo client as a broadcast')).toContainText('(done)');

  await bo.button('Emit to all').click();
  await expect(bo.panel.getByRole('log', { name: 'Inbox' })).toContainText('Thanks, Bo!');
  await expect(ex.check('Your private thank-you reaches the client that wrote to everyone')).toContainText('(done)');
  await expect(ex.frame.getByRole('listitem').filter({ hasText: '(all)' }).first()).toBeVisible();
});

test("acknowledgements' solution gives up on a slow answer, yet the answer comes; and it answers the server's question", async ({
  page,
}) => {
  await openDemo(page, 'acknowledgements', ['Client 1']);
  const ex = await runSolution(page, 'src/lessons/acknowledgements/exercises/patience.solution.js');
  await ex.frame.getByRole('button', { name: 'Ask (the server takes 2 s)' }).click();
  await expect(ex.frame.getByText('Gave up after 1 s.')).toBeVisible();
  // The late answer still arrives on the wire (the code dropped it): the check sees it.
  await expect(ex.check('Your page asks the server, and its answer comes back')).toContainText('(done)');
  await ex.frame.getByRole('button', { name: 'Let the server ask me' }).click();
  await expect(ex.frame.getByText('The server heard: 7')).toBeVisible();
  await expect(ex.console).toContainText('The server asks: What is your favourite number?');
  await expect(ex.check('The server asks your page, and hears its answer')).toContainText('(done)');
});

test("rooms' solution joins the room a demo client is in, and its hello reaches that client only", async ({ page }) => {
  await openDemo(page, 'rooms', ['Ada', 'Bo', 'Cy']);
  const room = `code-${Math.random().toString(36).slice(2, 7)}`;
  const ada = client(page, 'Ada').panel;
  await ada.getByRole('textbox', { name: 'Room' }).fill(room);
  await ada.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(ada.getByRole('list', { name: 'My rooms' })).toContainText(room);

  const ex = await runSolution(page, 'src/lessons/rooms/exercises/greet.solution.js');
  await ex.frame.getByRole('textbox', { name: 'Room' }).fill(room);
  await ex.frame.getByRole('button', { name: 'Join' }).click();
  await expect(ex.console).toContainText(`in ${room}`);
  await expect(ex.check("Your page joins a room, and the demo's room map shows it")).toContainText('(done)');
  await ex.frame.getByRole('button', { name: 'Say hello' }).click();
  await expect(ada.getByRole('log', { name: 'Hellos' })).toContainText('Hello from my own page!');
  await expect(ex.check('Your hello reaches a demo client in the same room')).toContainText('(done)');
  await expect(client(page, 'Bo').panel.getByRole('log', { name: 'Hellos' })).not.toContainText(
    'Hello from my own page!',
  );
  // Ada's hello reaches the code's page too.
  await ada.getByRole('button', { name: 'Say hello' }).click();
  await expect(ex.frame.getByRole('listitem').filter({ hasText: 'Ada says:' }).first()).toBeVisible();
});
