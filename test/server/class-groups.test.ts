import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { Socket } from 'socket.io-client';
import type { RosterEntry } from '../../src/shared/class-mode.ts';
import { collect, nextEvent, nextMatching, type Running, SERVERS, settle, startApp, until } from '../harness.ts';

const TOKEN = 'test-token-for-the-instructor';
const key = (n: number) => `student-key-${String(n).padStart(8, '0')}`;
const NAMES = ['Ada', 'Bo', 'Cy', 'Di'];

for (const servers of SERVERS)
  describe(`groups in a class ${servers.name}`, () => {
    let server: Running;
    let instructor: Socket;
    let code: string;

    beforeEach(async () => {
      server = await startApp({ instructorToken: TOKEN }, { servers: servers.count });
      instructor = await server.client('/instructor', { token: TOKEN });
      code = (await instructor.emitWithAck('class:create', { title: 'Groups' })).code;
    });
    afterEach(() => server.close());

    /** Students on their class page (Ada, Bo, Cy, Di by default), each hearing their group on joining. */
    async function join(names = NAMES, first = 1) {
      return Promise.all(
        names.map(async (name, i) => {
          const page = server.open(`/class/${code}`, { name, key: key(first + i) });
          const group = await nextEvent<{ group: number | null }>(page, 'class:group', 3000);
          return { name, page, classKey: key(first + i), group: group.group };
        }),
      );
    }
    type Student = Awaited<ReturnType<typeof join>>[number];
    const groupOf = (student: Student) => `/class/${code}~${student.group}`;

    /** Splits the class, and waits until every page has heard its new group. */
    async function split(students: Student[], payload: object) {
      const heard = students.map((s) =>
        nextEvent<{ group: number | null }>(s.page, 'class:group', 3000).then(({ group }) => (s.group = group)),
      );
      const answer = await instructor.emitWithAck('class:split', { code, ...payload });
      assert.equal(answer.ok, true, answer.error);
      await Promise.all(heard);
      return answer;
    }

    /** A counter of sockets-intro in `space`, once it has the count it gets on connect. */
    async function counterIn(space: string, student: Student) {
      const counter = server.open(`${space}/sockets-intro`, { classKey: student.classKey });
      await nextEvent(counter, 'number:change', 3000);
      return counter;
    }

    test('before a split, a student hears no group and the class demos are shared as before', async () => {
      const [ada, bo] = await join(['Ada', 'Bo']);
      assert.equal(ada!.group, null);
      const counters = [await counterIn(`/class/${code}`, ada!), await counterIn(`/class/${code}`, bo!)];
      const heard = nextEvent(counters[1]!, 'number:change', 3000);
      await counters[0]!.emitWithAck('increment');
      assert.equal(await heard, 1);
    });

    test('students split into 2 groups are dealt evenly, each page told its group', async () => {
      const students = await join();
      const answer = await split(students, { groups: 2 });
      assert.equal(answer.groups, 2);
      assert.deepEqual(
        students.map((s) => s.group),
        [1, 2, 1, 2],
      );
    });

    test("students in different groups do not see each other's counter; students in the same group do", async () => {
      const students = await join();
      await split(students, { groups: 2 });
      const [ada, bo, cy] = students as [Student, Student, Student];
      const counters = await Promise.all([ada, bo, cy].map((s) => counterIn(groupOf(s), s)));
      const seen = counters.map((c) => collect<number>(c, 'number:change', 400));
      await counters[0]!.emitWithAck('increment'); // Ada, group 1
      assert.deepEqual(await Promise.all(seen), [[1], [], [1]]);
      // Bo's group counts from its own 0: Ada's click is not in it.
      const bos = nextEvent<number>(counters[1]!, 'number:change', 3000);
      await counters[1]!.emitWithAck('increment');
      assert.equal(await bos, 1);
    });

    test("a group's client list holds its own students only, each named after its owner", async () => {
      const students = await join();
      await split(students, { groups: 2 });
      const [ada, bo, cy] = students as [Student, Student, Student];
      const lists = (socket: Socket) =>
        nextMatching<{ name: string }[]>(socket, 'clients', (l) => l.length === 3, 3000);
      const adaFirst = server.open(`${groupOf(ada)}/emit-vs-broadcast`, { classKey: ada.classKey });
      const list = lists(adaFirst);
      server.open(`${groupOf(ada)}/emit-vs-broadcast`, { classKey: ada.classKey, client: 2 });
      server.open(`${groupOf(cy)}/emit-vs-broadcast`, { classKey: cy.classKey });
      const boList = collect<{ name: string }[]>(
        server.open(`${groupOf(bo)}/emit-vs-broadcast`, { classKey: bo.classKey }),
        'clients',
        500,
      );
      assert.deepEqual((await list).map((c) => c.name).sort(), ['Ada', "Ada's client 2", 'Cy']);
      // However many lists Bo gets (one on arrival, another once things settle), each holds Bo alone.
      const boLists = (await boList).map((l) => l.map((c) => c.name));
      assert.ok(boLists.length >= 1, 'Bo got no client list');
      assert.deepEqual(new Set(boLists.map((l) => JSON.stringify(l))), new Set(['["Bo"]']));
    });

    test("a student cannot connect to another group's demo, nor to a group the class does not have", async () => {
      const students = await join();
      const [ada] = students as [Student];
      await assert.rejects(server.client(`/class/${code}~1/sockets-intro`, { classKey: ada.classKey }), {
        message: 'This class is not split into groups: its demos are the whole class’s.',
      });
      await split(students, { groups: 2 });
      await assert.rejects(server.client(`/class/${code}~2/sockets-intro`, { classKey: ada.classKey }), {
        message: 'That is group 2’s demo; you are in group 1.',
      });
      await assert.rejects(server.client(`/class/${code}~3/rooms`, { classKey: ada.classKey }), {
        message: 'There is no group 3 in this class.',
      });
      // Without a key of the class, nobody is told anything about its groups.
      await assert.rejects(server.client(`/class/${code}~1/sockets-intro`, { classKey: key(99) }), {
        message: /join the class first/,
      });
      await assert.rejects(server.client(`/class/${code}~0/sockets-intro`, { classKey: ada.classKey }), {
        message: 'Invalid namespace',
      });
      // The namespaces under a lesson have their group's too.
      await server.client(`${groupOf(ada)}/namespaces-and-middleware/staff`, {
        token: 'let-me-in',
        classKey: ada.classKey,
      });
      await assert.rejects(
        server.client(`/class/${code}~2/namespaces-and-middleware/staff`, {
          token: 'let-me-in',
          classKey: ada.classKey,
        }),
        { message: 'That is group 2’s demo; you are in group 1.' },
      );
    });

    test("once the class is split, the whole class's demos are closed and refused: students of two groups cannot meet there", async () => {
      const students = await join(['Ada', 'Bo']);
      const [ada, bo] = students as [Student, Student];
      const before = await counterIn(`/class/${code}`, bo);
      const closed = new Promise((resolve) => {
        before.once('disconnect', resolve);
        setTimeout(() => resolve('still connected after 3 s'), 3000);
      });
      await split(students, { groups: 2 });
      assert.equal(await closed, 'io server disconnect');
      await assert.rejects(server.client(`/class/${code}/sockets-intro`, { classKey: ada.classKey }), {
        message: `Your class is in groups: your demos are group ${ada.group}’s.`,
      });
    });

    test("moving a student tells their page, closes their old group's demo, and lets them into the new one", async () => {
      const students = await join();
      await split(students, { groups: 2 });
      const ada = students[0]!;
      const old = await counterIn(groupOf(ada), ada);
      const told = nextEvent<{ group: number }>(ada.page, 'class:group', 3000);
      const closed = nextEvent(old, 'disconnect', 3000);
      assert.deepEqual(await instructor.emitWithAck('class:move-student', { code, name: 'ada', group: 2 }), {
        ok: true,
      });
      assert.deepEqual(await told, { group: 2 });
      assert.equal(await closed, 'io server disconnect');
      await counterIn(`/class/${code}~2`, ada);
      await assert.rejects(server.client(`/class/${code}~1/sockets-intro`, { classKey: ada.classKey }), {
        message: 'That is group 1’s demo; you are in group 2.',
      });
    });

    test('a student who joins after the split goes to the smallest group', async () => {
      const students = await join(['Ada', 'Bo', 'Cy']);
      await split(students, { groups: 2 }); // Ada 1, Bo 2, Cy 1
      const [di] = await join(['Di'], 10);
      assert.equal(di!.group, 2);
    });

    test('a split by size makes as many groups as it takes; ungrouping brings everyone back to the class', async () => {
      const students = await join();
      assert.equal((await split(students, { size: 3 })).groups, 2);
      const back = students.map((s) => nextEvent<{ group: number | null }>(s.page, 'class:group', 3000));
      assert.deepEqual(await instructor.emitWithAck('class:ungroup', { code }), { ok: true });
      assert.deepEqual(
        (await Promise.all(back)).map((g) => g.group),
        [null, null, null, null],
      );
      await assert.rejects(server.client(`/class/${code}~1/sockets-intro`, { classKey: students[0]!.classKey }), {
        message: /not split into groups/,
      });
    });

    test('the roster shows each student in their group', async () => {
      const students = await join(['Ada', 'Bo']);
      await instructor.emitWithAck('class:watch', { code });
      const delta = nextMatching<{ changed: RosterEntry[] }>(
        instructor,
        'roster:delta',
        (d) => d.changed.length === 2 && d.changed.every((e) => e.group),
        3000,
      );
      await split(students, { groups: 2 });
      assert.deepEqual((await delta).changed.map((e) => [e.name, e.group]).sort(), [
        ['Ada', 1],
        ['Bo', 2],
      ]);
      const watched = await instructor.emitWithAck('class:watch', { code });
      assert.equal(watched.groups, 2);
      assert.deepEqual(watched.roster.map((e: RosterEntry) => [e.name, e.group]).sort(), [
        ['Ada', 1],
        ['Bo', 2],
      ]);
    });

    test("reset brings every group's counter back to 0", async () => {
      const students = await join(['Ada', 'Bo']);
      await split(students, { groups: 2 });
      const bo = students[1]!;
      const counter = await counterIn(groupOf(bo), bo);
      await counter.emitWithAck('increment');
      assert.equal((await instructor.emitWithAck('class:reset', { code, lesson: 'sockets-intro' })).ok, true);
      const again = server.open(`${groupOf(bo)}/sockets-intro`, { classKey: bo.classKey });
      assert.equal(await nextEvent(again, 'number:change', 3000), 0);
    });

    test('a split or a move the server cannot do is refused with a sentence, and changes nothing', async () => {
      const students = await join(['Ada', 'Bo']);
      for (const [payload, error] of [
        [{ code, groups: 51 }, 'At most 50 groups.'],
        [{ code, groups: 1 }, 'Split into at least 2 groups.'],
        [{ code, groups: 2, size: 3 }, 'Give a number of groups or a group size, not both.'],
        [{ code }, 'Give a number of groups or a group size, not both.'],
        [{ code, groups: '2' }, 'A group is a number.'],
        [{ code, size: 0.5 }, 'A group size is a whole number.'],
      ] as const) {
        const answer = await instructor.emitWithAck('class:split', payload);
        assert.equal(answer.ok, false);
        assert.match(answer.error, new RegExp(error.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      }
      assert.deepEqual(await instructor.emitWithAck('class:move-student', { code, name: 'Ada', group: 1 }), {
        ok: false,
        error: 'The class is not split into groups.',
      });
      await split(students, { groups: 2 });
      assert.deepEqual(await instructor.emitWithAck('class:move-student', { code, name: 'Ada', group: 3 }), {
        ok: false,
        error: 'There is no group 3: the class has 2.',
      });
      assert.deepEqual(await instructor.emitWithAck('class:move-student', { code, name: 'Zed', group: 1 }), {
        ok: false,
        error: 'There is no student called Zed in this class.',
      });
      // A student's own page cannot split its class.
      assert.equal((await students[0]!.page.emitWithAck('class:split', { code, groups: 2 })).ok, false);
      await settle();
      assert.deepEqual(
        students.map((s) => s.group),
        [1, 2],
      );
    });

    test('an ended class takes its groups with it', async () => {
      const students = await join(['Ada', 'Bo']);
      await split(students, { groups: 2 });
      await instructor.emitWithAck('class:end', { code });
      await assert.rejects(server.client(`/class/${code}~1/sockets-intro`, { classKey: students[0]!.classKey }), {
        message: 'unknown class',
      });
      await until(
        () => !server.apps.some((app) => app.namespaces.names().some((n) => n.includes('~'))),
        'no group namespace left',
      );
    });
  });
