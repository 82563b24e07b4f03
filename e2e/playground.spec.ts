import type { Page } from '@playwright/test';
import { axe, WCAG } from './axe.ts';
import { client, expect, test } from './demo.ts';

/** The playground's parts, found as a reader finds them. */
function playground(page: Page) {
  return {
    serverCode: page.getByRole('textbox', { name: 'Server code' }),
    clientCode: page.getByRole('textbox', { name: 'Client code' }),
    clients: page.getByRole('spinbutton', { name: /clients/i }),
    run: page.getByRole('button', { name: 'Run', exact: true }),
    stop: page.getByRole('button', { name: 'Stop', exact: true }),
    copyLink: page.getByRole('button', { name: 'Copy link' }),
    state: page.getByRole('status', { name: 'Run state' }),
    linkState: page.getByRole('status', { name: 'Link' }),
    serverConsole: page.getByRole('log', { name: 'Server console' }),
    clientConsole: page.getByRole('log', { name: 'Client console' }),
    /** The page of client `n`, where its code's buttons are. */
    clientPage: (n: number) => page.getByTitle(`Client ${n}'s page`).contentFrame(),
  };
}

async function openPlayground(page: Page, hash = '') {
  await page.goto(`/playground/${hash}`);
  const p = playground(page);
  await expect(p.state).toHaveText('Not running.');
  return p;
}

/** Replaces an editor's code, as one paste (the editor's auto-closing brackets stay out of it). */
async function setCode(page: Page, editor: ReturnType<Page['getByRole']>, code: string) {
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(code);
}

test('Run with the example code: the client logs its welcome in the client console, the server logs the connection in its own', async ({
  page,
}) => {
  const p = await openPlayground(page);
  await p.run.click();
  await expect(p.clientConsole).toContainText('Client 1: Hello, Client 1!');
  await expect(p.serverConsole).toContainText('Client 1 connected');
});

test('each client has a panel with its connection and the raw frames of its socket', async ({ page }) => {
  const p = await openPlayground(page);
  await p.run.click();
  const first = client(page, 'Client 1');
  await expect(first.connection).toHaveText('connected');
  await expect(first.events).toContainText('welcome');
  await first.button('Raw frames').click();
  await expect(first.frames).toContainText('42["welcome","Hello, Client 1!"]');
});

test('with three clients, what one shouts reaches the other two and not itself', async ({ page }) => {
  const p = await openPlayground(page);
  await p.clients.fill('3');
  await p.run.click();
  await expect(p.clientConsole).toContainText('Client 3: Hello, Client 3!');
  await p.clientPage(1).getByRole('button', { name: 'Shout' }).click();
  await expect(p.clientConsole).toContainText('Client 2: Client 1 shouts: hi!');
  await expect(p.clientConsole).toContainText('Client 3: Client 1 shouts: hi!');
  await expect(p.serverConsole).toContainText('Client 1 shouts: hi!');
  await expect(p.clientConsole).not.toContainText('Client 1: Client 1 shouts');
});

test('a copied link, opened in a new page, brings back both codes and the number of clients, and runs', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const p = await openPlayground(page);
  await setCode(
    page,
    p.serverCode,
    "io.on('connection', (socket) => {\n  socket.emit('note', 'from the shared server');\n});\n",
  );
  await setCode(page, p.clientCode, "const socket = io();\nsocket.on('note', (text) => console.log('got', text));\n");
  await p.clients.fill('3');
  await p.copyLink.click();
  await expect(p.linkState).toHaveText(/^Link copied/);
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\/playground\/#code=[\w-]+$/);

  const other = await context.newPage();
  await other.goto(link);
  const q = playground(other);
  await expect(q.state).toHaveText('Not running.');
  await expect(q.serverCode).toContainText('from the shared server');
  await expect(q.clients).toHaveValue('3');
  await q.run.click();
  await expect(q.clientConsole).toContainText('Client 3: got from the shared server');
});

test('a link whose code cannot be read says so, and the example code is in the editors', async ({ page }) => {
  const p = await openPlayground(page, '#code=not-a-real-link');
  await expect(p.linkState).toHaveText(/could not be read/);
  await expect(p.serverCode).toContainText("io.on('connection'");
});

