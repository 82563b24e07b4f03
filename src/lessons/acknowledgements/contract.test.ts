import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { Socket } from 'socket.io-client';
import {
  CONTRACT_SERVERS,
  type ContractServer,
} from '../../../test/contract-harness.ts';
import { nextEvent } from '../../../test/events.ts';
import { type Client, NSP } from './test-helpers.ts';

// The lesson's contract: on Node against the companion app, and in a browser
// page against this lesson's own server.ts (e2e/fidelity.spec.ts).

for (const servers of CONTRACT_SERVERS) {
  describe(`acknowledgements ${servers.name}`, () => {
    let server: ContractServer;
    beforeEach(async () => {
      server = await servers.start();
    });
    afterEach(async () => {
      await server.close();
    });

    test('the server answers in the acknowledgement, after the delay the client asked for', async () => {
      const alice: Client = await server.client(NSP, { name: 'Alice' });
      const started = Date.now();
      const answer = await alice.emitWithAck('question:send', {
        text: 'why?',
        delayMs: 300,
      });
      assert.equal(answer.ok, true);
      assert.match(answer.ok ? answer.answer : '', /You asked "why\?"/);
      assert.ok(Date.now() - started >= 290 && answer.ok && answer.waitedMs >= 290);
    });

    test("a client's timeout fires before a slow answer; another client's quick question is not held up", async () => {
      const alice: Client = await server.client(NSP, { name: 'Alice' });
      const bob: Client = await server.client(NSP, { name: 'Bob' });
      const slow = alice
        .timeout(200)
        .emitWithAck('question:send', { text: 'slow', delayMs: 1000 });
      const quick = await bob.emitWithAck('question:send', {
        text: 'quick',
        delayMs: 0,
      });
      assert.equal(quick.ok, true);
      await assert.rejects(slow, /operation has timed out/);
    });

    test('with a timeout, the callback is error-first: (err, response)', async () => {
      const alice: Client = await server.client(NSP, { name: 'Alice' });
      const [err, reply] = await new Promise<[Error | null, unknown]>((resolve) =>
        (alice as unknown as Socket)
          .timeout(2000)
          .emit(
            'question:send',
            { text: 'hi', delayMs: 0 },
            (e: Error | null, r: unknown) => resolve([e, r]),
          ),
      );
      assert.equal(err, null);
      assert.equal((reply as { ok: boolean }).ok, true);
    });

    test('a question in flight fails as soon as the connection drops, not when its timeout ends', async () => {
      const alice: Client = await server.client(NSP, { name: 'Alice' });
      const started = Date.now();
      const pending = alice
        .timeout(5000)
        .emitWithAck('question:send', { text: 'slow', delayMs: 3000 });
      alice.io.engine.close(); // the network went away
      await assert.rejects(pending, /socket has been disconnected/);
      assert.ok(
        Date.now() - started < 1000,
        `rejected after ${Date.now() - started} ms`,
      );
    });

    test('the server asks a client and gets its answer; a client that does not answer times out on the server', async () => {
      const alice: Client = await server.client(NSP, { name: 'Alice' });
      alice.on('question:ask', (_question, answer) => answer({ answer: '7' }));
      assert.deepEqual(await alice.emitWithAck('question:request'), {
        ok: true,
        answer: '7',
      });

      const bob: Client = await server.client(NSP, { name: 'Bob' });
      bob.on('question:ask', () => {}); // hears the question, never answers
      const silent = await bob.timeout(5000).emitWithAck('question:request');
      assert.deepEqual(silent, {
        ok: false,
        error: 'The client did not answer within 3 seconds.',
      });
    });

    test('the server asks every client, whichever server it is on, and gets one answer from each', async () => {
      const alice: Client = await server.client(NSP, { name: 'Alice' });
      const bob: Client = await server.client(NSP, { name: 'Bob' }); // on the other server, when there are two
      alice.on('question:ask', (_question, answer) => answer({ answer: '7' }));
      bob.on('question:ask', (_question, answer) => answer({ answer: '8' }));
      const poll = await alice.timeout(5000).emitWithAck('question:poll');
      assert.equal(poll.ok, true);
      assert.deepEqual(poll.ok && [...poll.answers].sort(), ['7', '8']);
      assert.equal(poll.ok && poll.everyone, true);
    });

    test('a poll keeps the answers that came in time, and says that not everyone answered', async () => {
      const alice: Client = await server.client(NSP, { name: 'Alice' });
      const bob: Client = await server.client(NSP, { name: 'Bob' });
      alice.on('question:ask', (_question, answer) => answer({ answer: '7' }));
      const bobAsked = nextEvent(bob as unknown as Socket, 'question:ask'); // hears it, never answers
      const poll = await alice.timeout(5000).emitWithAck('question:poll');
      await bobAsked;
      assert.deepEqual(poll, { ok: true, answers: ['7'], everyone: false });
    });

    test('an answer that is not text is not passed on as text', async () => {
      const mallory: Client = await server.client(NSP, { name: 'Mallory' });
      mallory.on('question:ask', (_question, answer) =>
        (answer as unknown as (x: unknown) => void)({ answer: { evil: true } }),
      );
      assert.deepEqual(await mallory.emitWithAck('question:request'), {
        ok: true,
        answer: '(an answer without text)',
      });
      assert.deepEqual(await mallory.emitWithAck('question:poll'), {
        ok: true,
        answers: ['(an answer without text)'],
        everyone: true,
      });
    });
  });
}
