import assert from 'node:assert/strict';
import { DatabaseSync } from 'node:sqlite';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import type { Socket } from 'socket.io-client';
import { connectRedis, type RedisConnections } from '../../src/server/scale/redis.ts';
import { type HelpStore, sqliteHelpStore } from '../../src/server/storage/help-store.ts';
import { redisHelpStore } from '../../src/server/storage/redis-help-store.ts';
import { TOO_FAST } from '../../src/shared/acks.ts';
import type { HandState, RaisedHand, SharedCode } from '../../src/shared/class-help.ts';
import { connected, nextEvent, nextMatching, type Running, SERVERS, startApp } from '../harness.ts';
import { startRedis } from '../redis.ts';

const TOKEN = 'test-token-for-the-instructor';
const key = (n: number) => `student-key-${String(n).padStart(8, '0')}`;
const ada = { name: 'Ada', key: key(1) };
const bo = { name: 'Bo', key: key(2) };
const code = (text: string, exercise = 'count-clicks') => ({
  lesson: 'sockets-intro',
  exercise,
  title: 'Count the clicks',
  code: text,
});

for (const servers of SERVERS)
  describe(`raised hands and shared code ${servers.name}`, () => {
    let server: Running;
    let instructor: Socket;
    let classCode: string;

    beforeEach(async () => {
      server = await startApp({ instructorToken: TOKEN }, { servers: servers.count });
      // The instructor on the first server; students' first pages on the other one (with two).
      instructor = await server.client('/instructor', { token: TOKEN }, undefined, 0);
      classCode = (await instructor.emitWithAck('class:create', { title: 'Help' })).code;
      assert.equal((await instructor.emitWithAck('class:watch', { code: classCode })).ok, true);
    });
    afterEach(() => server.close());

    const last = servers.count - 1;
    /** A page of the student in the class (on the last server unless `on` says otherwise). */
    const page = (who: { name: string; key: string }, on = last, inClass = classCode) =>
      server.client(`/class/${inClass}`, who, undefined, on);
    const hands = async (): Promise<RaisedHand[]> => {
      const answer = await instructor.emitWithAck('hands:list', { code: classCode });
      assert.equal(answer.ok, true, answer.error);
      return answer.hands;
    };
    const handIs = (socket: Socket, wanted: Partial<HandState>) =>
      nextMatching<HandState>(socket, 'hand:state', (state) =>
        Object.entries(wanted).every(([k, v]) => state[k as keyof HandState] === v),
      );
    const viewCode = async (name: string, inClass = classCode): Promise<SharedCode[]> => {
      const answer = await instructor.emitWithAck('code:view', { code: inClass, name });
      assert.equal(answer.ok, true, answer.error);
      return answer.shared;
    };

    test("a student's raised hand reaches the instructor's list with her name, lesson and question", async () => {
      const page1 = await page(ada);
      page1.emit('student:where', { lesson: 'rooms', section: null });
      const noticed = nextEvent<{ code: string }>(instructor, 'hands:changed');
      assert.deepEqual(await page1.emitWithAck('hand:raise', { question: '  Why two rooms?  ' }), { ok: true });
      assert.deepEqual(await noticed, { code: classCode });
      const [hand, ...others] = await hands();
      assert.deepEqual(others, []);
      assert.deepEqual(
        { ...hand, raisedAt: typeof hand?.raisedAt },
        {
          name: 'Ada',
          lesson: 'rooms',
          question: 'Why two rooms?',
          raisedAt: 'number',
        },
      );
    });

    test('the list is oldest first, and raising again keeps her place with the new question', async () => {
      const [pageA, pageB] = [await page(ada), await page(bo)];
      await pageA.emitWithAck('hand:raise', {});
      await pageB.emitWithAck('hand:raise', { question: 'Stuck on step 2' });
      await pageA.emitWithAck('hand:raise', { question: 'Found it, one more thing' });
      assert.deepEqual(
        (await hands()).map((h) => [h.name, h.question]),
        [
          ['Ada', 'Found it, one more thing'],
          ['Bo', 'Stuck on step 2'],
        ],
      );
    });

    test("the instructor's answer takes the hand down and reaches every page of the student", async () => {
      const [first, second] = [await page(ada, last), await page(ada, 0)];
      await first.emitWithAck('hand:raise', { question: 'Help?' });
      const heard = [handIs(first, { answer: 'Look at line 3' }), handIs(second, { answer: 'Look at line 3' })];
      assert.deepEqual(
        await instructor.emitWithAck('hands:answer', { code: classCode, name: 'ada', reply: 'Look at line 3' }),
        { ok: true },
      );
      for (const state of await Promise.all(heard))
        assert.deepEqual(state, { raised: false, question: 'Help?', answer: 'Look at line 3' });
      assert.deepEqual(await hands(), []);
    });

    test('a hand answered without a reply tells the student the instructor is on the way (an empty answer)', async () => {
      const student = await page(ada);
      await student.emitWithAck('hand:raise', {});
      const heard = handIs(student, { answer: '' });
      await instructor.emitWithAck('hands:answer', { code: classCode, name: 'Ada' });
      assert.deepEqual(await heard, { raised: false, question: '', answer: '' });
    });

    test('a student lowers her hand from any of her pages, and the others hear it', async () => {
      const [first, second] = [await page(ada, last), await page(ada, 0)];
      await first.emitWithAck('hand:raise', {});
      const lowered = handIs(first, { raised: false });
      assert.deepEqual(await second.emitWithAck('hand:lower'), { ok: true });
      assert.deepEqual(await lowered, { raised: false, question: '', answer: null });
      assert.deepEqual(await hands(), []);
    });

    test('a page that opens later hears the hand as it is', async () => {
      const first = await page(ada);
      await first.emitWithAck('hand:raise', { question: 'Still here' });
      const later = server.open(`/class/${classCode}`, ada, undefined, 0);
      const state = nextEvent<HandState>(later, 'hand:state');
      await connected(later);
      assert.deepEqual(await state, { raised: true, question: 'Still here', answer: null });
    });

    test('a question over 140 characters, or with control characters, is refused and raises nothing', async () => {
      const student = await page(ada);
      for (const question of ['x'.repeat(141), 'hi\u0000there', 'ok\u202Eevil', 42]) {
        const answer = await student.emitWithAck('hand:raise', { question });
        assert.equal(answer.ok, false, JSON.stringify(question));
        assert.match(answer.error, /question/i);
      }
      assert.deepEqual(await hands(), []);
    });

    test('answering a hand that is not up, or in a class that is not open, is refused with a sentence', async () => {
      assert.deepEqual(await instructor.emitWithAck('hands:answer', { code: classCode, name: 'Bo' }), {
        ok: false,
        error: 'Bo has no hand up in this class.',
      });
      assert.deepEqual(await instructor.emitWithAck('hands:list', { code: 'ZZZZZZ' }), {
        ok: false,
        error: 'There is no open class with that code.',
      });
      assert.equal((await instructor.emitWithAck('hands:answer', { code: classCode, name: '' })).ok, false);
    });

    test("the instructor reads a student's latest code of an exercise, its title and when it changed", async () => {
      const student = await page(ada);
      assert.deepEqual(await student.emitWithAck('code:share', code('io.emit("increment")')), { ok: true });
      const before = Date.now();
      await student.emitWithAck('code:share', code('socket.emit("increment")'));
      const [latest, ...others] = await viewCode('ADA');
      assert.deepEqual(others, []);
      assert.equal(latest?.code, 'socket.emit("increment")');
      assert.equal(latest?.title, 'Count the clicks');
      assert.ok(latest!.updatedAt >= before && latest!.updatedAt <= Date.now());
    });

    test('a student keeps only the code of the exercises she edited last, newest first', async () => {
      const student = await page(ada);
      for (let i = 1; i <= 7; i++) await student.emitWithAck('code:share', code(`// ${i}`, `exercise-${i}`));
      assert.deepEqual(
        (await viewCode('Ada')).map((s) => s.exercise),
        ['exercise-7', 'exercise-6', 'exercise-5', 'exercise-4', 'exercise-3'],
      );
    });

    test('code over 12 KB is refused, in characters or in bytes, and nothing of it is kept', async () => {
      const student = await page(ada);
      for (const text of ['x'.repeat(12_001), '€'.repeat(4001)]) {
        const answer = await student.emitWithAck('code:share', code(text));
        assert.deepEqual(answer, { ok: false, error: 'At most 12 KB of code is shared with your instructor.' });
      }
      for (const hostile of [{ ...code('x'), lesson: '../../etc' }, { ...code('x'), exercise: 'a'.repeat(41) }, 'code'])
        assert.equal((await student.emitWithAck('code:share', hostile)).ok, false);
      assert.deepEqual(await student.emitWithAck('code:share', { ...code('x'), lesson: 'no-such-lesson' }), {
        ok: false,
        error: 'There is no lesson "no-such-lesson".',
      });
      assert.deepEqual(await viewCode('Ada'), []);
    });

    test("a message beyond the server's largest closes that page's connection, and nothing is kept", async () => {
      const student = await page(ada);
      const closed = nextEvent(student, 'disconnect');
      student.emit('code:share', code('x'.repeat(40_000)));
      await closed;
      assert.deepEqual(await viewCode('Ada'), []);
    });

    test("a page that names a classmate still shares its own student's code, and the classmate has none", async () => {
      const student = await page(ada);
      await page(bo);
      await student.emitWithAck('code:share', { ...code('mine'), name: 'Bo' });
      assert.deepEqual(await viewCode('Bo'), []);
      assert.equal((await viewCode('Ada'))[0]?.code, 'mine');
    });

    test("students cannot read anyone's code or the hands up: those events are the instructor's", async () => {
      const student = await page(ada);
      await (await page(bo)).emitWithAck('code:share', code('secret'));
      for (const [event, payload] of [
        ['code:view', { code: classCode, name: 'Bo' }],
        ['hands:list', { code: classCode }],
        ['hands:answer', { code: classCode, name: 'Bo' }],
      ] as const) {
        const answer = await student.emitWithAck(event, payload);
        assert.equal(answer.ok, false, event);
        assert.doesNotMatch(JSON.stringify(answer), /secret/);
      }
    });

    test("another class's hands and code stay in that class, even under the same name", async () => {
      const other = (await instructor.emitWithAck('class:create', {})).code as string;
      const inOther = await page({ name: 'Ada', key: key(9) }, last, other);
      await inOther.emitWithAck('code:share', code('the other Ada'));
      await inOther.emitWithAck('hand:raise', { question: 'elsewhere' });
      await page(ada);
      assert.deepEqual(await viewCode('Ada'), []);
      assert.deepEqual(await hands(), []);
      assert.equal((await viewCode('Ada', other))[0]?.code, 'the other Ada');
    });

    test("a removed student's hand and code go with her", async () => {
      const student = await page(ada);
      await student.emitWithAck('code:share', code('x'));
      await student.emitWithAck('hand:raise', {});
      assert.deepEqual(await instructor.emitWithAck('class:remove-student', { code: classCode, name: 'Ada' }), {
        ok: true,
      });
      assert.deepEqual(await hands(), []);
      assert.deepEqual(await viewCode('Ada'), []);
    });

    test('sharing code is limited like chat messages: a flood is refused', async () => {
      const student = await page(ada);
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) => student.emitWithAck('code:share', code(`// ${i}`))),
      );
      assert.ok(answers.some((a) => a.ok));
      assert.ok(answers.some((a) => !a.ok && a.error === TOO_FAST));
    });
  });

