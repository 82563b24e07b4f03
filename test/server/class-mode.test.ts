import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import type { Socket } from 'socket.io-client';
import { silentLogger } from '../../src/server/log.ts';
import { RATES } from '../../src/server/plumbing/rate-limit.ts';
import { connectRedis } from '../../src/server/scale/redis.ts';
import type { ClassState, RosterEntry } from '../../src/shared/class-mode.ts';
import { collect, connected, nextEvent, type Running, settle, startApp, until } from '../harness.ts';
import { rawClient } from '../raw.ts';
import { startRedis, storeOnRedis } from '../redis.ts';

const TOKEN = 'test-token-for-the-instructor';
const key = (n: number) => `student-key-${String(n).padStart(8, '0')}`;

/** The same behaviour, whichever store holds the classes: SQLite for one process, Redis for several. */
for (const store of ['sqlite', 'redis'] as const)
  describe(`class mode (${store})`, () => {
    let server: Running;
    let instructor: Socket;
    let redis: Awaited<ReturnType<typeof startRedis>> | undefined;
    let closeRedis = async () => {};

    before(async () => {
      if (store === 'redis') redis = await startRedis();
    });
    after(async () => {
      await redis?.stop();
    });
    beforeEach(async () => {
      let options = {};
      if (redis) ({ options, close: closeRedis } = await storeOnRedis(redis.url));
      server = await startApp({ instructorToken: TOKEN, ...options });
      instructor = await server.client('/instructor', { token: TOKEN });
    });
    afterEach(async () => {
      await server.close();
      await closeRedis();
    });

    async function createClass(title?: string) {
      const answer = await instructor.emitWithAck('class:create', { title });
      assert.equal(answer.ok, true);
      return answer.code as string;
    }

    test('the instructor namespace refuses a wrong or missing token with "unauthorized"', async () => {
      await assert.rejects(server.client('/instructor', { token: 'guess' }), { message: 'unauthorized' });
      await assert.rejects(server.client('/instructor'), { message: 'unauthorized' });
    });

    test('class:create answers a 6-character code without look-alikes', async () => {
      for (let i = 0; i < 20; i++) assert.match(await createClass(), /^[A-HJ-NP-Z2-9]{6}$/);
      const list = await instructor.emitWithAck('class:list');
      assert.equal(list.classes.length, 20);
    });

    test('an unknown class code is refused with "unknown class" in every namespace', async () => {
      await assert.rejects(server.client('/class/ZZZZZZ', { name: 'Ada', key: key(1) }), { message: 'unknown class' });
      for (const slug of [
        'sockets-intro',
        'emit-vs-broadcast',
        'rooms',
        'chat',
        'namespaces-and-middleware/team-red',
      ]) {
        await assert.rejects(server.client(`/class/ZZZZZZ/${slug}`), { message: 'unknown class' });
      }
      // Refused codes leave no namespace behind (Socket.IO drops one as its refusal goes out).
      await until(() => !server.app.namespaces.names().some((name) => name.includes('ZZZZZZ')), 'no ZZZZZZ namespace');
    });

    test('a student cannot act as the instructor, whatever the page sends', async () => {
      const code = await createClass();
      const student = await server.client(`/class/${code}`, { name: 'Ada', key: key(1) });
      const forged = await student.emitWithAck('class:create', { title: 'mine' });
      assert.deepEqual(forged.ok, false);
      const demo = await server.client(`/class/${code}/sockets-intro`, { classKey: key(1) });
      assert.equal((await demo.emitWithAck('class:reset', { code, lesson: 'sockets-intro' })).ok, false);
      await assert.rejects(server.client('/instructor', { token: key(1) }), { message: 'unauthorized' });
      assert.equal((await instructor.emitWithAck('class:list')).classes.length, 1);
    });

    test('students join by name, unique in the class ignoring case; the same browser may come back', async () => {
      const code = await createClass();
      await server.client(`/class/${code}`, { name: 'Ada', key: key(1) });
      await assert.rejects(server.client(`/class/${code}`, { name: 'ADA', key: key(2) }), {
        message: 'That name is taken in this class: pick another.',
      });
      await server.client(`/class/${code}`, { name: 'Ada', key: key(1) }); // a second tab
      await assert.rejects(server.client(`/class/${code}`, { name: 'x'.repeat(25), key: key(3) }), {
        message: 'Your name can be at most 24 characters.',
      });
    });

    test('the roster reaches the dashboard as batched deltas: who, connected, on which lesson', async () => {
      const code = await createClass();
      const watched = await instructor.emitWithAck('class:watch', { code });
      assert.deepEqual(watched.roster, []);
      // Every delta until the roster holds all 30, Student 0 on rooms: then, far fewer deltas than arrivals.
      const seen: { changed: RosterEntry[] }[] = [];
      const latest = new Map<string, RosterEntry>();
      const started = Date.now();
      let listener = (_delta: { changed: RosterEntry[] }) => {};
      const complete = new Promise<void>((resolve) => {
        listener = (delta) => {
          seen.push(delta);
          for (const entry of delta.changed) latest.set(entry.name, entry);
          if (latest.size === 30 && latest.get('Student 0')?.lesson === 'rooms') resolve();
        };
        instructor.on('roster:delta', listener);
      });
      const students = await Promise.all(
        Array.from({ length: 30 }, (_, i) => server.client(`/class/${code}`, { name: `Student ${i}`, key: key(i) })),
      );
      students[0]!.emit('student:where', { lesson: 'rooms', section: 'joining-leaving-sending-to-a-room' });
      await complete;
      instructor.off('roster:delta', listener);
      // One delta a batch (250 ms) at most, however long the 30 arrivals took on a busy machine.
      const batches = Math.ceil((Date.now() - started) / 250) + 1;
      assert.ok(seen.length <= Math.min(batches, 10), `${seen.length} deltas for 30 arrivals in ${batches} batches`);
      const { activeAt, ...first } = latest.get('Student 0')!;
      assert.deepEqual(first, {
        name: 'Student 0',
        connected: true,
        lesson: 'rooms',
        section: 'joining-leaving-sending-to-a-room',
        progress: {},
      });
      assert.equal(typeof activeAt, 'number');

      const gone = nextEvent<{ changed: RosterEntry[] }>(instructor, 'roster:delta');
      students[1]!.disconnect();
      assert.deepEqual(
        (await gone).changed.map((e) => [e.name, e.connected]),
        [['Student 1', false]],
      );
    });

    test("a student's steps reach the roster and are kept, added to and never taken away; unknown lessons are dropped", async () => {
      const code = await createClass();
      await instructor.emitWithAck('class:watch', { code });
      const arrival = nextEvent(instructor, 'roster:delta', 3000);
      const ada = await server.client(`/class/${code}`, { name: 'Ada', key: key(1) });
      await arrival; // her arrival's delta
      const delta = nextEvent<{ changed: RosterEntry[] }>(instructor, 'roster:delta');
      const progress = { rooms: ['join', 'hello'], 'no-such-lesson': ['x'] };
      assert.deepEqual(await ada.emitWithAck('student:progress', { progress }), { ok: true });
      assert.deepEqual(
        (await delta).changed.map((e) => [e.name, e.progress]),
        [['Ada', { rooms: ['hello', 'join'] }]],
      );
      // A second window that knows less (or other steps) adds; it never takes a tick away.
      const more = nextEvent<{ changed: RosterEntry[] }>(instructor, 'roster:delta');
      await ada.emitWithAck('student:progress', { progress: { rooms: ['leave'], chat: ['join'] } });
      assert.deepEqual((await more).changed[0]!.progress, { rooms: ['hello', 'join', 'leave'], chat: ['join'] });
      const watched = await instructor.emitWithAck('class:watch', { code });
      assert.deepEqual(
        watched.roster.map((e: RosterEntry) => e.progress),
        [{ rooms: ['hello', 'join', 'leave'], chat: ['join'] }],
      );
      const bad = await ada.emitWithAck('student:progress', { progress: { rooms: 'join' } });
      assert.equal(bad.ok, false);
      assert.match(bad.error, /progress|array/i);
    });

    test("a student's page that knows none of their steps (storage cleared) gets back what the class kept", async () => {
      const code = await createClass();
      const laptop = await server.client(`/class/${code}`, { name: 'Ada', key: key(1) });
      await laptop.emitWithAck('student:progress', { progress: { rooms: ['join'] } });
      // The same student (the same key: the browser's) on a page opened later.
      const later = server.open(`/class/${code}`, { name: 'Ada', key: key(1) });
      const kept = await nextEvent<{ progress: Record<string, string[]> }>(later, 'student:progress', 3000);
      assert.deepEqual(kept.progress, { rooms: ['join'] });
    });

    test('a page that makes steps up keeps at most 40 a lesson: what the class keeps of a student is bounded', async () => {
      const code = await createClass();
      const ada = await server.client(`/class/${code}`, { name: 'Ada', key: key(1) });
      for (let round = 0; round < 4; round++) {
        const steps = Array.from({ length: 40 }, (_, i) => `made-up-${round}-${i}`);
        await ada.emitWithAck('student:progress', { progress: { rooms: steps } });
      }
      const watched = await instructor.emitWithAck('class:watch', { code });
      assert.equal(watched.roster[0].progress.rooms.length, 40);
    });

    if (store === 'redis')
      test("a student's two windows on two processes each add their steps, and neither loses the other's", async () => {
        const code = await createClass();
        // A second process on the same Redis: the student's other window lands there.
        const shared = await connectRedis(redis!.url, silentLogger);
        const other = await startApp({ instructorToken: TOKEN, redis: shared });
        try {
          const here = await server.client(`/class/${code}`, { name: 'Ada', key: key(1) });
          const there = await other.client(`/class/${code}`, { name: 'Ada', key: key(1) });
          await here.emitWithAck('student:progress', { progress: { rooms: ['join'] } });
          await there.emitWithAck('student:progress', { progress: { rooms: ['hello'] } });
          const later = other.open(`/class/${code}`, { name: 'Ada', key: key(1) }); // where the last write came from
          const kept = await nextEvent<{ progress: Record<string, string[]> }>(later, 'student:progress', 3000);
          assert.deepEqual(kept.progress, { rooms: ['hello', 'join'] });
        } finally {
          await other.close();
          await Promise.all([shared.store.close(), shared.bus.close()]);
        }
      });

    /** Two students in each class, Ada and Bo: what a lesson namespace of the class needs to let a socket in. */
    async function studentsOf(code: string, first: number) {
      await server.client(`/class/${code}`, { name: 'Ada', key: key(first) });
      await server.client(`/class/${code}`, { name: 'Bo', key: key(first + 1) });
      return { ada: { classKey: key(first) }, bo: { classKey: key(first + 1) } };
    }

    test('classes are isolated from each other and from the public space, in every lesson', async () => {
      const [a, b] = [await createClass('A'), await createClass('B')];
      const spaces = ['', `/class/${a}`, `/class/${b}`];
      const members = [{ ada: {}, bo: {} }, await studentsOf(a, 1), await studentsOf(b, 3)];
      const as = (who: 'ada' | 'bo', i: number) => members[i]![who];
      // sockets-intro: each space counts on its own.
      // Each has the count it gets on connect: what comes next is a change.
      const counters = await Promise.all(
        spaces.map(async (space, i) => {
          const counter = server.open(`${space}/sockets-intro`, as('ada', i));
          await nextEvent(counter, 'number:change', 3000);
          return counter;
        }),
      );
      const counts = counters.map((c) => collect<number>(c, 'number:change', 200));
      await counters[1]!.emitWithAck('increment');
      assert.deepEqual(await Promise.all(counts), [[], [1], []]);

      // emit-vs-broadcast: io.emit reaches its own space only.
      const emitters = await Promise.all(
        spaces.map((space, i) => server.client(`${space}/emit-vs-broadcast`, { name: 'X', ...as('ada', i) })),
      );
      await settle();
      const heard = emitters.map((c) => collect(c, 'message', 200));
      await emitters[2]!.emitWithAck('emit:all', { text: 'only class B' });
      assert.deepEqual(
        (await Promise.all(heard)).map((m) => m.length),
        [0, 0, 1],
      );

      // rooms: a room in class A is not on the map of the others.
      const roomers = await Promise.all(spaces.map((space, i) => server.client(`${space}/rooms`, as('ada', i))));
      await settle();
      // The map goes out once things are quiet after a change (a fifth of a second): wait past that.
      const maps = roomers.map((c) => collect<{ room: string }[]>(c, 'IO_SERVER_ROOMS', 700));
      await roomers[1]!.emitWithAck('IO_CLIENT_JOIN_ROOM', 'red');
      const sawRed = (await Promise.all(maps)).map((seen) => seen.some((map) => map.some((r) => r.room === 'red')));
      assert.deepEqual(sawRed, [false, true, false]);

      // chat: the same name in the same room, in three spaces, three different chats.
      const chatters = await Promise.all(spaces.map((space, i) => server.client(`${space}/chat`, as('ada', i))));
      for (const c of chatters) assert.equal((await c.emitWithAck('join', { name: 'Ada', room: 'lobby' })).ok, true);
      const listeners = await Promise.all(spaces.map((space, i) => server.client(`${space}/chat`, as('bo', i))));
      for (const c of listeners) assert.equal((await c.emitWithAck('join', { name: 'Bo', room: 'lobby' })).ok, true);
      await settle();
      const messages = listeners.map((c) => collect(c, 'message', 200));
      await chatters[0]!.emitWithAck('sendMessage', 'public only');
      assert.deepEqual(
        (await Promise.all(messages)).map((m) => m.length),
        [1, 0, 0],
      );

      // namespaces-and-middleware: the namespaces under a lesson belong to their space too.
      const staff = await Promise.all(
        spaces.map((space, i) =>
          server.client(`${space}/namespaces-and-middleware/staff`, { token: 'let-me-in', ...as('ada', i) }),
        ),
      );
      await settle();
      const notes = staff.map((c) => collect(c, 'note:new', 200));
      await staff[1]!.emitWithAck('note:post', { text: 'class A staff only' });
      assert.deepEqual(
        (await Promise.all(notes)).map((m) => m.length),
        [0, 1, 0],
      );
    });

    test("a class's count outlives a moment with nobody on the lesson", async () => {
      const code = await createClass();
      await server.client(`/class/${code}`, { name: 'Ada', key: key(1) });
      const first = await server.client(`/class/${code}/sockets-intro`, { classKey: key(1) });
      await first.emitWithAck('increment');
      first.disconnect(); // the last one out: Socket.IO drops the namespace
      const dropped = `/class/${code}/sockets-intro`;
      await until(() => !server.app.namespaces.has(dropped), 'the namespace dropped');
      const later = server.open(`/class/${code}/sockets-intro`, { classKey: key(1) });
      assert.equal(await nextEvent<number>(later, 'number:change'), 1);
    });

    test("reset brings a class's counter back to 0 and leaves the public count alone", async () => {
      const code = await createClass();
      const student = await server.client(`/class/${code}`, { name: 'Ada', key: key(1) });
      const inClass = await server.client(`/class/${code}/sockets-intro`, { classKey: key(1) });
      const inPublic = await server.client('/sockets-intro');
      await inClass.emitWithAck('increment');
      await inClass.emitWithAck('increment');
      await inPublic.emitWithAck('increment');
      await settle(); // a broadcast may trail its ack (with Redis it goes round the stream)
      const publicCount = await new Promise<number>((resolve) => {
        inPublic.once('number:change', resolve);
        inPublic.emit('increment');
      });

      const notice = nextEvent<{ lesson: string }>(student, 'class:reset');
      const dropped = nextEvent<string>(inClass, 'disconnect');
      assert.deepEqual(await instructor.emitWithAck('class:reset', { code, lesson: 'sockets-intro' }), { ok: true });
      assert.deepEqual(await notice, { lesson: 'sockets-intro' });
      assert.equal(await dropped, 'io server disconnect');

      const fresh = nextEvent<number>(inClass, 'number:change');
      inClass.connect();
      assert.equal(await fresh, 0);
      const again = nextEvent<number>(inPublic, 'number:change');
      inPublic.emit('increment');
      assert.equal(await again, publicCount + 1);
    });

    test("reset clears the class's chat history, and only the class's", async () => {
      const code = await createClass();
      const { ada, bo } = await studentsOf(code, 1);
      const inClass = await server.client(`/class/${code}/chat`, ada);
      const inPublic = await server.client('/chat');
      for (const chatter of [inClass, inPublic]) {
        await chatter.emitWithAck('join', { name: 'Ada', room: 'lobby' });
        await chatter.emitWithAck('sendMessage', 'remember me');
      }
      assert.deepEqual(await instructor.emitWithAck('class:reset', { code, lesson: 'chat' }), { ok: true });
      const later = await server.client(`/class/${code}/chat`, bo);
      assert.deepEqual((await later.emitWithAck('join', { name: 'Bo', room: 'lobby' })).history, []);
      const publicLater = await server.client('/chat');
      const history = (await publicLater.emitWithAck('join', { name: 'Bo', room: 'lobby' })).history;
      assert.ok(history.some((m: { text: string }) => m.text === 'remember me'));
    });

    test('follow-me, announcements and the chat lock reach the students as class state', async () => {
      const code = await createClass('Tuesday');
      const student = server.open(`/class/${code}`, { name: 'Ada', key: key(1) });
      const first = await nextEvent<ClassState>(student, 'class:state');
      assert.deepEqual(first, {
        code,
        title: 'Tuesday',
        follow: null,
        announcement: null,
        chatLocked: false,
        breakTimer: null,
        closedToNewcomers: false,
        sentAt: first.sentAt,
      });

      let update = nextEvent<ClassState>(student, 'class:state');
      await instructor.emitWithAck('class:follow', { code, lesson: 'rooms', section: 'rooms-live-on-the-server' });
      assert.deepEqual((await update).follow, { lesson: 'rooms', section: 'rooms-live-on-the-server' });
      assert.equal((await instructor.emitWithAck('class:follow', { code, lesson: 'nope' })).ok, false);

      update = nextEvent<ClassState>(student, 'class:state');
      await instructor.emitWithAck('class:announce', { code, text: 'Break until 11:00' });
      assert.equal((await update).announcement?.text, 'Break until 11:00');

      const chatter = await server.client(`/class/${code}/chat`, { classKey: key(1) });
      await chatter.emitWithAck('join', { name: 'Ada', room: 'lobby' });
      await instructor.emitWithAck('class:lock-chat', { code, locked: true });
      assert.deepEqual(await chatter.emitWithAck('sendMessage', 'hello?'), {
        ok: false,
        error: 'The instructor has paused the chat for now.',
      });
      await instructor.emitWithAck('class:lock-chat', { code, locked: false });
      assert.equal((await chatter.emitWithAck('sendMessage', 'hello!')).ok, true);
    });

    test('a removed student is told why, disconnected everywhere, and cannot come back', async () => {
      const code = await createClass();
      const ada = await server.client(`/class/${code}`, { name: 'Ada', key: key(1) });
      const demo = await server.client(`/class/${code}/rooms`, { classKey: key(1) });
      const bo = await server.client(`/class/${code}`, { name: 'Bo', key: key(2) });
      const told = nextEvent<{ reason: string }>(ada, 'class:removed');
      const demoDropped = nextEvent(demo, 'disconnect');
      assert.deepEqual(await instructor.emitWithAck('class:remove-student', { code, name: 'ada' }), { ok: true });
      assert.match((await told).reason, /removed you/);
      await demoDropped;
      assert.equal(bo.connected, true);
      await assert.rejects(server.client(`/class/${code}`, { name: 'Ada', key: key(1) }), {
        message: 'removed from class',
      });
      await assert.rejects(server.client(`/class/${code}/rooms`, { classKey: key(1) }), {
        message: 'removed from class',
      });
      await assert.rejects(server.client(`/class/${code}/namespaces-and-middleware/team-red`, { classKey: key(1) }), {
        message: 'removed from class',
      });
      assert.equal((await instructor.emitWithAck('class:remove-student', { code, name: 'Nobody' })).ok, false);
    });

    test('ending a class tells its students and closes it', async () => {
      const code = await createClass();
      const ada = await server.client(`/class/${code}`, { name: 'Ada', key: key(1) });
      const ended = nextEvent<{ reason: string }>(ada, 'class:ended');
      assert.deepEqual(await instructor.emitWithAck('class:end', { code }), { ok: true });
      assert.match((await ended).reason, /ended the class/);
      await assert.rejects(server.client(`/class/${code}/chat`), { message: 'unknown class' });
      assert.equal((await instructor.emitWithAck('class:watch', { code })).ok, false);
    });

    test("a class's demos are its students' only: no key, a made-up key or a classmate's name gets nobody in as anybody", async () => {
      const code = await createClass();
      const { ada } = await studentsOf(code, 1);
      // A stranger, without a key or with one of their own making.
      for (const auth of [
        {},
        { name: 'Bo' },
        { classKey: key(99), name: 'Bo' },
        { classKey: 42 },
        { classKey: 'x'.repeat(500) },
      ]) {
        await assert.rejects(server.client(`/class/${code}/emit-vs-broadcast`, auth), {
          message: /for its students: join the class first/,
        });
      }
      // A student who says they are Bo is still Ada, there and in the chat.
      const emitter = await server.client(`/class/${code}/emit-vs-broadcast`, { ...ada, name: 'Bo' });
      const echo = nextEvent<{ from: { name: string } }>(emitter, 'message');
      await emitter.emitWithAck('emit:self', { text: 'who am I?' });
      assert.equal((await echo).from.name, 'Ada');
      const chatter = await server.client(`/class/${code}/chat`, ada);
      assert.deepEqual(await chatter.emitWithAck('join', { name: 'Bo', room: 'lobby' }), {
        ok: false,
        error: 'In this class you are Ada: use that name.',
      });
      assert.deepEqual(
        await chatter.emitWithAck('join', { name: 'Аda', room: 'lobby' }).then((a) => a.ok),
        true,
        'a look-alike of her own name is hers',
      );
    });

    test('many students from one address share its allowance: made-up classmates buy no extra messages', async () => {
      const code = await createClass();
      const from = '127.0.41.41';
      const chatters: Socket[] = [];
      for (let i = 0; i < 4; i++) {
        await server.client(`/class/${code}`, { name: `Sock${i}`, key: key(200 + i) }, from);
        const chatter = await server.client(`/class/${code}/chat`, { classKey: key(200 + i) }, from);
        assert.equal((await chatter.emitWithAck('join', { name: `Sock${i}`, room: 'puppets' })).ok, true);
        chatters.push(chatter);
      }
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) => chatters[i % 4]!.emitWithAck('sendMessage', `hi ${i}`)),
      );
      assert.equal(
        answers.filter((a) => a.ok).length,
        RATES.message.burst - 4,
        'one allowance, of which the four joins took four',
      );
    });

    test("a student still hears her removal after a stranger's trick has taken her namespace out of Socket.IO's list", async () => {
      const code = await createClass();
      const troll = await rawClient(server.url, {}, '127.0.31.31');
      // One read: a CONNECT refused at once (it drops the empty namespace) and one let in (into the dropped one).
      troll.burst([`40/class/${code},{}`, `40/class/${code},${JSON.stringify({ name: 'Troll', key: key(66) })}`]);
      await troll.next(`40/class/${code},{"sid"`);
      const ada = await server.client(`/class/${code}`, { name: 'Ada', key: key(1) });
      troll.send(`41/class/${code},`); // the dropped namespace empties, and takes the name of Ada's with it
      await settle();
      const told = nextEvent<{ reason: string }>(ada, 'class:removed');
      const dropped = nextEvent(ada, 'disconnect');
      assert.deepEqual(await instructor.emitWithAck('class:remove-student', { code, name: 'Ada' }), { ok: true });
      assert.match((await told).reason, /removed you/);
      await dropped;
      troll.close();
    });

    test('a removed student stays out under that name, from a fresh browser too, until the instructor lets them back in', async () => {
      const code = await createClass();
      await studentsOf(code, 1);
      assert.deepEqual(await instructor.emitWithAck('class:remove-student', { code, name: 'Ada' }), { ok: true });
      for (const name of ['Ada', 'ADA', 'Аda']) {
        await assert.rejects(
          server.client(`/class/${code}`, { name, key: key(50) }),
          { message: 'removed from class' },
          name,
        );
      }
      assert.deepEqual((await instructor.emitWithAck('class:watch', { code })).removed, ['Ada']);
      assert.equal(
        (await instructor.emitWithAck('class:readmit', { code, name: 'Bo' })).ok,
        false,
        'Bo was never removed',
      );
      assert.deepEqual(await instructor.emitWithAck('class:readmit', { code, name: 'ada' }), { ok: true });
      assert.deepEqual((await instructor.emitWithAck('class:watch', { code })).removed, []);
      await server.client(`/class/${code}`, { name: 'Ada', key: key(1) }); // her own browser again
      await server.client(`/class/${code}/rooms`, { classKey: key(1) });
    });
  });

