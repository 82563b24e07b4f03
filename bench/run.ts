import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { startRedis } from '../scripts/redis-server.ts';
import { type BenchOptions, readBenchOptions } from './args.ts';
import { type SweepPoint, soakChart, sweepChart } from './chart.ts';
import { type InPageResult, runInPage } from './in-page/run.ts';
import type { ServerKind } from './load/messages.ts';
import { medianOf, rotated } from './median.ts';
import { lessonPageWeights } from './page-weight.ts';
import {
  capacitySentence,
  clusterTable,
  comparisonRows,
  comparisonTable,
  type EngineRun,
  engineTable,
  inPageSentences,
  inPageTable,
  pageWeightTable,
  ratio,
  soakTable,
} from './report.ts';
import { rosterSentence, rosterTable } from './roster/report.ts';
import { runRoster } from './roster/run.ts';
import { type KindResult, runScenarios } from './scenarios.ts';
import { ENGINES, type EngineName, engineOptions } from './servers/engines.ts';
import { startBenchServer } from './servers/protocol.ts';
import { mb, minutesSeconds, signed } from './soak/flat.ts';
import { runSoak } from './soak/run.ts';

// `npm run bench`: the workshop server, plain Socket.IO and a raw `ws` floor, side by side, in one run.
const options = readOptionsOrExit();
const KINDS: ServerKind[] = ['workshop', 'plain', 'ws'];
const cpu = cpus();
const machine = { node: process.version, cpu: cpu[0]?.model ?? 'unknown', cores: cpu.length };
const progress = (line: string) => {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[2K${line}`);
  else if (!/connected$/.test(line) || line.includes('all')) process.stderr.write(`${line}\n`);
};
const clearProgress = () => process.stderr.isTTY && process.stderr.write('\r\x1b[2K');

if (options.soak) process.exit(await soak());
if (options.roster) await roster();
else if (options.engines) await engines();
else if (options.inPageOnly) await inPageOnly();
else if (options.sweep) await sweep();
else if (options.cluster.length) await clusters();
else await single();
process.exit(0);

async function single() {
  console.log(
    `Benchmark: ${options.students} students, chat at ${options.rate}/s for ${options.seconds} s, ${options.workers} load workers` +
      (options.rounds > 1 ? `; each figure the median of ${options.rounds} rounds` : ''),
  );
  // Each round measures the three, each round starting with another; each figure is the median.
  const rounds: Record<ServerKind, KindResult>[] = [];
  for (let round = 0; round < options.rounds; round++) {
    if (options.rounds > 1) progress(`round ${round + 1} of ${options.rounds}`);
    const results: Partial<Record<ServerKind, KindResult>> = {};
    for (const kind of rotated(KINDS, round)) results[kind] = await runScenarios(kind, options, progress);
    rounds.push(results as Record<ServerKind, KindResult>);
  }
  const [workshop, plain, floor] = KINDS.map((kind) => medianOf(rounds.map((round) => round[kind])));
  clearProgress();
  const inPage = options.inPage && (await inPageOrWhyNot(options.inPage));
  const pageWeight = lessonPageWeights();

  console.log(`\n${comparisonTable(workshop, plain, floor)}\n`);
  if (Object.keys(pageWeight).length) console.log(`${pageWeightTable(pageWeight)}\n`);
  else console.log('No built site in dist/: run `npm run build` for the page weights.\n');
  if (inPage && 'browser' in inPage) console.log(`${inPageTable(inPage)}\n${inPageSentences(inPage)}\n`);
  else if (inPage) console.log(`The in-page part did not run: ${inPage.error}\n`);
  const sentence = capacitySentence(options.students, workshop);
  console.log(sentence);

  const rows = comparisonRows(workshop, plain, floor);
  // To the raw `ws` floor (as before plain Socket.IO was measured too), and to plain Socket.IO.
  const ratios = Object.fromEntries(rows.map(([label, a, , b]) => [label, ratio(a, b) ?? null]));
  const ratiosToPlain = Object.fromEntries(rows.map(([label, a, p]) => [label, ratio(a, p) ?? null]));
  write(options.out, {
    date: new Date().toISOString(),
    ...machine,
    options,
    workshop,
    plain,
    ws: floor,
    ...(rounds.length > 1 && { rounds }),
    ratios,
    ratiosToPlain,
    pageWeight,
    ...(inPage && { inPage }),
    sentence,
  });
}

/** `--in-page`: only the learner's server in the page, in Chromium; its own file, like a sweep's. */
async function inPageOnly() {
  const run = options.inPage!;
  console.log(
    `In the page: Run on a server exercise, ${run.coldRuns} times cold (a fresh browser context) and ` +
      `${run.coldRuns * run.warmRuns} warm (Run again), then ${run.broadcasts} broadcasts to 6 demo clients`,
  );
  // Browser timings feel every other process on the machine: the load says how busy it was.
  const loadBefore = loadavg()[0]!;
  const result = await runInPage(run, progress);
  const loadAverage = { before: loadBefore, after: loadavg()[0]! };
  clearProgress();
  console.log(`\n${inPageTable(result)}\n\n${inPageSentences(result)}`);
  console.log(
    `Timed ${result.method}; load average ${loadAverage.before.toFixed(1)} before, ${loadAverage.after.toFixed(1)} after (${machine.cores} cores).`,
  );
  const out = options.out === 'bench/results/latest.json' ? 'bench/results/in-page.json' : options.out;
  write(out, { date: new Date().toISOString(), ...machine, loadAverage, options: run, ...result });
}

/** `--roster`: the instructor's dashboard under a class of 1,000 making progress; its own file. */
async function roster() {
  const run = {
    students: options.students,
    seconds: options.seconds,
    workers: options.workers,
    browser: !options.quick,
  };
  console.log(
    `Roster: ${run.students} students join one class and each does 5 steps over ${run.seconds} s; ` +
      `an instructor watches${run.browser ? ', and the dashboard in Chromium' : ''}`,
  );
  const loadBefore = loadavg()[0]!;
  const result = await runRoster(run, progress);
  const loadAverage = { before: loadBefore, after: loadavg()[0]! };
  clearProgress();
  console.log(`\n${rosterTable(result)}\n`);
  if (result.browser && 'error' in result.browser)
    console.log(`The browser part did not run: ${result.browser.error}\n`);
  const sentence = rosterSentence(result);
  console.log(sentence);
  const out = options.out === 'bench/results/latest.json' ? 'bench/results/roster.json' : options.out;
  write(out, { date: new Date().toISOString(), ...machine, loadAverage, ...result, sentence });
}

/** The in-page part after the class: a browser that will not start must not cost the figures already measured. */
async function inPageOrWhyNot(run: NonNullable<BenchOptions['inPage']>): Promise<InPageResult | { error: string }> {
  try {
    return await runInPage(run, progress);
  } catch (error) {
    return { error: (error as Error).message.split('\n')[0]! };
  } finally {
    clearProgress();
  }
}

/** Connect, broadcast and memory for several class sizes (no chat: a join storm into one room of 2,000 is its own story). */
async function sweep() {
  const sizes = [100, 500, 1000, 2000];
  console.log(`Sweep: classes of ${sizes.join(', ')}; broadcast latency and memory, the workshop beside raw ws`);
  const points: SweepPoint[] = [];
  for (const students of sizes) {
    const run: BenchOptions = { ...options, students, broadcasts: 20, chat: false };
    const [ours, floor] = [await runScenarios('workshop', run, progress), await runScenarios('ws', run, progress)];
    clearProgress();
    const point = (r: typeof ours) => ({
      p50: r.broadcast.p50,
      p99: r.broadcast.p99,
      heapKB: r.memory.heapPerStudentKB,
    });
    points.push({ students, workshop: point(ours), ws: point(floor) });
    console.log(
      `  ${String(students).padStart(5)} students: broadcast p50 ${ours.broadcast.p50} ms (ws ${floor.broadcast.p50}), ` +
        `p99 ${ours.broadcast.p99} ms (ws ${floor.broadcast.p99}), heap ${ours.memory.heapPerStudentKB} KB/student (ws ${floor.memory.heapPerStudentKB})`,
    );
  }
  const folder = dirname(options.out);
  const caption = `${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${new Date().toISOString().slice(0, 10)}`;
  write(join(folder, 'sweep.json'), { date: new Date().toISOString(), ...machine, points });
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'sweep.svg'), sweepChart(points, caption));
  console.log(`Drawn in ${join(folder, 'sweep.svg')}`);
}

/**
 * One process without Redis, then clusters of each size on a fresh Redis, as
 * `npm run cluster` runs them, under the same load: what more processes buy.
 */
async function clusters() {
  console.log(
    `Cluster: ${options.students} students, chat at ${options.rate}/s for ${options.seconds} s; ` +
      `one process, then ${options.cluster.join(', ')} workers on Redis (${machine.cores} cores here, shared with the load)`,
  );
  const runs: { label: string; processes: number; result: KindResult }[] = [];
  runs.push({
    label: 'one process, no Redis',
    processes: 1,
    result: await runScenarios('workshop', options, progress),
  });
  for (const workers of options.cluster) {
    const redis = await startRedis();
    const start = async () => {
      const server = await startBenchServer('workshop-cluster.ts', {
        REDIS_URL: redis.url,
        BENCH_CLUSTER_WORKERS: String(workers),
      });
      const stop = async () => {
        await server.stop();
        await redis.stop();
      };
      return { ...server, stop };
    };
    runs.push({
      label: `cluster of ${workers}, Redis`,
      processes: workers,
      result: await runScenarios('workshop', options, progress, start),
    });
  }
  clearProgress();
  console.log(`\n${clusterTable(runs)}\n`);
  const out = options.out === 'bench/results/latest.json' ? 'bench/results/cluster.json' : options.out;
  write(out, { date: new Date().toISOString(), ...machine, options, runs });
}

/** `--engines`: the same scenarios on the workshop, once per transport setting; its own file. */
async function engines() {
  console.log(
    `Engines: ${options.students} students, chat at ${options.rate}/s for ${options.seconds} s, ` +
      `on the workshop with each of Engine.IO's transport settings in turn`,
  );
  const runs: EngineRun[] = [];
  for (const name of Object.keys(ENGINES) as EngineName[]) {
    const { label } = ENGINES[name];
    const engine = engineOptions(name);
    if ('missing' in engine) {
      runs.push({ name, label, missing: engine.missing });
      continue;
    }
    const start = () => startBenchServer('workshop.ts', { BENCH_ENGINE: name });
    runs.push({ name, label, result: await runScenarios('workshop', options, progress, start) });
  }
  clearProgress();
  console.log(`\n${engineTable(runs)}\n`);
  const out = options.out === 'bench/results/latest.json' ? 'bench/results/engines.json' : options.out;
  write(out, { date: new Date().toISOString(), ...machine, loadAverage: loadavg()[0], options, runs });
}

/**
 * Minutes of churn against one server: does its memory stay flat? A
 * measurement, so it exits 0 whatever it finds; 1 only if the server died.
 */
async function soak() {
  const { chats, refusals, hops } = options.soakRates;
  console.log(
    `Soak: ${options.soak} min against the workshop server; each second ${chats} chat visits, ` +
      `${refusals} refused connections and ${hops} namespace hops; its heap and RSS after a full GC`,
  );
  const result = await runSoak(options.soak, options.soakRates, progress);
  clearProgress();
  console.log(`\n${soakTable(result.samples, result.after)}`);
  const errors = Object.entries(result.errorKinds);
  if (errors.length)
    console.log(`\nErrors seen by the clients:\n${errors.map(([what, n]) => `  ${n} × ${what}`).join('\n')}`);

  const folder = dirname(options.out);
  const date = new Date().toISOString();
  write(join(folder, 'soak.json'), { date, ...machine, ...result, sentence: result.verdict.sentence });
  const { verdict } = result;
  const fit =
    verdict.flat === undefined
      ? undefined
      : {
          ...verdict,
          label: `fit: ${signed(verdict.mbPer10Min)} MB per 10 min (${verdict.flat ? 'flat' : 'grows'})`,
        };
  const points = result.samples.map((s) => ({ seconds: s.seconds, heapMB: mb(s.heapUsed), rssMB: mb(s.rss) }));
  const caption = `${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${date.slice(0, 10)}; ${chats} chats, ${refusals} refusals, ${hops} hops a second`;
  writeFileSync(join(folder, 'soak.svg'), soakChart(points, fit, caption));
  console.log(`Drawn in ${join(folder, 'soak.svg')}\n`);

  if (result.died) {
    console.log(
      `The server process died (${result.died.how}) ${minutesSeconds(result.died.seconds)} into the soak; the samples stop there.`,
    );
    return 1;
  }
  console.log(verdict.sentence);
  return 0;
}

function write(file: string, result: object) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nWritten to ${file}`);
}

function readOptionsOrExit(): BenchOptions {
  try {
    return readBenchOptions();
  } catch (error) {
    console.error(`\n  ${(error as Error).message}\n`);
    process.exit(1);
  }
}
