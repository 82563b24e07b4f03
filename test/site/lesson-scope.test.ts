import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lessonScope } from '../../src/in-page-server/lesson-scope.ts';
import { nameKey as workshopKey } from '../../src/server/plumbing/name-key.ts';

test("the in-page server gives the learner's code the workshop's helpers and the lesson's own names", () => {
  const scope = lessonScope({ IO_CLIENT_JOIN_ROOM: 'IO_CLIENT_JOIN_ROOM', LIST_QUIET_MS: 150 });
  for (const name of ['whenSettled', 'counter', 'history', 'log', 'IO_CLIENT_JOIN_ROOM', 'LIST_QUIET_MS'])
    assert.ok(name in scope, name);
  assert.equal((scope as Record<string, unknown>).LIST_QUIET_MS, 150);
});

test('only plain names with plain values become globals, and none replaces a helper', () => {
  const scope = lessonScope({ 'not a name': 1, ok: true, whenSettled: 'x', bad: {} as never }) as Record<
    string,
    unknown
  >;
  assert.equal(scope.ok, true);
  assert.ok(!('not a name' in scope));
  assert.ok(!('bad' in scope));
  assert.equal(typeof scope.whenSettled, 'function');
});

test("the page's nameKey holds names to the workshop's in case, width, invisible letters and Greek or Cyrillic look-alikes", () => {
  const { nameKey } = lessonScope() as unknown as { nameKey: (name: string) => string };
  const pairs = [
    ['Ada', 'ADA'],
    ['Ada', '\u0410da'], // Cyrillic А
    ['Bo', '\u0412\u043e'], // Cyrillic В and о
    ['Ivan', '\u0406van'], // Cyrillic І
    ['Ada', '\uff21\uff44\uff41'], // full width
    ['Ada', 'A\u200bda'], // a zero-width space
    ['Ada', 'Bo'],
  ];
  for (const [a, b] of pairs)
    assert.equal(nameKey(a!) === nameKey(b!), workshopKey(a!) === workshopKey(b!), `${a} / ${b}`);
});
