import assert from 'node:assert/strict';
import { test } from 'node:test';
import { studentAuth } from '../../src/shared/class-mode.ts';
import { memberClientName } from '../../src/shared/namespaces.ts';

const KEY = 'student-key-00000001';

test("a member's next clients say whose they are, within 24 characters", () => {
  assert.equal(memberClientName('Ada', 1), 'Ada');
  assert.equal(memberClientName('Ada', 2), "Ada's client 2");
  for (const name of ['Alexandrina Mo', 'Bartholomew Fitzgeraldo']) {
    assert.ok([...memberClientName(name, 12)].length <= 24, name);
  }
});

test('two long names that start alike give two client names (a review found them the same)', () => {
  assert.notEqual(memberClientName('Alexandrina Mo', 2), memberClientName('Alexandrina Mu', 2));
});

test("nobody may join a class as a classmate's extra client", () => {
  for (const name of ["Ada's client 2", "Alexandrin~ie's client 2"]) {
    const parsed = studentAuth.safeParse({ name, key: KEY });
    assert.equal(parsed.success, false, name);
    assert.match(parsed.error!.issues[0]!.message, /second client/);
  }
  assert.equal(studentAuth.safeParse({ name: 'Ada', key: KEY }).success, true);
});
