import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { transform } from 'sucrase';
import ts from 'typescript';
import { extractRegion } from '../../components/code/regions.ts';
import { type CheckRequest, createChecker } from '../../type-check/checker.ts';
import { typeFiles } from '../../type-check/type-files.ts';

// The code this lesson shows type-checks for real, and the errors it shows are TypeScript's own.

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const read = (file: string) => readFileSync(here(file), 'utf8');
const lessonFiles = { 'events.ts': read('events.ts') };
const names = ['QUESTION', 'TALLY_QUIET_MS', 'ANSWER_MS'];

describe('the typescript lesson type-checks', () => {
  let check: (kind: CheckRequest['kind'], code: string) => string[];
  before(() => {
    const checker = createChecker(typeFiles());
    check = (kind, code) =>
      checker.check({ kind, code, lessonFiles, names }).map((error) => error.message);
  });

  test("the lesson's files pass the repo's strict tsconfig", () => {
    const config = ts.getParsedCommandLineOfConfigFile(
      here('../../../tsconfig.json'),
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (d) => assert.fail(String(d.messageText)),
      },
    )!;
    const files = [
      'events.ts',
      'contract.ts',
      'server.ts',
      'client.ts',
      'standalone.ts',
    ].map(here);
    const program = ts.createProgram(files, { ...config.options, noEmit: true });
    const errors = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file && files.includes(d.file.fileName))
      .map(
        (d) =>
          `${d.file!.fileName}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
      );
    assert.deepEqual(errors, []);
    assert.ok(config.options.strict, 'the repo checks strictly');
  });

  test("the exercises' starters and solutions have no type errors in the page's checker", () => {
    assert.deepEqual(check('client', read('exercises/vote.start.ts')), []);
    assert.deepEqual(check('client', read('exercises/vote.solution.ts')), []);
    assert.deepEqual(check('server', read('exercises/poll.start.ts')), []);
    // The server exercise's solution is the shown region, its types removed, as the page gives it.
    const shown = extractRegion(read('server.ts'), 'server', 'server.ts');
    const solution = transform(shown, {
      transforms: ['typescript'],
      disableESTransforms: true,
    }).code;
    assert.deepEqual(check('server', solution), []);
    assert.deepEqual(check('server', shown.replace(/: Tally\b/, '')), []);
  });

  test('a choice outside the map is a type error, in the words the page shows', () => {
    const code = read('exercises/vote.solution.ts').replace(
      "'spaces', (reply)",
      "'space', (reply)",
    );
    assert.deepEqual(check('client', code), [
      `Argument of type '"space"' is not assignable to parameter of type '"tabs" | "spaces"'.`,
    ]);
  });

  test("an answer without what VoteReply requires, and a socket.data value outside SocketData, are type errors on the server's io", () => {
    const code = `io.on('connection', (socket) => {
      socket.on('poll:vote', (choice, ack) => {
        socket.data.choice = 'tab';
        ack?.({ ok: true });
      });
    });`;
    assert.deepEqual(check('server', code), [
      `Type '"tab"' is not assignable to type '"tabs" | "spaces" | undefined'. Did you mean '"tabs"'?`,
      "Argument of type '{ ok: true; }' is not assignable to parameter of type 'VoteReply'.\n" +
        `  Property 'choice' is missing in type '{ ok: true; }' but required in type '{ ok: true; choice: "tabs" | "spaces"; }'.`,
    ]);
  });

  test('serverSideEmit is typed by InterServerEvents', () => {
    assert.deepEqual(
      check('server', "io.serverSideEmit('poll:hello', 'Server A');"),
      [],
    );
    assert.deepEqual(check('server', "io.serverSideEmit('poll:hello', 3);"), [
      "Argument of type 'number' is not assignable to parameter of type 'string'.",
    ]);
  });

  test("emitWithAck is typed by the map's callback, but not after timeout() on the client (as the page says)", () => {
    const client = (body: string) => `import type { Socket } from 'socket.io-client';
      import type { ClientToServerEvents, ServerToClientEvents } from './events';
      declare const socket: Socket<ServerToClientEvents, ClientToServerEvents>;
      async function vote() { ${body} }`;
    // `satisfies never` names the type it got.
    const typed = check(
      'client',
      client("(await socket.emitWithAck('poll:vote', 'tabs')) satisfies never;"),
    );
    assert.deepEqual(
      typed.map((message) => message.split('\n')[0]),
      ["Type 'VoteReply' does not satisfy the expected type 'never'."],
    );
    assert.deepEqual(
      check(
        'client',
        client(
          "(await socket.timeout(1000).emitWithAck('poll:vote', 'tabs')) satisfies never;",
        ),
      ),
      ["Type 'any' does not satisfy the expected type 'never'."],
    );
    const optional = `import type { Socket } from 'socket.io-client';
      declare const socket: Socket<{}, { vote: (choice: 'tabs', ack?: (reply: number) => void) => void }>;
      async function vote() { (await socket.emitWithAck('vote', 'anything')) satisfies never; }`;
    assert.deepEqual(check('client', optional), [
      "Type 'any' does not satisfy the expected type 'never'.",
    ]);
  });
});
