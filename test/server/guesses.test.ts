import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { test } from 'node:test';
import { GUESSES, MAX_TRIES_IN_FLIGHT, TOO_MANY_AT_ONCE } from '../../src/server/guesses.ts';
import { startApp } from '../harness.ts';
import { rawClient } from '../raw.ts';

const TOKEN = 'the-guess-suite-token';
// Small numbers, so that the test is quick: answered at once 3 times, slower and slower up to 6, then refused.
const guesses = { slowAfter: 3, blockAfter: 6, windowMs: 60_000, blockMs: 60_000 };

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'connected',
    (error: Error) => error.message,
  );

test('wrong instructor tokens are answered at once, then more slowly, then refused for a while with a sentence, even the right one; other addresses are not affected', async () => {
  const server = await startApp({ instructorToken: TOKEN, guesses });
  try {
    const mallory = '127.0.7.7';
    const times: number[] = [];
    for (let i = 0; i < guesses.blockAfter; i++) {
      const started = performance.now();
      assert.equal(await refusal(server.client('/instructor', { token: `guess-${i}` }, mallory)), 'unauthorized');
      times.push(performance.now() - started);
    }
    assert.ok(
      times.slice(0, guesses.slowAfter).every((ms) => ms < 200),
      `first tries at once: ${times.map(Math.round)}`,
    );
    assert.ok(times.at(-1)! >= 500, `later tries slowed down: ${times.map(Math.round)}`);
    const barred = await refusal(server.client('/instructor', { token: TOKEN }, mallory));
    assert.match(barred, /^Too many wrong tries from your address: try again in (1 minute|\d+ seconds)\.$/);
    // The instructor, elsewhere, is let in at once.
    assert.equal(await refusal(server.client('/instructor', { token: TOKEN }, '127.0.7.8')), 'connected');
  } finally {
    await server.close();
  }
});

test('guessing class codes and instructor tokens count against one address; the staff room, a lesson, has an allowance of its own', async () => {
  const server = await startApp({ instructorToken: TOKEN, guesses, lessonGuesses: { ...guesses, blockAfter: 4 } });
  try {
    const mallory = '127.0.7.9';
    const answers: string[] = [];
    for (let i = 0; i < 3; i++)
      answers.push(await refusal(server.client(`/class/ZZZZZ${'23456789'[i]}/chat`, {}, mallory)));
    for (let i = 0; i < 3; i++)
      answers.push(await refusal(server.client('/instructor', { token: `guess-${i}` }, mallory)));
    assert.deepEqual(answers, [...Array(3).fill('unknown class'), ...Array(3).fill('unauthorized')]);
    assert.match(
      await refusal(server.client('/class/ZZZZZZ', { name: 'M', key: 'k'.repeat(20) }, mallory)),
      /^Too many wrong tries/,
    );
    // The staff room still answers that address, until its own allowance is spent.
    const staff = (token: string) => refusal(server.client('/namespaces-and-middleware/staff', { token }, mallory));
    for (let i = 0; i < 4; i++) assert.equal(await staff(`sesame-${i}`), 'That token does not open the staff room.');
    assert.match(await staff('let-me-in'), /^Too many wrong tries/);
    // A namespace without anything to guess is still open to that address.
    assert.equal(await refusal(server.client('/sockets-intro', {}, mallory)), 'connected');
  } finally {
    await server.close();
  }
});

test('an INSTRUCTOR_TOKEN shorter than 16 characters stops the server with a sentence', async () => {
  const child = spawn(process.execPath, ['src/server/index.ts'], {
    env: { ...process.env, PORT: '0', INSTRUCTOR_TOKEN: 'short-token' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const [code] = await once(child, 'exit');
  assert.equal(code, 1);
  assert.match(
    stderr,
    /INSTRUCTOR_TOKEN must be at least 16 characters long \(it has 11\): a shorter one can be guessed/,
  );
});

test('a burst of guesses in one write is not all checked before the first is counted: a few at a time, the rest refused at once', async () => {
  const server = await startApp({ instructorToken: TOKEN });
  try {
    const mallory = await rawClient(server.url, {}, '127.0.7.10');
    const codes = Array.from({ length: 100 }, (_, i) => `ZZ${String(i).padStart(4, '2').replace(/[01]/g, '3')}`);
    mallory.burst(codes.map((code) => `40/class/${code},{"name":"M","key":"mallory-key-0000001"}`));
    const answers = await Promise.all(codes.map((code) => mallory.next(`44/class/${code},`, 10_000)));
    const checked = answers.filter((a) => a.includes('unknown class')).length;
    const atOnce = answers.filter((a) => a.includes(TOO_MANY_AT_ONCE)).length;
    // No more codes checked than an address's allowance of wrong tries (a few at a time, of at most 16).
    assert.ok(checked > 0 && checked <= Math.min(MAX_TRIES_IN_FLIGHT, GUESSES.blockAfter), `${checked} codes checked`);
    assert.equal(checked + atOnce, codes.length);
    mallory.close();
  } finally {
    await server.close();
  }
});
