import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { client, expect, test } from './demo.ts';
import { openExercise, serverExercise, setCode } from './exercise.ts';

/**
 * What a server exercise does with the learner's code, whatever the lesson:
 * told here on sockets-intro's, whose demo is a counter.
 */
const LESSON = '/lessons/sockets-intro/';
const TITLE = "Write the counter's server";

const count = (page: Page, name = 'Client 1') => client(page, name).panel.getByRole('status', { name: 'Count' });

/**
 * Runs `lines` as the learner's server. With `demoMoves`, waits until the demo is on it: the
 * workshop's count is the whole server's and may be any number, so a count alone does not
 * tell which server answered (once it was 1, as the learner's code sends, and a click went to
 * the workshop's server).
 */
async function runServer(page: Page, lines: string[], { demoMoves = true } = {}) {
  await page.goto(LESSON);
  const ex = await openExercise(page, TITLE);
  await setCode(page, lines.join('\n'), TITLE);
  await ex.run.click();
  const exercise = serverExercise(page, TITLE);
  if (demoMoves) await expect(exercise.demoServer).toHaveText('your server');
  return exercise;
}

test('a handler that throws is reported with its line, and the server keeps serving', async ({ page }) => {
  const ex = await runServer(page, [
    "io.on('connection', (socket) => {",
    "  socket.emit('number:change', 5);",
    "  socket.on('increment', () => {",
    "    throw new Error('not yet');",
    '  });',
    '});',
  ]);
  await expect(ex.demoServer).toHaveText('your server');
  await expect(count(page)).toHaveText('5');
  await client(page, 'Client 1').button('Increment').click();
  await expect(ex.console).toContainText('Line 4: Error: not yet');
  await expect(ex.console).toContainText('On Node, an error thrown in a handler ends the whole server');
  // Still serving: a new client gets its count.
  await page.getByRole('button', { name: 'Add a client' }).click();
  await expect(count(page, 'Client 2')).toHaveText('5');
});

test('an event that no handler takes is named in the console', async ({ page }) => {
  const ex = await runServer(page, ["io.on('connection', (socket) => socket.emit('number:change', 1));"]);
  await expect(count(page)).toHaveText('1');
  await client(page, 'Client 1').button('Decrement').click();
  await expect(ex.console).toContainText('A client sent `decrement`; your server has no handler for it.');
});

test('the switch takes the demo back to the workshop server and onto the learner one again', async ({ page }) => {
  const ex = await runServer(page, ["io.on('connection', (socket) => socket.emit('number:change', 42));"]);
  await expect(count(page)).toHaveText('42');
  await page.getByRole('button', { name: "Back to the workshop's server" }).click();
  await expect(ex.demoServer).toHaveText("the workshop's server");
  await expect(count(page)).not.toHaveText('42');
  await page.getByRole('button', { name: 'Connect to your server' }).click();
  await expect(ex.demoServer).toHaveText('your server');
  await expect(count(page)).toHaveText('42');
  // Stop closes the learner's server: the demo goes back for good.
  await ex.stop.click();
  await expect(ex.demoServer).toHaveText("the workshop's server");
  await expect(page.getByRole('button', { name: 'Connect to your server' })).toBeHidden();
});

test('code that never listens for connections leaves the demo on the workshop server', async ({ page }) => {
  const ex = await runServer(page, ['io.use((socket, next) => next());', "console.log('up');"], { demoMoves: false });
  await expect(ex.console).toContainText('up');
  await expect(ex.console).toContainText("Your server never calls io.on('connection'");
  await expect(ex.demoServer).toHaveText("the workshop's server");
});

test('code that throws at start is reported with its line, and the demo stays', async ({ page }) => {
  const ex = await runServer(page, ['const x = 1;', 'null.boom();', "io.on('connection', () => {});"], {
    demoMoves: false,
  });
  await expect(ex.console).toContainText("Line 2: TypeError: Cannot read properties of null (reading 'boom')");
  await expect(ex.state).toHaveText(/^Not running/);
  await expect(ex.demoServer).toHaveText("the workshop's server");
});

test('code that does not parse is reported with its line before anything runs', async ({ page }) => {
  const ex = await runServer(page, ["io.on('connection', (socket) => {", '  socket.emit(', '});'], {
    demoMoves: false,
  });
  await expect(ex.console).toContainText(/Line 3: SyntaxError/);
  await expect(ex.state).toHaveText(/^Not running/);
  await expect(ex.demoServer).toHaveText("the workshop's server");
});

