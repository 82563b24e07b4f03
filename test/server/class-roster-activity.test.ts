import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { Socket } from 'socket.io-client';
import type { RosterEntry } from '../../src/shared/class-mode.ts';
import { nextMatching, type Running, SERVERS, startApp } from '../harness.ts';

const TOKEN = 'test-token-for-the-instructor';
const key = (n: number) => `student-key-${String(n).padStart(8, '0')}`;
type Delta = { code: string; changed: RosterEntry[]; removed: string[] };

/** The last activity the dashboard's "stuck" reads: a new step moves it, anything else does not. */
for (const servers of SERVERS)
  describe(`the roster's last activity (${servers.name})`, () => {
    let server: Running;
    let instructor: Socket;
    beforeEach(async () => {
      server = await startApp({ instructorToken: TOKEN }, { servers: servers.count });
      instructor = await server.client('/instructor', { token: TOKEN });
    });
    afterEach(() => server.close());

    /** The next delta that says something about `name` that `holds`. */
    const entryOf = (name: string, holds: (e: RosterEntry) => boolean) =>
      nextMatching<Delta>(
        instructor,
        'roster:delta',
        (d) => d.changed.some((e) => e.name === name && holds(e)),
        3000,
      ).then((d) => d.changed.find((e) => e.name === name)!);

    test('a student who arrives is active from that moment, on the server clock', async () => {
      const code = (await instructor.emitWithAck('class:create', {})).code;
      await instructor.emitWithAck('class:watch', { code });
      const before = Date.now();
      const arrived = entryOf('Ada', (e) => e.connected);
      await server.client(`/class/${code}`, { name: 'Ada', key: key(1) });
      const { activeAt } = await arrived;
      assert.ok(activeAt !== null && activeAt >= before && activeAt <= Date.now(), `activeAt ${activeAt}`);
    });

    test('a new step moves the last activity; moving around the page or repeating a step does not', async () => {
      const code = (await instructor.emitWithAck('class:create', {})).code;
      await instructor.emitWithAck('class:watch', { code });
      const arrived = entryOf('Ada', (e) => e.connected);
      const ada = await server.client(`/class/${code}`, { name: 'Ada', key: key(1) });
      const first = (await arrived).activeAt!;
      await new Promise((resolve) => setTimeout(resolve, 30));

      const moved = entryOf('Ada', (e) => e.lesson === 'rooms');
      ada.emit('student:where', { lesson: 'rooms', section: null });
      assert.equal((await moved).activeAt, first, 'moving is not progress');

      const stepped = entryOf('Ada', (e) => (e.progress.rooms ?? []).includes('join'));
      await ada.emitWithAck('student:progress', { progress: { rooms: ['join'] } });
      const second = (await stepped).activeAt!;
      assert.ok(second > first, `${second} after ${first}`);

      await ada.emitWithAck('student:progress', { progress: { rooms: ['join'] } });
      const watched = await instructor.emitWithAck('class:watch', { code });
      assert.equal(watched.roster.find((e: RosterEntry) => e.name === 'Ada').activeAt, second, 'the same step again');
    });
  });
