import { after, describe, test } from 'node:test';
import fc from 'fast-check';
import {
  ackStep,
  answers,
  binaryStep,
  connectStep,
  eventStep,
  leaveStep,
  pause,
  pauseStep,
  recoverStep,
  type Script,
  type Step,
  type Target,
  targets,
} from './arbitraries.ts';
import { CODE } from './execute.ts';
import { check, runScript, runs, WorldKeeper } from './fuzz.ts';
import { TOKEN } from './world.ts';

/**
 * Events of any name with arguments of any shape, binary attachments and
 * stray acks, sent as raw frames to every namespace of every lesson and of
 * class mode (one to three of them on one connection), with drops and
 * recoveries of the connection. After each run the
 * server lives, logged no error, its honest clients were served during and
 * after, and every event the attacker sent with an ack id was answered as
 * the ack contract says.
 */
const keeper = new WorldKeeper();
after(() => keeper.close());

/** One to three namespaces on one connection, each joined with its honest auth; then anything on any of them. */
// The namespaces do not shrink (a new set would bring new steps): the steps do.
const script: fc.Arbitrary<Script> = fc
  .noShrink(fc.uniqueArray(targets(CODE, TOKEN), { minLength: 1, maxLength: 3, selector: (t) => t.nsp }))
  .chain((joined: Target[]) =>
    fc.record({
      steps: fc
        .array(
          fc.noShrink(fc.constantFrom(...joined)).chain(
            (t): fc.Arbitrary<Step[]> =>
              fc.oneof(
                { weight: 12, arbitrary: eventStep(t.nsp, t.events).map((s) => [s]) },
                { weight: 2, arbitrary: ackStep(t.nsp).map((s) => [s]) },
                { weight: 2, arbitrary: binaryStep(t.nsp, t.events).map((s) => [s]) },
                { weight: 1, arbitrary: pause.map((s) => [s]) },
                // Leave and come back (the server reads the leave on its next tick: a connect at once would be a second one).
                {
                  weight: 1,
                  arbitrary: fc.constant<Step[]>([leaveStep(t.nsp), pauseStep(20), connectStep(t.nsp, t.auth)]),
                },
                // Drop the connection and come back with the session's pid and offset (connection state recovery);
                // the other namespaces of the dropped connection are joined again on the new one.
                {
                  weight: 1,
                  arbitrary: fc.constant<Step[]>([
                    recoverStep(t.nsp, t.auth),
                    ...joined.filter((o) => o !== t).map((o) => connectStep(o.nsp, o.auth)),
                  ]),
                },
              ),
          ),
          { minLength: 1, maxLength: 14 },
        )
        .map((steps) => [...joined.map((t) => connectStep(t.nsp, t.auth)), ...steps.flat()]),
      answers,
    }),
  );

describe('fuzz: events on every namespace', () => {
  test('any event, arguments, binary attachments and stray acks: the server lives, answers every ack, and serves its honest clients', {
    timeout: 180_000,
  }, async () => {
    await check(
      'any event, arguments, binary attachments and stray acks',
      import.meta.url,
      script,
      (value) => runScript(keeper, value),
      runs(200),
    );
  });
});
