import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLoopGuard } from '../../src/components/exercise/loop-clock.ts';
import { guardLoops } from '../../src/components/exercise/loop-guard.ts';
import { prepareCode, prepareServerCode } from '../../src/components/exercise/prepare-code.ts';
import { LOOP_GUARD } from '../../src/shared/sandbox.ts';

const lines = (code: string) => code.split('\n').length;

test('every loop body starts with the guard, on the line where the body starts, and the code still means the same', () => {
  const code = [
    'let n = 0;',
    'outer: for (let i = 0; i < 3; i++)',
    '  while (n < 10) n++',
    'do { n-- } while (n > 5);',
    'for (const x of [1, 2]) { n += x; }',
    'n',
  ].join('\n');
  const guarded = guardLoops(code);
  assert.equal(lines(guarded), lines(code));
  assert.equal(guarded.split(`${LOOP_GUARD}(`).length - 1, 4);
  assert.match(guarded.split('\n')[2]!, new RegExp(`while \\(n < 10\\) \\{${LOOP_GUARD}\\(3\\); n\\+\\+ \\}`));
  const calls: number[] = [];
  const run = new Function(LOOP_GUARD, `${guarded}\nreturn n;`) as (guard: (line: number) => void) => number;
  // The guarded code must give what the code itself evaluates to.
  // biome-ignore lint/security/noGlobalEval: the plain code's own result is the reference
  const plain = eval(code);
  assert.equal(
    run((line) => calls.push(line)),
    plain,
  );
  assert.deepEqual([...new Set(calls)].sort(), [3, 4, 5]);
});

test('code that does not parse is left alone, for the browser to report', () => {
  assert.equal(guardLoops('while (true {'), 'while (true {');
  assert.equal(guardLoops('const a = 1;'), 'const a = 1;');
});

test('the guard stops a loop that keeps the page busy past the limit, and starts again after a turn', () => {
  let clock = 0;
  let turn: (() => void) | undefined;
  const guard = createLoopGuard(
    1000,
    () => clock,
    (then) => (turn = then),
  );
  guard(7);
  clock = 999;
  guard(7);
  clock = 1001;
  assert.throws(
    () => guard(7),
    (error: Error & { line?: number }) => error.line === 7 && /over 1 s without a pause/.test(error.message),
  );
  guard(8); // a new stretch starts
  turn!();
  clock = 5000;
  guard(8);
  clock = 5500;
  assert.doesNotThrow(() => guard(8));
});

test('TypeScript loses its types and keeps its lines; a syntax error names its line', () => {
  const ts = [
    'interface Point {',
    '  x: number;',
    '}',
    'const p: Point = { x: 1 };',
    'const double = (n: number): number => n * 2;',
    'double(p.x as number);',
  ].join('\n');
  const prepared = prepareCode(ts);
  assert.ok('code' in prepared);
  assert.equal(lines(prepared.code), lines(ts));
  assert.equal(new Function(`${prepared.code}\nreturn double(p.x);`)(), 2);
  assert.deepEqual(prepareCode('const a = 1;\nconst b = (;'), { error: 'SyntaxError: Unexpected token', line: 2 });
});

test('a syntax error is reported on the line where the code stops parsing, not where its function starts', () => {
  const missingParen = ["io.on('connection', (socket) => {", '  socket.emit(', '});'].join('\n');
  assert.deepEqual(prepareCode(missingParen), {
    error: 'SyntaxError: Unexpected token, expected ","',
    line: 3,
  });
  const missingBrace = ['function f() {', '  if (x {', '    y();', '  }', '}'].join('\n');
  assert.equal((prepareCode(missingBrace) as { line?: number }).line, 2);
});

test("a server's imports of socket.io read the page's copy on the same line; other packages are refused with their line", () => {
  const code = [
    "import { Server, Namespace as N } from 'socket.io';",
    "import * as sio from 'socket.io';",
    'const io2: Server = new Server();',
  ].join('\n');
  const prepared = prepareServerCode(code, '__pkg', 'socket.io');
  assert.ok('code' in prepared);
  assert.deepEqual(prepared.code.split('\n'), [
    'const { Server, Namespace: N } = __pkg;',
    'const sio = __pkg;',
    'const io2 = new Server();',
  ]);
  assert.deepEqual(prepareServerCode("const a = 1;\nimport express from 'express';", '__pkg', 'socket.io'), {
    error: "Here your server can import only from 'socket.io', not 'express': the page has no other package.",
    line: 2,
  });
});
