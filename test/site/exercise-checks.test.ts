import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeAuth, resolveNamespace } from '../../src/components/exercise/bridge.ts';
import { checkedValue, showsValue } from '../../src/components/exercise/checks.ts';

test("a page shows a value when it stands on its own, not inside another number or a button's +1", () => {
  assert.equal(showsValue('Count: 12\n+1 -1', '12'), true);
  assert.equal(showsValue('12', '12'), true);
  assert.equal(showsValue('Count: …\n+1 -1', '1'), false);
  assert.equal(showsValue('Count: 120', '12'), false);
  assert.equal(showsValue('Count: 3.5', '3.5'), true);
  assert.equal(showsValue('Count: 345', '3.5'), false, 'the dot is a dot, not any character');
  assert.equal(showsValue('Count: -4', '-4'), true);
});

test('a check may look at one field of what the event carried; a value cut short or nested is no value', () => {
  assert.equal(checkedValue('{"lastMessage":12}', 'lastMessage'), '12');
  assert.equal(checkedValue('{"on":true}', 'on'), 'true');
  assert.equal(checkedValue('{"lastMessage":12', 'lastMessage'), undefined);
  assert.equal(checkedValue('{"user":{"name":"Ada"}}', 'user'), undefined);
  assert.equal(checkedValue('"plain text"', 'lastMessage'), undefined);
  assert.equal(checkedValue('plain text'), 'plain text');
});

const lesson = {
  lesson: 'namespaces-and-middleware',
  namespace: '/namespaces-and-middleware',
  auth: { name: 'Your code' },
};
const inClass = {
  ...lesson,
  namespace: '/class/AB12/namespaces-and-middleware',
  auth: { name: 'Your code', classKey: 'k' },
};

test("the code's io() reaches its lesson and the namespaces under it, in the public space or a class's", () => {
  assert.equal(resolveNamespace(undefined, lesson), '/namespaces-and-middleware');
  assert.equal(resolveNamespace('/namespaces-and-middleware', lesson), '/namespaces-and-middleware');
  assert.equal(resolveNamespace('/namespaces-and-middleware/staff', lesson), '/namespaces-and-middleware/staff');
  assert.equal(
    resolveNamespace('/namespaces-and-middleware/staff', inClass),
    '/class/AB12/namespaces-and-middleware/staff',
  );
  assert.equal(resolveNamespace(undefined, inClass), '/class/AB12/namespaces-and-middleware');
});

test("the code's io() cannot reach another lesson, the class's own namespace or the main one", () => {
  for (const asked of ['/', '/chat', '/namespaces-and-middleware-x', '/namespaces-and-middleware/', '/class/AB12']) {
    const resolved = resolveNamespace(asked, inClass);
    assert.equal(typeof resolved, 'object', asked);
    assert.match(
      (resolved as { refused: string }).refused,
      /can reach \/namespaces-and-middleware and the namespaces under it/,
    );
  }
});

test("the code's auth keeps a few plain values, and cannot change the page's name or class key", () => {
  assert.deepEqual(mergeAuth({ token: 'let-me-in', name: 'Mallory', classKey: 'forged' }, inClass.auth), {
    token: 'let-me-in',
    name: 'Your code',
    classKey: 'k',
  });
  assert.deepEqual(mergeAuth({ nested: { a: 1 }, n: 3, long: 'x'.repeat(600) }, {}), { n: 3, long: 'x'.repeat(500) });
  assert.deepEqual(mergeAuth('token', { name: 'Your code' }), { name: 'Your code' });
});
