import { after, describe, test } from 'node:test';
import fc from 'fast-check';
import {
  answers,
  binaryStep,
  connectStep,
  eventStep,
  malformedStep,
  pause,
  type Script,
  type Step,
  type Target,
  targets,
} from './arbitraries.ts';
import { CODE } from './execute.ts';
import { check, runScript, runs, WorldKeeper } from './fuzz.ts';
import { TOKEN } from './world.ts';

/**
 * Frames that are wrong in themselves: garbage text, truncated JSON, packet
 * types a client never sends, names and ack ids the parser refuses, broken
 * binary packets, frames over the 16 KB limit, stray binary frames, with or
 * without a namespace joined first, mixed with valid events. The server may
 * close that connection; it must live, log no error, and go on serving its
 * honest clients.
 */
const keeper = new WorldKeeper();
after(() => keeper.close());

// The namespaces do not shrink (a new set would bring new steps): the steps do.
const script: fc.Arbitrary<Script> = fc
  .noShrink(fc.uniqueArray(targets(CODE, TOKEN), { minLength: 0, maxLength: 2, selector: (t) => t.nsp }))
  .chain((joined: Target[]) => {
    // Before any connect, the frames go to the main namespace.
    const on = joined.length
      ? fc.noShrink(fc.constantFrom(...joined))
      : fc.constant<Target>({ nsp: '/', auth: '', events: [] });
    return fc.record({
      steps: fc
        .array(
          on.chain(
            (t): fc.Arbitrary<Step> =>
              fc.oneof(
                { weight: 6, arbitrary: malformedStep(t.nsp, t.events) },
                { weight: 3, arbitrary: eventStep(t.nsp, t.events) },
                { weight: 1, arbitrary: binaryStep(t.nsp, t.events) },
                { weight: 1, arbitrary: pause },
              ),
          ),
          { minLength: 1, maxLength: 8 },
        )
        .map((steps) => [...joined.map((t) => connectStep(t.nsp, t.auth)), ...steps]),
      answers,
    });
  });

describe('fuzz: malformed frames', () => {
  test('garbage, truncated and wrong frames close at most their own connection', { timeout: 180_000 }, async () => {
    await check(
      'garbage, truncated and wrong frames',
      import.meta.url,
      script,
      (value) => runScript(keeper, value),
      runs(150),
    );
  });
});
