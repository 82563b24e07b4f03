import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { Socket } from 'socket.io-client';
import { CLOSED_TO_NEWCOMERS, type ClassState } from '../../src/shared/class-mode.ts';
import { nextEvent, nextMatching, type Running, SERVERS, startApp } from '../harness.ts';

const TOKEN = 'test-token-for-the-instructor';
const key = (n: number) => `student-key-${String(n).padStart(8, '0')}`;
// The instructor is on server A; `on` puts a student on A (0) or, with two servers, B (1).
const A = 0;
const B = 1;

/** Steering a class: a break, closing it to newcomers, the class list's live counts. */
for (const servers of SERVERS)
  describe(`steering a class ${servers.name}`, () => {
    let server: Running;
    let instructor: Socket;
    const there = servers.count === 2 ? B : A;

    beforeEach(async () => {
      server = await startApp({ instructorToken: TOKEN }, { servers: servers.count });
      instructor = await server.client('/instructor', { token: TOKEN }, undefined, A);
    });
    afterEach(() => server.close());

    async function createClass() {
      const answer = await instructor.emitWithAck('class:create', { title: 'Tuesday' });
      assert.equal(answer.ok, true);
      return answer.code as string;
    }
    /** A student's page in the class, once it has the class's state. */
    async function studentPage(code: string, name: string, n: number, on = there) {
      const page = server.open(`/class/${code}`, { name, key: key(n) }, undefined, on);
      const state = await nextEvent<ClassState>(page, 'class:state', 3000);
      return { page, state };
    }

    test('a break the instructor starts reaches every student with its end time, and ending it clears it', async () => {
      const code = await createClass();
      const { page: ada, state } = await studentPage(code, 'Ada', 1);
      assert.equal(state.breakTimer, null);
      const update = nextEvent<ClassState>(ada, 'class:state');
      const before = Date.now();
      const answer = await instructor.emitWithAck('class:break', { code, minutes: 5 });
      const { breakTimer, sentAt } = await update;
      assert.deepEqual(answer.state.breakTimer, breakTimer, 'the dashboard has the same break as the students');
      assert.equal(breakTimer?.minutes, 5);
      assert.ok(breakTimer!.endsAt >= before + 5 * 60_000 && breakTimer!.endsAt <= Date.now() + 5 * 60_000);
      assert.ok(Math.abs(sentAt - Date.now()) < 1000, 'the server says when it sent the state');

      const ended = nextEvent<ClassState>(ada, 'class:state');
      assert.equal((await instructor.emitWithAck('class:break', { code, minutes: null })).state.breakTimer, null);
      assert.equal((await ended).breakTimer, null);
    });

    test('a student who joins or reloads during a break sees it, on whichever server', async () => {
      const code = await createClass();
      await instructor.emitWithAck('class:break', { code, minutes: 10 });
      for (const on of [A, there]) {
        const { state } = await studentPage(code, `Late ${on}`, 10 + on, on);
        assert.equal(state.breakTimer?.minutes, 10);
      }
      const watched = await instructor.emitWithAck('class:watch', { code });
      assert.equal(watched.state.breakTimer.minutes, 10);
    });

    test('a break of no minutes, of hours, of a fraction or of words is refused with a sentence', async () => {
      const code = await createClass();
      for (const minutes of [0, 61, -5, 2.5, 1e300]) {
        assert.deepEqual(
          await instructor.emitWithAck('class:break', { code, minutes }),
          { ok: false, error: 'A break is 1 to 60 whole minutes.' },
          String(minutes),
        );
      }
      for (const minutes of ['5', true, { minutes: 5 }, undefined]) {
        assert.deepEqual(await instructor.emitWithAck('class:break', { code, minutes }), {
          ok: false,
          error: 'A break is a number of minutes, or null to end it.',
        });
      }
      assert.equal((await instructor.emitWithAck('class:break', { minutes: 5 })).ok, false);
      assert.deepEqual(await instructor.emitWithAck('class:break', { code: 'ZZZZZZ', minutes: 5 }), {
        ok: false,
        error: 'There is no open class with that code.',
      });
      const { state } = await studentPage(code, 'Ada', 1);
      assert.equal(state.breakTimer, null, 'nothing refused was kept');
    });

    test('a student cannot start a break or close the class', async () => {
      const code = await createClass();
      const { page: ada } = await studentPage(code, 'Ada', 1);
      assert.equal((await ada.emitWithAck('class:break', { code, minutes: 5 })).ok, false);
      assert.equal((await ada.emitWithAck('class:close-to-newcomers', { code, closed: true })).ok, false);
      const { state } = await studentPage(code, 'Bo', 2);
      assert.deepEqual([state.breakTimer, state.closedToNewcomers], [null, false]);
    });

    test('a class closed to newcomers refuses a new name at the handshake, on every server, with a sentence', async () => {
      const code = await createClass();
      const closing = await instructor.emitWithAck('class:close-to-newcomers', { code, closed: true });
      assert.equal(closing.state.closedToNewcomers, true);
      for (const on of [A, there]) {
        await assert.rejects(server.client(`/class/${code}`, { name: `New ${on}`, key: key(20 + on) }, undefined, on), {
          message: CLOSED_TO_NEWCOMERS,
        });
      }
      assert.deepEqual((await instructor.emitWithAck('class:watch', { code })).roster, [], 'nobody was added');
      assert.equal((await instructor.emitWithAck('class:close-to-newcomers', { code, closed: false })).ok, true);
      await server.client(`/class/${code}`, { name: 'New 0', key: key(20) }, undefined, there);
    });

    test('a student already on the roster gets back in while the class is closed; their name stays theirs', async () => {
      const code = await createClass();
      const { page: ada } = await studentPage(code, 'Ada', 1, A);
      ada.disconnect();
      const closedSeen = await instructor.emitWithAck('class:close-to-newcomers', { code, closed: true });
      assert.equal(closedSeen.ok, true);
      const { state } = await studentPage(code, 'Ada', 1, there); // her browser, on the other server
      assert.equal(state.closedToNewcomers, true);
      await server.client(`/class/${code}/chat`, { classKey: key(1) }, undefined, there); // and her demos
      await assert.rejects(server.client(`/class/${code}`, { name: 'ada', key: key(2) }, undefined, there), {
        message: 'That name is taken in this class: pick another.',
      });
    });

    test('closing to newcomers takes only true or false, and only for a class that is open', async () => {
      const code = await createClass();
      for (const closed of ['yes', 1, null, undefined]) {
        assert.deepEqual(await instructor.emitWithAck('class:close-to-newcomers', { code, closed }), {
          ok: false,
          error: 'Closed is true or false.',
        });
      }
      assert.equal(
        (await instructor.emitWithAck('class:close-to-newcomers', { code: 'ZZZZZZ', closed: true })).ok,
        false,
      );
      await server.client(`/class/${code}`, { name: 'Ada', key: key(1) }, undefined, there);
    });

    test('the class list hears each class’s student count as students join and are removed, from any server', async () => {
      const code = await createClass();
      const other = await createClass();
      const count = (n: number) =>
        nextMatching<{ code: string; students: number }>(
          instructor,
          'class:students',
          (c) => c.code === code && c.students === n,
          3000,
        );
      let heard = count(2);
      await server.client(`/class/${code}`, { name: 'Ada', key: key(1) }, undefined, A);
      await server.client(`/class/${code}`, { name: 'Bo', key: key(2) }, undefined, there);
      await server.client(`/class/${other}`, { name: 'Cy', key: key(3) }, undefined, there);
      assert.deepEqual(await heard, { code, students: 2 });
      heard = count(1);
      assert.deepEqual(await instructor.emitWithAck('class:remove-student', { code, name: 'Bo' }), { ok: true });
      assert.deepEqual(await heard, { code, students: 1 });
    });
  });