test('classes and their rosters survive a restart of the server', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'workshop-'));
  try {
    let server = await startApp({ instructorToken: TOKEN, dataDir });
    const instructor = await server.client('/instructor', { token: TOKEN });
    const { code } = await instructor.emitWithAck('class:create', { title: 'Kept' });
    await server.client(`/class/${code}`, { name: 'Ada', key: key(1) });
    await server.close();

    server = await startApp({ instructorToken: TOKEN, dataDir });
    const again = await server.client('/instructor', { token: TOKEN });
    const watched = await again.emitWithAck('class:watch', { code });
    assert.equal(watched.state.title, 'Kept');
    assert.deepEqual(
      watched.roster.map((e: RosterEntry) => [e.name, e.connected]),
      [['Ada', false]],
    );
    // Ada's browser still holds her name; another browser cannot take it.
    await server.client(`/class/${code}`, { name: 'Ada', key: key(1) });
    await assert.rejects(server.client(`/class/${code}`, { name: 'ada', key: key(2) }), { message: /taken/ });
    await server.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('an idle class ends by itself', async () => {
  const server = await startApp({ instructorToken: TOKEN, classIdleMs: 200 });
  try {
    const instructor = await server.client('/instructor', { token: TOKEN });
    const { code } = await instructor.emitWithAck('class:create', {});
    const student = await server.client(`/class/${code}`, { name: 'Ada', key: key(1) });
    student.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 700));
    await assert.rejects(connected(server.open(`/class/${code}`, { name: 'Ada', key: key(1) })), {
      message: 'unknown class',
    });
  } finally {
    await server.close();
  }
});