/** The bounds the stores keep, whichever holds them. */
describe('the help stores', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let connections: RedisConnections;
  before(async () => {
    redis = await startRedis();
    connections = await connectRedis(redis.url, { error() {}, warn() {}, info() {}, debug() {} } as never);
  });
  after(async () => {
    await Promise.all([connections.store.close(), connections.bus.close()]);
    await redis.stop();
  });
  const stores: [string, () => HelpStore][] = [
    ['SQLite', () => sqliteHelpStore(new DatabaseSync(':memory:'))],
    ['Redis', () => redisHelpStore(connections.store)],
  ];
  for (const [name, make] of stores) {
    test(`${name}: a class holds at most its limit of hands up, and a hand up may still change its question`, async () => {
      const store = make();
      const hand = (n: string, at: number) => ({ name: n, lesson: null, question: '', raisedAt: at });
      assert.equal(await store.raiseHand('BOUND1', hand('A', 1), 2), 'ok');
      assert.equal(await store.raiseHand('BOUND1', hand('B', 2), 2), 'ok');
      assert.equal(await store.raiseHand('BOUND1', hand('C', 3), 2), 'full');
      assert.equal(await store.raiseHand('BOUND1', { ...hand('A', 4), question: 'again' }, 2), 'ok');
      assert.deepEqual(
        (await store.raisedHands('BOUND1')).map((h) => [h.name, h.question, h.raisedAt]),
        [
          ['A', 'again', 1],
          ['B', '', 2],
        ],
      );
      await store.forgetClass('BOUND1');
      assert.deepEqual(await store.raisedHands('BOUND1'), []);
    });

    test(`${name}: an ended class's shared code is forgotten`, async () => {
      const store = make();
      const shared = { lesson: 'rooms', exercise: 'x', title: 'X', code: 'c', updatedAt: 1 };
      await store.shareCode('BOUND2', 'Ada', shared, 5);
      assert.equal((await store.sharedCode('BOUND2', 'ada')).length, 1);
      await store.forgetClass('BOUND2');
      assert.deepEqual(await store.sharedCode('BOUND2', 'Ada'), []);
    });
  }
});
