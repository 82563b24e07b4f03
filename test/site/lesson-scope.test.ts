import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lessonNames, lessonScope, oneScope } from '../../src/in-page-server/lesson-scope.ts';

test("the in-page server gives the learner's code the names the lessons' shown server code uses", () => {
  const scope = lessonScope();
  for (const name of ['whenSettled', 'IO_CLIENT_JOIN_ROOM', 'NO_TOKEN', 'CLIENT_ANSWER_TIMEOUT_MS', 'LIST_QUIET_MS'])
    assert.ok(name in scope, name);
  assert.equal(lessonNames.IO_CLIENT_JOIN_ROOM, 'IO_CLIENT_JOIN_ROOM');
});

test('a name two lessons give different values cannot share the one scope', () => {
  assert.deepEqual(oneScope({ a: { ANSWER_MS: 120 }, b: { ANSWER_MS: 120, X: 1 } }), { ANSWER_MS: 120, X: 1 });
  assert.throws(() => oneScope({ a: { ANSWER_MS: 120 }, b: { ANSWER_MS: 300 } }), {
    message: 'ANSWER_MS means one thing in a and another in b: rename one.',
  });
});