test('an endless loop at start is stopped with its line', async ({ page }) => {
  const ex = await runServer(page, ['let n = 0;', 'while (true) {', '  n++;', '}', "io.on('connection', () => {});"], {
    demoMoves: false,
  });
  await expect(ex.console).toContainText(/Line 2: Error: This loop ran for over 1 s/);
  await expect(ex.demoServer).toHaveText("the workshop's server");
});

test('an endless loop in a handler is stopped, and the server keeps serving', async ({ page }) => {
  const ex = await runServer(page, [
    "io.on('connection', (socket) => {",
    "  socket.emit('number:change', 7);",
    "  socket.on('increment', () => {",
    '    for (;;) {}',
    '  });',
    '});',
  ]);
  await expect(count(page)).toHaveText('7');
  await client(page, 'Client 1').button('Increment').click();
  await expect(ex.console).toContainText(/Line 4: Error: This loop ran for over 1 s/);
  await expect(ex.console).toContainText('On Node, such a loop freezes the whole server');
  await page.getByRole('button', { name: 'Add a client' }).click();
  await expect(count(page, 'Client 2')).toHaveText('7');
});

test('TypeScript and an import of socket.io run; an import of another package is refused with its line', async ({
  page,
}) => {
  const ex = await runServer(page, [
    "import { Server } from 'socket.io';",
    'const server = new Server(3000);',
    'let count: number = 3;',
    "server.on('connection', (socket) => socket.emit('number:change', count));",
  ]);
  await expect(ex.console).toContainText('it does not listen on a port');
  await expect(count(page)).toHaveText('3');
  await setCode(page, ["import express from 'express';", "io.on('connection', () => {});"].join('\n'), TITLE);
  await ex.run.click();
  await expect(ex.console).toContainText("Line 1: Here your server can import only from 'socket.io', not 'express'");
  await expect(ex.demoServer).toHaveText("the workshop's server");
});

test("while the demo is on the learner's server, the page's client exercise connects there too", async ({ page }) => {
  await runServer(page, ["io.on('connection', (socket) => socket.emit('number:change', 42));"]);
  await expect(count(page)).toHaveText('42');
  const clientExercise = await openExercise(page, 'Show the count, and make -1 work');
  await setCode(page, readFileSync('src/lessons/sockets-intro/exercises/count.solution.js', 'utf8'));
  await clientExercise.run.click();
  await expect(clientExercise.state).toHaveText(/on your server, as the demo is/);
  await expect(clientExercise.frame.getByText('Count: 42')).toBeVisible();
  // The learner's server stops: the code on it stops too, and says so, instead of waiting on a server that is gone.
  await serverExercise(page, TITLE).stop.click();
  await expect(clientExercise.state).toHaveText('Stopped: Run again to connect where the demo is now.');
  await expect(clientExercise.console).toContainText('The demo left your server (or it stopped)');
});

test('Run again moves the demo from the old server straight to the new one; a new Run that fails brings it back', async ({
  page,
}) => {
  const ex = await runServer(page, ["io.on('connection', (socket) => socket.emit('number:change', 42));"]);
  await expect(count(page)).toHaveText('42');
  // Every text the status shows from here on.
  await page.evaluate(() => {
    const status = document.querySelector('[aria-label="Demo connected to"]')!;
    const seen: string[] = [];
    Object.assign(window, { serverStatuses: seen });
    new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, { childList: true, subtree: true });
  });
  await setCode(page, "io.on('connection', (socket) => socket.emit('number:change', 7));", TITLE);
  await ex.run.click();
  await expect(count(page)).toHaveText('7');
  expect(await page.evaluate(() => (window as unknown as { serverStatuses: string[] }).serverStatuses)).not.toContain(
    "the workshop's server",
  );
  await setCode(page, 'null.boom();', TITLE);
  await ex.run.click();
  await expect(ex.console).toContainText('Line 1: TypeError');
  await expect(ex.demoServer).toHaveText("the workshop's server");
});

test('a handler that never calls the callback a client sent is named in the console', async ({ page }) => {
  await page.goto('/lessons/acknowledgements/');
  const title = 'Answer, and ask the clients';
  const ex = await openExercise(page, title);
  await setCode(
    page,
    "io.on('connection', (socket) => {\n  socket.on('question:send', (question, ack) => {});\n});",
    title,
  );
  await ex.run.click();
  await expect(serverExercise(page, title).demoServer).toHaveText('your server');
  await client(page, 'Client 1').button('Ask the server').click();
  await expect(ex.console).toContainText(
    'A client sent `question:send` with a callback and has waited 5 s: your handler has not called it (`ack(…)`) yet.',
    { timeout: 10_000 }, // said after 5 s of waiting
  );
});
