import { after, describe, test } from 'node:test';
import fc from 'fast-check';
import { STAFF_TOKEN, VISITOR_TOKEN } from '../../src/lessons/namespaces-and-middleware/contract.ts';
import {
  answers,
  anyJson,
  connectStep,
  eventStep,
  eventsOf,
  pause,
  recoverStep,
  type Script,
  SLUGS,
  type Step,
  shortText,
  step,
} from './arbitraries.ts';
import { NEW } from './execute.ts';
import { check, runScript, runs, WorldKeeper } from './fuzz.ts';
import { TOKEN } from './world.ts';

/**
 * A class's whole life under fire: the script creates a class of its own
 * through `/instructor` (on connection 1), students join it and its lessons'
 * namespaces (on connections 0 and 2), send anything there, drop and recover
 * their connections, while the instructor steers, locks the chat, resets
 * lessons, removes students and ends the class. The honest class is not
 * touched; the server lives, logs no error, answers every ack and connect,
 * and its honest clients (the other class's too) are served.
 */
const keeper = new WorldKeeper();
after(() => keeper.close());

const INSTRUCTOR = 1;
const STUDENTS = [
  { conn: 0, name: 'Ann', key: 'fuzz-student-key-ann-0001' },
  { conn: 2, name: 'Ben', key: 'fuzz-student-key-ben-0002' },
];
/** A lesson's namespace in the class, or one under it, with the events it declares. */
const PLACES = [
  ...SLUGS.map((slug) => ({ path: slug, events: eventsOf(slug), token: undefined as string | undefined })),
  { path: 'namespaces-and-middleware/staff', events: eventsOf('namespaces-and-middleware'), token: STAFF_TOKEN },
  { path: 'namespaces-and-middleware/staff', events: eventsOf('namespaces-and-middleware'), token: VISITOR_TOKEN },
  { path: 'namespaces-and-middleware/team-fuzz', events: eventsOf('namespaces-and-middleware'), token: undefined },
  { path: 'scaling-out/node-1', events: eventsOf('scaling-out'), token: undefined },
];

const on = (conn: number, s: Step): Step => step({ ...s, conn });
const reopen = (conn: number) => step({ kind: 'reopen', conn });

/** A student comes back if need be (a page that reloads), joins the class and a lesson's namespace once, and does things there. */
const studentAction: fc.Arbitrary<Step[]> = fc
  .tuple(fc.constantFrom(...STUDENTS), fc.constantFrom(...PLACES), fc.boolean())
  .chain(([student, place, recover]) => {
    const presence = `/class/${NEW}`;
    const nsp = `${presence}/${place.path}`;
    const auth = JSON.stringify({ classKey: student.key, ...(place.token && { token: place.token }) });
    const prelude = [
      reopen(student.conn),
      on(student.conn, connectStep(presence, JSON.stringify({ name: student.name, key: student.key }), true)),
      on(student.conn, connectStep(nsp, auth, true)),
    ];
    return fc
      .array(
        fc.oneof(
          { weight: 4, arbitrary: eventStep(nsp, place.events) },
          { weight: 1, arbitrary: eventStep(presence, ['student:where', 'student:progress']) },
          { weight: 1, arbitrary: pause },
        ),
        { minLength: 1, maxLength: 4 },
      )
      .map((events) => [
        ...prelude,
        ...events.map((e) => on(student.conn, e)),
        ...(recover ? [on(student.conn, recoverStep(nsp, auth))] : []),
      ]);
  });

/** The instructor steers the script's own class (its code is NEW), sometimes with arguments beside the point. */
const instructorAction: fc.Arbitrary<Step[]> = fc
  .tuple(
    fc.nat({ max: 5000 }),
    fc.oneof(
      {
        weight: 3,
        arbitrary: fc
          .constantFrom('class:watch', 'class:list')
          .map((event) => ({ event, args: event === 'class:list' ? [] : [`{"code":"${NEW}"}`] })),
      },
      {
        weight: 2,
        arbitrary: fc.tuple(fc.constantFrom(...SLUGS, 'nope'), fc.option(shortText)).map(([lesson, section]) => ({
          event: 'class:follow',
          args: [`{"code":"${NEW}","lesson":"${lesson}"${section ? `,"section":${section}` : ''}}`],
        })),
      },
      {
        weight: 2,
        arbitrary: shortText.map((text) => ({ event: 'class:announce', args: [`{"code":"${NEW}","text":${text}}`] })),
      },
      {
        weight: 2,
        arbitrary: fc
          .boolean()
          .map((locked) => ({ event: 'class:lock-chat', args: [`{"code":"${NEW}","locked":${locked}}`] })),
      },
      {
        weight: 2,
        arbitrary: fc
          .constantFrom(...SLUGS)
          .map((lesson) => ({ event: 'class:reset', args: [`{"code":"${NEW}","lesson":"${lesson}"}`] })),
      },
      {
        weight: 2,
        arbitrary: fc
          .constantFrom(...STUDENTS.map((s) => s.name), 'Nobody')
          .map((name) => ({ event: 'class:remove-student', args: [`{"code":"${NEW}","name":"${name}"}`] })),
      },
      { weight: 1, arbitrary: fc.constant({ event: 'class:end', args: [`{"code":"${NEW}"}`] }) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(
            fc.constantFrom('class:follow', 'class:announce', 'class:reset', 'class:remove-student', 'class:lock-chat'),
            fc.array(anyJson, { maxLength: 2 }),
          )
          .map(([event, args]) => ({ event, args })),
      },
    ),
  )
  .map(([id, { event, args }]) => [
    reopen(INSTRUCTOR),
    on(INSTRUCTOR, connectStep('/instructor', JSON.stringify({ token: TOKEN }), true)),
    on(
      INSTRUCTOR,
      step({ kind: 'frame', frame: `42/instructor,${id}[${[JSON.stringify(event), ...args].join(',')}]` }),
    ),
  ]);

const script: fc.Arbitrary<Script> = fc.record({
  steps: fc
    .array(fc.oneof({ weight: 3, arbitrary: studentAction }, { weight: 2, arbitrary: instructorAction }), {
      minLength: 1,
      maxLength: 10,
    })
    .map((actions) => [on(INSTRUCTOR, step({ kind: 'createClass' })), ...actions.flat()]),
  answers,
});

describe('fuzz: a class under fire', () => {
  test("a class's life (join, demos, recovery, steering, reset, removal, end) with anything sent: the server goes on", {
    timeout: 180_000,
  }, async () => {
    await check(
      "a class's life with anything sent",
      import.meta.url,
      script,
      (value) => runScript(keeper, value),
      runs(100),
    );
  });
});
