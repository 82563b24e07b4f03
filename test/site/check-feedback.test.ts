import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Traffic } from '../../src/components/demo/traffic.ts';
import { waitingFor } from '../../src/components/exercise/check-explain.ts';
import { SeenLog, seenSoFar } from '../../src/components/exercise/check-seen.ts';
import { diffSummary, lineDiff } from '../../src/components/exercise/line-diff.ts';

const decrement = {
  id: 'decrement',
  when: { after: 'decrement', received: 'number:change', by: 'another' as const },
};

test('a client check says what it waits for from its rule: your page sends, a demo client receives', () => {
  assert.equal(
    waitingFor(decrement, 'code'),
    'Waiting for: after your page sends `decrement`, a demo client receives `number:change`.',
  );
});

test('a server check names the demo clients, the words a message must hold, its namespace and who must miss it', () => {
  assert.equal(
    waitingFor(
      {
        id: 'others',
        when: {
          after: 'emit:others',
          received: 'message',
          by: 'another',
          includes: '"kind":"others"',
          missed: 'sender',
        },
      },
      'your-server',
    ),
    'Waiting for: after a demo client sends `emit:others`, another client receives `message` with `"kind":"others"` in it, and the sender does not get it within a second.',
  );
  assert.equal(
    waitingFor(
      { id: 'refused', when: { after: 'connect', received: 'connect_error', by: 'sender', on: '/staff' } },
      'your-server',
    ),
    'Waiting for: after a demo client connects, that same client receives a refusal (`connect_error`) on the `/staff` namespace.',
  );
});

test('an acknowledgement is said as the answer to the send, not as an event named "ack"', () => {
  const sentence = waitingFor(
    { id: 'asked', when: { after: 'question:send', received: 'ack', by: 'sender', includes: 'The answer is 42' } },
    'code',
  );
  assert.equal(
    sentence,
    'Waiting for: after your page sends `question:send`, your page receives the answer to it (its acknowledgement) with `The answer is 42` in it.',
  );
});

test('a "shows" check waits for the page to show a value received after a change, unless the first counts', () => {
  assert.equal(
    waitingFor({ id: 'shows', when: { shows: 'number:change' } }, 'code'),
    "Waiting for: your page's text to show the latest `number:change` your code received, after a change (the value sent on arrival does not count).",
  );
  assert.equal(
    waitingFor({ id: 'shown', when: { shows: 'message', field: 'id', fromFirst: true } }, 'code'),
    "Waiting for: your page's text to show the `id` of the latest `message` your code received.",
  );
});

test("a test check waits for a run that passes, or that a broken server fails; the frontmatter's explain wins", () => {
  assert.equal(
    waitingFor({ id: 'pass', when: { tests: 'pass' } }, 'tests'),
    "Waiting for: a Run where your tests pass against the lesson's server (one test at least).",
  );
  assert.equal(
    waitingFor({ id: 'silent', when: { tests: 'fail', about: 'a server that never answers' } }, 'tests'),
    "Waiting for: a Run where, once they all pass against the lesson's server, at least one of your tests fails against a server that never answers.",
  );
  assert.equal(
    waitingFor({ ...decrement, explain: 'the count to go down by one.' }, 'code'),
    'Waiting for: the count to go down by one.',
  );
});

const traffic = (t: Partial<Traffic> & Pick<Traffic, 'direction' | 'event'>): Traffic => ({ client: 0, ...t });

test('seen so far starts as nothing, then names a mistyped send and the counts only the page itself received', () => {
  const log = new SeenLog();
  assert.equal(seenSoFar(decrement, log, 'code'), 'Seen so far: nothing yet.');
  log.add(traffic({ direction: 'sent', event: 'decrment' }));
  log.add(traffic({ direction: 'received', event: 'number:change', text: '3' }));
  log.add(traffic({ direction: 'received', event: 'number:change', text: '4' }));
  assert.equal(
    seenSoFar(decrement, log, 'code'),
    'Seen so far: no `decrement` sent yet (sent: `decrment`); `number:change`: 3 (your page), 4 (your page); only your page got it, no demo client.',
  );
});

test('seen so far says when what arrived lacks the words the check looks for, and keeps only the last few', () => {
  const log = new SeenLog();
  const check = {
    id: 'all',
    when: { after: 'emit:all', received: 'message', by: 'another' as const, includes: '"kind":"all"' },
  };
  log.add(traffic({ client: 1, direction: 'sent', event: 'emit:all' }));
  for (let n = 0; n < 100; n++)
    log.add(traffic({ client: 1, direction: 'received', event: 'message', text: `{"kind":"self","n":${n}}` }));
  assert.ok(log.receipts.length <= 60, 'the log is bounded');
  assert.equal(
    seenSoFar(check, log, 'your-server'),
    'Seen so far: `emit:all` sent once; `message`: {"kind":"self","n":97} (client 1), {"kind":"self","n":98} (client 1), {"kind":"self","n":99} (client 1); none with `"kind":"all"` in it yet.',
  );
  log.reset();
  assert.equal(seenSoFar(check, log, 'your-server'), 'Seen so far: nothing yet.');
});

test('a shows check says which values reached the code, that the first alone does not count, and what the page shows', () => {
  const log = new SeenLog();
  log.add(traffic({ direction: 'received', event: 'number:change', text: '7' }));
  log.page = 'Count: …\n+1 -1';
  assert.equal(
    seenSoFar({ id: 'shows', when: { shows: 'number:change' } }, log, 'code'),
    'Seen so far: `number:change` reached your code: 7; only the value sent on arrival so far; your page shows "Count: … +1 -1".',
  );
});

test('the diff lists the lines only in yours and only in the solution, and counts them', () => {
  const yours = 'const socket = io();\nsocket.emit("decrment");\n';
  const solution = 'const socket = io();\nsocket.emit("decrement");\nsocket.on("number:change", show);';
  const diff = lineDiff(yours, solution);
  assert.deepEqual(diff.rows, [
    { kind: 'same', text: 'const socket = io();' },
    { kind: 'yours', text: 'socket.emit("decrment");' },
    { kind: 'solution', text: 'socket.emit("decrement");' },
    { kind: 'solution', text: 'socket.on("number:change", show);' },
  ]);
  assert.equal(diffSummary(diff), '3 lines differ: 1 only in yours, 2 only in the solution.');
});

test('the diff folds long runs of unchanged lines, and ignores line ends and a missing last newline', () => {
  const same = Array.from({ length: 10 }, (_, n) => `line ${n}`);
  const diff = lineDiff([...same, 'old'].join('\r\n'), `${[...same, 'new'].join('\n')}\n`);
  assert.deepEqual(diff.rows, [
    { kind: 'skipped', count: 8 },
    { kind: 'same', text: 'line 8' },
    { kind: 'same', text: 'line 9' },
    { kind: 'yours', text: 'old' },
    { kind: 'solution', text: 'new' },
  ]);
  assert.equal(diffSummary(lineDiff('a\n', 'a')), 'Your code and the solution are the same: no line differs.');
  assert.equal(diffSummary(lineDiff('a\nb', 'a')), '1 line differs: 1 only in yours, 0 only in the solution.');
});
