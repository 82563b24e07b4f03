import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MISSED_MS, observeSteps, type StepRule } from '../../src/components/site/observe-steps.ts';

/** Longer than a receipt may answer a send: an earlier send no longer counts. */
const ANSWER_WAIT = 5500;

const rules: StepRule[] = [
  { id: 'own', when: { after: 'increment', received: 'number:change', by: 'sender' } },
  { id: 'other', when: { after: 'increment', received: 'number:change', by: 'another' } },
  { id: 'elsewhere', when: { received: 'number:change', by: 'elsewhere' } },
  { id: 'hello', when: { after: 'hello', received: 'heard', by: 'another', includes: ' says: ' } },
];

function watch() {
  let clock = 0;
  const seen: string[] = [];
  const feed = observeSteps(
    rules,
    (id) => seen.push(id),
    () => clock,
  );
  return { feed, seen, wait: (ms: number) => (clock += ms) };
}

test('a receipt answers a recent send: by the sender, or by another client of the page', () => {
  const { feed, seen } = watch();
  feed({ client: 1, direction: 'connected', event: 'connect' });
  feed({ client: 1, direction: 'received', event: 'number:change' }); // the state on arrival
  assert.deepEqual(seen, []);
  feed({ client: 1, direction: 'sent', event: 'increment' });
  feed({ client: 1, direction: 'received', event: 'number:change' });
  assert.deepEqual(seen, ['own']);
  feed({ client: 2, direction: 'received', event: 'number:change' });
  assert.deepEqual(seen, ['own', 'other']);
});

test('"elsewhere" needs a change with nobody on the page sending, after the state on arrival', () => {
  const { feed, seen, wait } = watch();
  feed({ client: 1, direction: 'connected', event: 'connect' });
  feed({ client: 1, direction: 'received', event: 'number:change' });
  feed({ client: 1, direction: 'sent', event: 'increment' });
  wait(500);
  feed({ client: 1, direction: 'received', event: 'number:change' });
  assert.ok(!seen.includes('elsewhere'), 'an answer to our own click');
  wait(5000);
  feed({ client: 1, direction: 'connected', event: 'connect' }); // a reconnect: the next one is the state again
  feed({ client: 1, direction: 'received', event: 'number:change' });
  assert.ok(!seen.includes('elsewhere'));
  feed({ client: 1, direction: 'received', event: 'number:change' });
  assert.ok(seen.includes('elsewhere'));
});

test('an old send, or a message without the words, ticks nothing; each step ticks once', () => {
  const { feed, seen, wait } = watch();
  feed({ client: 1, direction: 'sent', event: 'hello' });
  feed({ client: 2, direction: 'received', event: 'heard', text: 'Hello everyone! Bo joined red.' });
  wait(5500);
  feed({ client: 2, direction: 'received', event: 'heard', text: 'Ada says: hi' });
  assert.deepEqual(seen, []);
  feed({ client: 1, direction: 'sent', event: 'hello' });
  feed({ client: 2, direction: 'received', event: 'heard', text: 'Ada says: hi' });
  feed({ client: 3, direction: 'received', event: 'heard', text: 'Ada says: hi' });
  assert.deepEqual(seen, ['hello']);
});

test('a step may name the namespace its receipt must come through', () => {
  const seen: string[] = [];
  const feed = observeSteps(
    [{ id: 'staff', when: { after: 'note:post', received: 'note:new', by: 'sender', on: '/staff' } }],
    (id) => seen.push(id),
    () => 0,
  );
  feed({ client: 0, direction: 'sent', event: 'note:post', namespace: '/namespaces-and-middleware' });
  feed({ client: 0, direction: 'received', event: 'note:new', namespace: '/namespaces-and-middleware' });
  assert.deepEqual(seen, []);
  feed({
    client: 0,
    direction: 'received',
    event: 'note:new',
    namespace: '/class/AB12/namespaces-and-middleware/staff',
  });
  assert.deepEqual(seen, ['staff']);
});

/** A watcher with a clock and its own `later`: `wait` moves the clock and runs what has come due. */
function watchWithTimers(rules: StepRule[]) {
  let clock = 0;
  const seen: string[] = [];
  const due: { at: number; run: () => void }[] = [];
  const feed = observeSteps(
    rules,
    (id) => seen.push(id),
    () => clock,
    (run, ms) => void due.push({ at: clock + ms, run }),
  );
  const wait = (ms: number) => {
    clock += ms;
    for (const timer of due.filter((t) => t.at <= clock)) {
      due.splice(due.indexOf(timer), 1);
      timer.run();
    }
  };
  return { feed, seen, wait };
}

