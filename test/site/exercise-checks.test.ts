import assert from 'node:assert/strict';
import { test } from 'node:test';
import { showsValue } from '../../src/components/exercise/checks.ts';

test("a page shows a value when it stands on its own, not inside another number or a button's +1", () => {
  assert.equal(showsValue('Count: 12\n+1 -1', '12'), true);
  assert.equal(showsValue('12', '12'), true);
  assert.equal(showsValue('Count: …\n+1 -1', '1'), false);
  assert.equal(showsValue('Count: 120', '12'), false);
  assert.equal(showsValue('Count: 3.5', '3.5'), true);
  assert.equal(showsValue('Count: 345', '3.5'), false, 'the dot is a dot, not any character');
  assert.equal(showsValue('Count: -4', '-4'), true);
});
