import { after, describe, test } from 'node:test';
import fc from 'fast-check';
import {
  answers,
  anyAuth,
  anyNamespace,
  connectStep,
  eventStep,
  leaveStep,
  pause,
  type Script,
  type Step,
  targets,
} from './arbitraries.ts';
import { CODE } from './execute.ts';
import { check, runScript, runs, WorldKeeper } from './fuzz.ts';
import { TOKEN } from './world.ts';

/**
 * Connects to namespaces of any name (unicode, paths, "..", very long, near
 * the app's own) with auths of any shape, many on one connection, and to the
 * app's own namespaces with wrong auths; sometimes an event or a leave after.
 * Every connect is answered (joined, refused, or the connection closed), the
 * server lives, logs no error, and its honest clients are served.
 */
const keeper = new WorldKeeper();
after(() => keeper.close());

const connectAnything: fc.Arbitrary<Step[]> = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(anyNamespace(CODE), anyAuth).map(([nsp, auth]) => [connectStep(nsp, auth)]) },
  // The app's own namespaces with any auth: refused politely, or let in.
  { weight: 3, arbitrary: fc.tuple(targets(CODE, TOKEN), anyAuth).map(([t, auth]) => [connectStep(t.nsp, auth)]) },
  // Let in, then an event there (and perhaps a leave).
  {
    weight: 2,
    arbitrary: fc
      .noShrink(targets(CODE, TOKEN))
      .chain((t) =>
        fc
          .tuple(eventStep(t.nsp, t.events), fc.boolean())
          .map(([event, leave]) => [connectStep(t.nsp, t.auth), event, ...(leave ? [leaveStep(t.nsp)] : [])]),
      ),
  },
  { weight: 1, arbitrary: pause.map((p) => [p]) },
);

const script: fc.Arbitrary<Script> = fc.record({
  steps: fc.array(connectAnything, { minLength: 1, maxLength: 20 }).map((steps) => steps.flat()),
  answers,
});

describe('fuzz: namespaces and auths', () => {
  test('any namespace name with any auth: every connect is answered and the server goes on', {
    timeout: 180_000,
  }, async () => {
    await check(
      'any namespace name with any auth',
      import.meta.url,
      script,
      (value) => runScript(keeper, value),
      runs(120),
    );
  });
});