const broadcast: StepRule = {
  id: 'broadcast',
  when: { after: 'emit:others', received: 'message', by: 'another', missed: 'sender' },
};
const inRoom: StepRule = {
  id: 'room',
  when: { after: 'hello', received: 'heard', by: 'another', missed: 'another' },
};

function connect(feed: ReturnType<typeof observeSteps>, ...clients: number[]) {
  for (const client of clients) feed({ client, direction: 'connected', event: 'connect' });
}

test('"missed: sender" ticks a moment after another client got it and the sender did not', () => {
  const { feed, seen, wait } = watchWithTimers([broadcast]);
  connect(feed, 1, 2);
  feed({ client: 1, direction: 'sent', event: 'emit:others' });
  wait(5);
  feed({ client: 2, direction: 'received', event: 'message' });
  assert.deepEqual(seen, [], 'not before the moment has passed');
  wait(MISSED_MS);
  assert.deepEqual(seen, ['broadcast']);
});

test('"missed: sender" stays open when the sender got it too, and ticks on a later send that misses it', () => {
  const { feed, seen, wait } = watchWithTimers([broadcast]);
  connect(feed, 1, 2);
  feed({ client: 1, direction: 'sent', event: 'emit:others' });
  feed({ client: 2, direction: 'received', event: 'message' });
  wait(300);
  feed({ client: 1, direction: 'received', event: 'message' }); // io.emit, not a broadcast
  wait(MISSED_MS);
  assert.deepEqual(seen, []);
  wait(ANSWER_WAIT);
  feed({ client: 1, direction: 'sent', event: 'emit:others' });
  feed({ client: 2, direction: 'received', event: 'message' });
  wait(MISSED_MS);
  assert.deepEqual(seen, ['broadcast']);
});

test('"missed: another" needs a client that was there at the send and got nothing', () => {
  const { feed, seen, wait } = watchWithTimers([inRoom]);
  connect(feed, 1, 2, 3);
  feed({ client: 1, direction: 'sent', event: 'hello' });
  feed({ client: 2, direction: 'received', event: 'heard' });
  feed({ client: 3, direction: 'received', event: 'heard' }); // everyone heard it: no room
  wait(MISSED_MS);
  assert.deepEqual(seen, []);

  wait(ANSWER_WAIT);
  feed({ client: 1, direction: 'sent', event: 'hello' });
  feed({ client: 2, direction: 'received', event: 'heard' });
  feed({ client: 3, direction: 'received', event: 'heard' });
  wait(10);
  connect(feed, 4); // came after the send: it could not have heard it
  wait(MISSED_MS);
  assert.deepEqual(seen, [], 'the late-comer does not count as left out');
});

test('"missed: another" ticks when a member of the room hears it and a client outside does not', () => {
  const { feed, seen, wait } = watchWithTimers([inRoom]);
  connect(feed, 1, 2, 3);
  feed({ client: 1, direction: 'sent', event: 'hello' });
  feed({ client: 2, direction: 'received', event: 'heard' });
  wait(MISSED_MS);
  assert.deepEqual(seen, ['room']);
});

test('a "latest" step needs its receipt to answer the page\'s last send: nothing sent from the page in between', () => {
  const seen: string[] = [];
  const feed = observeSteps(
    [{ id: 'caught-up', when: { after: 'connect', received: 'message', by: 'sender', latest: true } }],
    (id) => seen.push(id),
    () => 0,
  );
  feed({ client: 1, direction: 'sent', event: 'connect' });
  feed({ client: 2, direction: 'sent', event: 'message:send' });
  feed({ client: 1, direction: 'received', event: 'message' }); // the other's message, not a catch-up
  assert.deepEqual(seen, []);
  feed({ client: 1, direction: 'sent', event: 'connect' });
  feed({ client: 1, direction: 'received', event: 'message' });
  assert.deepEqual(seen, ['caught-up']);
});

test('a client that connects after a send gets the state on arrival, which does not answer the send', () => {
  const { feed, seen, wait } = watch();
  feed({ client: 1, direction: 'connected', event: 'connect' });
  feed({ client: 1, direction: 'sent', event: 'increment' });
  wait(50);
  feed({ client: 2, direction: 'connected', event: 'connect' });
  feed({ client: 2, direction: 'received', event: 'number:change' }); // what any newcomer gets
  assert.deepEqual(seen, []);
  feed({ client: 1, direction: 'sent', event: 'increment' });
  feed({ client: 2, direction: 'received', event: 'number:change' });
  assert.deepEqual(seen, ['other']);
});
