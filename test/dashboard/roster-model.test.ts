import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  countText,
  createRosterModel,
  type DashboardLesson,
  isStuck,
  sinceText,
  visibleRange,
} from '../../src/components/instructor/roster-model.ts';
import type { RosterEntry } from '../../src/shared/class-mode.ts';

const MIN = 60_000;
const rooms: DashboardLesson = { slug: 'rooms', title: 'Rooms', steps: ['join', 'hello', 'leave'] };
const chat: DashboardLesson = { slug: 'chat', title: 'Chat', steps: ['send'] };
const NOW = 1_000 * MIN;

const student = (name: string, more: Partial<RosterEntry> = {}): RosterEntry => ({
  name,
  connected: true,
  lesson: 'rooms',
  section: null,
  progress: {},
  activeAt: NOW,
  ...more,
});

function model(entries: RosterEntry[] = []) {
  let now = NOW;
  const m = createRosterModel([rooms, chat], () => now);
  m.apply(entries, []);
  return Object.assign(m, { later: (ms: number) => (now += ms) });
}

describe('who seems stuck', () => {
  test('a student on the watched lesson with no new step for N minutes seems stuck', () => {
    assert.equal(isStuck(student('Ada', { activeAt: NOW - 5 * MIN }), rooms, 5 * MIN, NOW), true);
    assert.equal(isStuck(student('Ada', { activeAt: NOW - 4 * MIN }), rooms, 5 * MIN, NOW), false);
  });

  test('a student who is away, elsewhere, done with the lesson, or of unknown activity is not stuck', () => {
    const old = NOW - 60 * MIN;
    assert.equal(isStuck(student('Ada', { activeAt: old, connected: false }), rooms, 5 * MIN, NOW), false);
    assert.equal(isStuck(student('Ada', { activeAt: old, lesson: 'chat' }), rooms, 5 * MIN, NOW), false);
    const done = { rooms: ['hello', 'join', 'leave'] };
    assert.equal(isStuck(student('Ada', { activeAt: old, progress: done }), rooms, 5 * MIN, NOW), false);
    assert.equal(isStuck(student('Ada', { activeAt: null }), rooms, 5 * MIN, NOW), false);
  });

  test('time passing makes a student stuck, and the lesson the class follows is the one that counts', () => {
    const m = model([student('Ada'), student('Bo', { lesson: 'chat' })]);
    assert.equal(m.stuckCount, 0);
    m.later(5 * MIN);
    assert.equal(m.tick(), true);
    assert.deepEqual([m.isStuck('Ada'), m.isStuck('Bo')], [true, false]);
    m.setFollowed('chat');
    assert.deepEqual([m.isStuck('Ada'), m.isStuck('Bo')], [false, true]);
  });

  test('the minutes are the instructor’s choice', () => {
    const m = model([student('Ada')]);
    m.later(3 * MIN);
    m.tick();
    assert.equal(m.isStuck('Ada'), false);
    m.setStuckMinutes(2);
    assert.equal(m.isStuck('Ada'), true);
  });

  test('a new step ends being stuck', () => {
    const m = model([student('Ada')]);
    m.later(6 * MIN);
    m.tick();
    assert.equal(m.isStuck('Ada'), true);
    m.apply([student('Ada', { activeAt: NOW + 6 * MIN, progress: { rooms: ['join'] } })], []);
    assert.equal(m.isStuck('Ada'), false);
  });

  test('an older last activity from another process does not take back a newer one', () => {
    const m = model([student('Ada', { activeAt: NOW })]);
    m.apply([student('Ada', { activeAt: NOW - 10 * MIN, section: 'other' })], []);
    assert.equal(m.entry('Ada')!.activeAt, NOW);
    assert.equal(m.entry('Ada')!.section, 'other');
  });
});

describe('sorting and filtering the roster', () => {
  const class3 = () =>
    model([
      student('cy', { progress: { rooms: ['join'] }, activeAt: NOW - 2 * MIN }),
      student('Ada', { progress: { rooms: ['join', 'hello', 'leave'] }, activeAt: NOW - 1 * MIN }),
      student('Bo', { activeAt: NOW - 9 * MIN }),
    ]);

  test('by name, ignoring case, then the other way', () => {
    const m = class3();
    assert.deepEqual(m.order, ['Ada', 'Bo', 'cy']);
    m.setQuery({ descending: true });
    assert.deepEqual(m.order, ['cy', 'Bo', 'Ada']);
  });

  test('by progress in the lesson in view, least done first', () => {
    const m = class3();
    m.setQuery({ sort: 'progress' });
    assert.deepEqual(m.order, ['Bo', 'cy', 'Ada']);
  });

  test('by last activity, the longest quiet first', () => {
    const m = class3();
    m.setQuery({ sort: 'activity' });
    assert.deepEqual(m.order, ['Bo', 'cy', 'Ada']);
  });

  test('a change moves only its row to its new place, without a new sort', () => {
    const m = class3();
    m.setQuery({ sort: 'progress' });
    m.apply([student('Bo', { progress: { rooms: ['join', 'hello'] } })], []);
    assert.deepEqual(m.order, ['cy', 'Bo', 'Ada']);
    m.apply([student('Dee')], ['cy']);
    assert.deepEqual(m.order, ['Dee', 'Bo', 'Ada']);
  });

  test('by name text, and stuck only; the count says how many are shown', () => {
    const m = class3();
    m.setQuery({ text: 'O' });
    assert.deepEqual(m.order, ['Bo']);
    m.setQuery({ text: '', stuckOnly: true });
    assert.deepEqual(m.order, ['Bo']);
    assert.equal(countText(m), '3 students, 1 stuck; 1 shown');
    m.later(10 * MIN);
    m.tick();
    assert.deepEqual(m.order, ['Bo', 'cy']); // Ada is done with the lesson: not stuck
  });

  test('the count reads like a sentence, with thousands separated', () => {
    const m = model(Array.from({ length: 1000 }, (_, i) => student(`S${i}`)));
    assert.equal(countText(m), '1,000 students, 0 stuck');
  });

  test('connected students are counted per lesson as they come and go', () => {
    const m = class3();
    m.apply([student('Bo', { lesson: 'chat' }), student('Eve', { connected: false })], ['cy']);
    assert.deepEqual([m.connected, m.perLesson().get('rooms'), m.perLesson().get('chat')], [2, 1, 1]);
    assert.equal(m.size, 3);
  });
});

describe('the rows in the DOM', () => {
  test('only the rows in view, and a few either side, are drawn', () => {
    assert.deepEqual(visibleRange(0, 400, 40, 1000, 5), { start: 0, end: 16 });
    assert.deepEqual(visibleRange(4000, 400, 40, 1000, 5), { start: 95, end: 116 });
    assert.deepEqual(visibleRange(39_800, 400, 40, 1000, 5), { start: 990, end: 1000 });
    assert.deepEqual(visibleRange(0, 400, 40, 3, 5), { start: 0, end: 3 });
  });

  test('the last activity reads as a time ago', () => {
    assert.equal(sinceText(null, NOW), '—');
    assert.equal(sinceText(NOW - 20_000, NOW), 'just now');
    assert.equal(sinceText(NOW - 7 * MIN, NOW), '7 min ago');
    assert.equal(sinceText(NOW - 130 * MIN, NOW), '2 h ago');
  });
});
