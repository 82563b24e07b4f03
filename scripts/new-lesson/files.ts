/**
 * The files of a new lesson folder: a small lesson that works end to end (a
 * note sent by one client reaches everyone), to be rewritten into the real one.
 */
export interface LessonNames {
  slug: string;
  /** `myTopic`: the contract's name in code. */
  camel: string;
  title: string;
  order: number;
}

export function lessonFiles({ slug, camel, title, order }: LessonNames): Record<string, string> {
  return {
    'lesson.mdx': `---
title: ${title}
order: ${order}
# first-steps, sending, structure, reliability, scale or tools: the home page's groups.
part: structure
# The lessons a reader should have read first, by slug.
assumes: [sockets-intro]
summary: One or two sentences on what the reader learns here, for the lesson list.
exercises:
  - id: note
    title: Send a note to everyone
    task: Make Send emit "note:send" with the text, and show the notes your page hears.
    starter: exercises/note.start.js
    solution: exercises/note.solution.js
    checks:
      - id: sent
        text: Your note reaches a demo client
        when: { after: 'note:send', received: 'note:new', by: another }
        # Offered after a while of trying (issue 22): true of this lesson's code; \`names\` show as code.
        hint: 'Make Send do \`socket.emit(''note:send'', { text: text.value })\`: the server sends the note to everyone as \`note:new\`.'
      - id: shows
        text: Your page shows the latest note it heard
        when: { shows: 'note:new', field: text }
        hint: 'In \`socket.on(''note:new'', ({ from, text }) => …)\`, add the text to the list. The first note your page hears does not count (it could be what a server sends on arrival): send two.'
tryIt:
  - id: send
    text: Send a note and see it come back from the server
    when: { after: 'note:send', received: 'note:new', by: sender }
  - id: another-client
    text: Add a client, send from one, and see the other get it
    when: { after: 'note:send', received: 'note:new', by: another }
---

import Demo from './Demo.astro';

Write the lesson here: one idea, in a few short sections. The server's code below is cut from
\`server.ts\` in this folder, the browser's from \`client.ts\`: what the reader sees is what runs.

## The server

<SourceRegion file="src/lessons/${slug}/server.ts" region="server" />

## The client

<SourceRegion file="src/lessons/${slug}/client.ts" region="client" />

<Demo />
`,
    'contract.ts': `import { z } from 'zod';
import type { Ack } from '../../shared/acks.ts';
import type { LessonContract } from '../../shared/events.ts';
import { messageText } from '../../shared/text.ts';

/** Lesson \`${slug}\`: what the server and its clients say to each other. */

export interface Note {
  from: string;
  text: string;
}

export interface ServerToClientEvents {
  /** A note, sent to everyone connected. */
  'note:new': (note: Note) => void;
}

export interface ClientToServerEvents {
  'note:send': (payload: { text: string }, ack?: Ack) => void;
}

export const ${camel} = {
  slug: '${slug}',
  clientEvents: {
    'note:send': {
      args: z.tuple([z.object({ text: messageText }, { error: 'Send an object like { text: "..." }.' })]),
      // Others read it: limited as chat messages are.
      rate: 'message',
    },
  },
} satisfies LessonContract<ClientToServerEvents>;
`,
    'server.ts': `import type { LessonNamespace } from '../../server/plumbing/types.ts';
import { ${camel}, type ClientToServerEvents, type ServerToClientEvents } from './contract.ts';

export const contract = ${camel};

export function register(io: LessonNamespace<ClientToServerEvents, ServerToClientEvents>) {
  // #region server
  io.on('connection', (socket) => {
    socket.on('note:send', ({ text }) => {
      io.emit('note:new', { from: socket.data.name, text }); // to everyone, the sender included
    });
  });
  // #endregion
}
`,
    'Demo.astro': `---
import DemoFrame from '../../components/demo/DemoFrame.astro';
---

<DemoFrame slug="${slug}" title="${title}">
  <p>Send a note from one client and watch every client get it.</p>
</DemoFrame>
`,
    'client.ts': `import type { Socket } from 'socket.io-client';
import type { LessonClient } from '../../components/demo/demo-host.ts';
import { createLogBox, h } from '../../components/demo/dom.ts';
import type { ClientToServerEvents, ServerToClientEvents } from './contract.ts';

type NoteSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const noteClient: LessonClient = {
  slug: '${slug}',
  // Two clients from the start: what one sends, the other receives.
  names: ['Ada', 'Bo'],
  mount({ controls, socket, panel }) {
    const text = h('input', { type: 'text', maxlength: 500, autocomplete: 'off', value: \`Hi from \${panel.label()}\` });
    const send = h('button', { type: 'button' }, 'Send');
    const inbox = createLogBox('Notes', 'inbox');
    controls.append(h('label', { class: 'field' }, 'Note ', text), send, h('h4', { class: 'inbox-title' }, 'Notes'), inbox.box);
    listen(socket, { text, send, show: (line) => inbox.append(h('li', {}, line)) });
  },
};

interface NoteView {
  text: HTMLInputElement;
  send: HTMLButtonElement;
  show: (line: string) => void;
}

// #region client
function listen(socket: NoteSocket, view: NoteView) {
  socket.on('note:new', ({ from, text }) => view.show(\`\${from}: \${text}\`));
  view.send.addEventListener('click', () => socket.emit('note:send', { text: view.text.value }));
}
// #endregion

export default noteClient;
`,
    'exercises/note.start.js': `// Your page: a text box and a button. \`io()\` connects to this lesson's server.
const socket = io();

const text = page.input('Note', 'Hello');
const send = page.button('Send');
const notes = page.list('Notes');

// 1. Make Send emit "note:send" with { text: text.value }.

// 2. Show each "note:new" the server sends (it carries { from, text }) in the list.
`,
    'exercises/note.solution.js': `const socket = io();

const text = page.input('Note', 'Hello');
const send = page.button('Send');
const notes = page.list('Notes');

send.addEventListener('click', () => socket.emit('note:send', { text: text.value }));

socket.on('note:new', ({ from, text }) => notes.add(\`\${from}: \${text}\`));
`,
    'server.test.ts': `import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { Socket } from 'socket.io-client';
import { nextEvent, SERVERS, startApp, type Running } from '../../../test/harness.ts';
import type { ClientToServerEvents, Note, ServerToClientEvents } from './contract.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const NSP = '/${slug}';

for (const servers of SERVERS) {
  describe(\`${slug} \${servers.name}\`, () => {
    let server: Running;
    beforeEach(async () => {
      server = await startApp({}, { servers: servers.count });
    });
    afterEach(async () => {
      await server.close();
    });

    test('a note from alice reaches alice and bob', async () => {
      const alice: Client = await server.client(NSP, { name: 'Alice' });
      const bob: Client = await server.client(NSP, { name: 'Bob' });
      const heard = [alice, bob].map((s) => nextEvent<Note>(s, 'note:new', 3000));
      assert.deepEqual(await alice.emitWithAck('note:send', { text: 'hello' }), { ok: true });
      assert.deepEqual(await Promise.all(heard), [
        { from: 'Alice', text: 'hello' },
        { from: 'Alice', text: 'hello' },
      ]);
    });

    test('an empty note is refused with a sentence, and reaches nobody', async () => {
      const alice: Client = await server.client(NSP, { name: 'Alice' });
      const answer = await alice.emitWithAck('note:send', { text: '' });
      assert.equal(answer.ok, false);
      assert.match(String(answer.error), /\\w+ \\w+/);
    });
  });
}
`,
    'demo.spec.ts': `import { client, expect, openDemo, test } from '../../../e2e/demo.ts';
import { runSolution } from '../../../e2e/exercise.ts';

test('a note sent by one client of the page reaches the other', async ({ page }) => {
  await openDemo(page, '${slug}', ['Ada', 'Bo']);
  await client(page, 'Ada').button('Send').click();
  await expect(client(page, 'Bo').panel.getByRole('log', { name: 'Notes' })).toContainText('Ada: Hi from Ada');
});

test("the exercise's solution sends a note that a demo client gets, and shows the notes it hears", async ({ page }) => {
  await openDemo(page, '${slug}', ['Ada', 'Bo']);
  const ex = await runSolution(page, 'src/lessons/${slug}/exercises/note.solution.js');
  await ex.frame.getByRole('button', { name: 'Send' }).click();
  await expect(client(page, 'Bo').panel.getByRole('log', { name: 'Notes' })).toContainText(': Hello');
  await expect(ex.check('Your note reaches a demo client')).toContainText('(done)');
  await client(page, 'Bo').button('Send').click();
  await expect(ex.check('Your page shows the latest note it heard')).toContainText('(done)');
});
`,
  };
}