test('a syntax error in the server code is reported with its line, and nothing runs', async ({ page }) => {
  const p = await openPlayground(page);
  await setCode(
    page,
    p.serverCode,
    "io.on('connection', (socket) => {\n  socket.on('x', () => {\n    const = 1;\n  });\n});\n",
  );
  await p.run.click();
  await expect(p.serverConsole).toContainText('Line 3: SyntaxError');
  await expect(p.state).toHaveText(/^Not running/);
  await expect(page.getByTitle("Client 1's page")).toHaveCount(0);
});

test('an error thrown as the server code first runs is reported with its line', async ({ page }) => {
  const p = await openPlayground(page);
  await setCode(page, p.serverCode, "// the server\nstartTheServer();\nio.on('connection', () => {});\n");
  await p.run.click();
  await expect(p.serverConsole).toContainText('Line 2: ReferenceError: startTheServer is not defined');
  await expect(p.state).toHaveText(/^Not running/);
});

test('"Open in playground" on a lesson\'s server code opens the playground with that code, and it runs', async ({
  page,
}) => {
  await page.goto('/lessons/sockets-intro/');
  const region = page.locator('figure[data-file="src/lessons/sockets-intro/server.ts"][data-region="server"]');
  await region.getByRole('link', { name: 'Open in playground' }).click();
  await expect(page).toHaveURL(/\/playground\/#code=/);
  const p = playground(page);
  await expect(p.state).toHaveText('Not running.');
  await expect(p.serverCode).toContainText("socket.on('increment', async () => {");
  await expect(p.serverCode).not.toContainText(': LessonNamespace'); // types removed
  await p.run.click();
  await expect(p.clientConsole).toContainText('Client 1: welcome {"message":"Welcome, Client 1! You are connected."}');
  await p.clientPage(1).getByRole('button', { name: 'increment' }).click();
  await expect(p.clientConsole).toContainText('Client 2: number:change 1');
});

test("a server exercise's solution opens in the playground with the lesson's names it uses, and runs there", async ({
  page,
}) => {
  await page.goto('/lessons/rooms/');
  const section = page.getByRole('region', { name: /^Your turn/ }).filter({ hasText: 'You write the server here' });
  await section.getByText('Show a solution').click();
  await section.getByRole('link', { name: 'Open in playground' }).click();
  await expect(page).toHaveURL(/\/playground\/#code=/);
  const p = playground(page);
  await expect(p.serverCode).toContainText('const MAP_QUIET_MS = ');
  await p.run.click();
  await expect(p.clientConsole).toContainText('Client 1: ');
  await expect(p.serverConsole).not.toContainText('is not defined');
  await expect(p.serverConsole).not.toContainText('Line ');
  // Its client has a button for each event the code takes, named by the lesson's constants too.
  const first = p.clientPage(1);
  await first.getByRole('textbox', { name: 'Data to send (JSON, or text)' }).fill('red');
  await first.getByRole('button', { name: 'IO_CLIENT_JOIN_ROOM' }).click();
  await expect(p.clientConsole).toContainText('Client 1: IO_CLIENT_JOIN_ROOM answered {"ok":true}');
});

test('the playground has no accessibility violations while it runs', async ({ page }) => {
  const p = await openPlayground(page);
  await p.run.click();
  await expect(client(page, 'Client 2').connection).toHaveText('connected');
  const { violations } = await axe(page)
    .withTags(WCAG)
    .exclude('iframe') // the clients' pages are the learner's code
    .analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('on a 390 px phone the editors stack, one above the other, and nothing scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  const p = await openPlayground(page);
  await p.run.click();
  await expect(client(page, 'Client 2').connection).toHaveText('connected');
  const [server, clientBox] = [await p.serverCode.boundingBox(), await p.clientCode.boundingBox()];
  expect(clientBox!.x).toBeCloseTo(server!.x, 0);
  expect(clientBox!.y).toBeGreaterThan(server!.y);
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
});
