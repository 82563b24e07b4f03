import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { Script } from './arbitraries.ts';
import { dump, execute, type Outcome, tally } from './execute.ts';
import { createWorld, type World } from './world.ts';

/**
 * Seeds, bounds and reports. Every property runs with a fixed seed unless
 * `FUZZ_SEED` says otherwise, a fixed number of runs (`FUZZ_RUNS` scales
 * them: 10 for a longer soak), and a failure says how to replay it: the
 * seed, fast-check's path to the shrunk case, and the case itself.
 */
export const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20_240_917;
const SCALE = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : 1;
/** After the first failure, shrinking goes on for this long at most; then the smallest case so far is reported. */
const SHRINK_BUDGET_MS = Number(process.env.FUZZ_SHRINK_MS ?? 15_000);

export const runs = (n: number) => Math.max(1, Math.round(n * SCALE));

/**
 * A world that is rebuilt (a new server process, new honest clients) after
 * any failed run: a crashed or damaged server must not make the next case,
 * or the shrinking, fail for the wrong reason.
 */
export class WorldKeeper {
  private world: World | undefined;
  private starting: Promise<World> | undefined;
  private closed = false;
  restarts = 0;

  async get(): Promise<World> {
    // A run still going when the test ends (a timeout) must not start a server nobody stops.
    if (this.closed) throw new Error('the test is over: no new server');
    if (this.world && this.world.server.death === undefined) return this.world;
    if (this.starting) return this.starting;
    const old = this.world;
    this.world = undefined;
    this.starting = (async () => {
      if (old) {
        this.restarts++;
        await old.close().catch(() => {});
      }
      const world = await createWorld();
      if (this.closed) {
        await world.close();
        throw new Error('the test is over: no new server');
      }
      return world;
    })();
    try {
      this.world = await this.starting;
      return this.world;
    } finally {
      this.starting = undefined;
    }
  }

  async discard() {
    if (!this.world) return;
    this.restarts++;
    const world = this.world;
    this.world = undefined;
    await world.close().catch(() => {});
  }

  async close() {
    this.closed = true;
    await this.starting?.catch(() => {});
    await this.world?.close();
    this.world = undefined;
  }
}

/**
 * The server is alive (it answers over IPC), logged no error (a handler
 * that threw, caught by the plumbing, is a bug all the same), and every
 * honest client is still served. Throws a report of what is wrong.
 */
export async function assertHealthy(world: World, during: string[] = []) {
  const problems: string[] = [];
  let logged: Awaited<ReturnType<World['server']['ping']>> = [];
  try {
    logged = await world.server.ping();
  } catch (error) {
    throw new Error(`PROPERTY (1) the server process lives: ${(error as Error).message}`);
  }
  const errors = logged.filter((entry) => entry.level === 'error');
  if (errors.length) {
    throw new Error(
      `PROPERTY (1) the server lives and logs no error: it logged ${errors.length} error(s):\n${errors
        .map((e) => `${e.message}\n${e.detail}`)
        .join('\n---\n')
        .slice(0, 4000)}`,
    );
  }
  const after = await world.probe();
  if (world.server.death) throw new Error(`PROPERTY (1) the server process lives: ${world.server.death}`);
  if (during.length) problems.push(...during.map((p) => `during the attack: ${p}`));
  if (after.length) problems.push(...after.map((p) => `after the attack: ${p}`));
  if (problems.length) throw new Error(`PROPERTY (2) honest clients are served:\n- ${problems.join('\n- ')}`);
}

/**
 * Checks `property` with the seed and a bounded number of runs; on failure,
 * throws fast-check's report (seed, path, counterexample, error) headed by
 * the command that replays it.
 */
export async function check<T>(
  testName: string,
  testFile: string,
  arbitrary: fc.Arbitrary<T>,
  predicate: (value: T) => Promise<void>,
  numRuns: number,
) {
  let failedAt: number | undefined;
  let shrinkCut = false;
  const property = fc.asyncProperty(arbitrary, async (value) => {
    if (failedAt !== undefined && Date.now() - failedAt > SHRINK_BUDGET_MS) {
      shrinkCut = true;
      return; // shrinking has had its time: the smallest failure so far is the one reported
    }
    try {
      await predicate(value);
    } catch (error) {
      failedAt ??= Date.now();
      throw error;
    }
  });
  const details = await fc.check(property, {
    seed: SEED,
    numRuns,
    path: process.env.FUZZ_PATH,
    // The first failure is the one reported if the path replays.
    endOnFailure: process.env.FUZZ_PATH !== undefined,
    includeErrorInReport: true,
  });
  if (process.env.FUZZ_STATS) console.log(`${testName}: ${JSON.stringify(tally)}`);
  if (!details.failed) return;
  const file = relative(process.cwd(), fileURLToPath(testFile));
  const replay = `FUZZ_SEED=${details.seed} FUZZ_PATH="${details.counterexamplePath}" node --test --test-name-pattern=${JSON.stringify(testName)} ${file}`;
  const report = fc.defaultReportMessage(details) ?? 'the property failed';
  throw new Error(
    `fuzz failure (seed ${details.seed}${shrinkCut ? `; shrinking stopped after ${SHRINK_BUDGET_MS / 1000} s` : ''}).\nReplay: ${replay}\n\n${report}`,
  );
}

function report(outcome: Outcome | undefined, error: unknown) {
  const lines = outcome?.transcript ?? [];
  return `${error instanceof Error ? error.message : String(error)}\n\nWhat this run sent (and how the server answered connects):\n  ${lines.join('\n  ')}`;
}

/**
 * One run of a raw script, checked: honest clients are probed while it
 * runs and after; the server must live, log no error, and answer every
 * connect and every event it owes an ack. A failed run throws a report
 * (with the server's stderr if it died) and discards the world.
 */
export async function runScript(keeper: WorldKeeper, script: Script) {
  const world = await keeper.get();
  const during = world.probe();
  let outcome: Outcome | undefined;
  try {
    outcome = await execute(world, script);
    await assertHealthy(world, await during);
    const broken = [...outcome.silent, ...outcome.unanswered, ...outcome.badAnswers];
    if (broken.length)
      throw new Error(
        `PROPERTY (2) every connect is answered, and every event sent with an ack id is answered as { ok: true, ... } or { ok: false, error }:\n- ${broken.join('\n- ')}`,
      );
  } catch (error) {
    if (process.env.FUZZ_DUMP) dump(process.env.FUZZ_DUMP, script);
    await during.catch(() => {});
    // A crash's stderr takes a moment to arrive.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const death = world.server.death;
    await keeper.discard();
    const message = report(outcome, error);
    throw new Error(
      death && !message.includes(death) ? `PROPERTY (1) the server process lives: ${death}\n\n${message}` : message,
    );
  }
}
