import { parseArgs } from 'node:util';
import type { InPageOptions } from './in-page/run.ts';

export interface BenchOptions {
  students: number;
  /** Chat lines a second, from all senders together. */
  rate: number;
  /** Students per chat room: the class split into rooms of this many (default: one room of everyone). */
  roomSize: number;
  /** Seconds of sustained chat. */
  seconds: number;
  /** Counter broadcasts to time. */
  broadcasts: number;
  /** How many times the default run measures each server (each figure: the median); 1 with `--quick`. */
  rounds: number;
  workers: number;
  out: string;
  /** Class sizes 100, 500, 1,000 and 2,000, drawn as a picture. */
  sweep: boolean;
  /** Run the sustained chat (the sweep leaves it out: its pictures are of broadcasts and memory). */
  chat: boolean;
  /** Worker counts for `--cluster` runs (with Redis), beside one process without it; empty: no cluster run. */
  cluster: number[];
  /** Minutes of churn for `--soak` (a fraction is fine); 0: no soak. */
  soak: number;
  /** The soak's churn, each a second; 0 leaves that kind out. */
  soakRates: SoakRates;
  /** `--in-page`: only the learner's server in the page, in Chromium. */
  inPageOnly: boolean;
  /** `--roster`: students making progress in one class, an instructor watching (and the dashboard in Chromium, unless quick). */
  roster: boolean;
  /** `--engines`: the workshop on each of Engine.IO's transport settings in `bench/servers/engines.ts`. */
  engines: boolean;
  quick: boolean;
  /** The in-page part's samples; none: the run leaves that part out (`--quick` without `--in-page`). */
  inPage?: InPageOptions;
}

export interface SoakRates {
  /** Chat visits begun: connect, join, a few lines with acks, leave. */
  chats: number;
  /** Connections a namespace refuses (a class that does not exist, a namespace nobody serves). */
  refusals: number;
  /** Namespaces opened and closed on long-lived connections (a new dynamic team namespace every other time). */
  hops: number;
}

const USAGE = `Usage: npm run bench -- [--students N] [--rate R] [--room-size N] [--seconds S] [--rounds N] [--quick] [--sweep] [--cluster N,M] [--workers W] [--out FILE]
       npm run bench -- --soak MINUTES [--chats R] [--refusals R] [--hops R] [--out FILE]
       npm run bench -- --in-page [--quick] [--out FILE]
       npm run bench -- --roster [--students N] [--seconds S] [--quick] [--out FILE]
       npm run bench -- --engines [--students N] [--rate R] [--seconds S] [--out FILE]

  --students N   simulated students (default 1000)
  --rate R       chat messages a second, all rooms together (default 100)
  --room-size N  students per chat room (default: one room of them all); a sender per room
  --seconds S    how long the chat goes on (default 20)
  --rounds N     measure each server N times, each round starting with another, and
                 report each figure's median (default 3; 1 with --quick)
  --quick        100 students, 5 seconds, and no browser: a smoke run (CI)
  --sweep        classes of 100, 500, 1000 and 2000 students, drawn in bench/results/sweep.svg
  --cluster N,M  also run the workshop as a cluster of N (then M…) workers on Redis, as
                 \`npm run cluster\` does, next to one process without Redis (e.g. --cluster 1,2,4)
  --workers W    load-generating threads (default 2)
  --out FILE     where the JSON goes (default bench/results/latest.json; a sweep, cluster
                 or soak writes its own file in that folder)

  --soak M       M minutes (0.5 is fine) of churn against one server, its heap and RSS
                 sampled after a GC; drawn in bench/results/soak.svg, with a verdict
  --chats R      chat visits begun a second (default 30; 0: none)
  --refusals R   refused connections a second (default 60; 0: none)
  --hops R       namespaces opened and closed a second (default 60; 0: none)

  --in-page      only the learner's server in the page (which the default run also
                 times, after the class): Run to a connected demo client, cold and
                 warm, and a broadcast to 6 demo clients, in Chromium; the script's
                 size; in bench/results/in-page.json (with --quick: a few samples)

  --roster       class mode at scale: N students (default 1000) join one class and each
                 does 5 steps over S seconds (default 20) while an instructor watches;
                 the dashboard's update latency (emit to roster:delta, goal p99 < 500 ms)
                 and the real dashboard in Chromium drawing it (--quick: 100 students,
                 5 s, no browser); in bench/results/roster.json

  --engines      the workshop's connect, broadcast, chat and memory on each of Engine.IO's
                 transport settings: ws as shipped, per-message deflate (engine.io's 1 KB
                 threshold, and every message), and eiows if installed; in
                 bench/results/engines.json`;

/** Reads the command line; a bad value stops the bench with a sentence and the usage. */
export function readBenchOptions(argv = process.argv.slice(2)): BenchOptions {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    throw new Error(`${(error as Error).message}\n\n${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const count = (name: keyof typeof values, fallback: number, max: number) => {
    const raw = values[name];
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > max)
      throw new Error(`--${name} must be a whole number from 1 to ${max} (got "${raw}").\n\n${USAGE}`);
    return n;
  };
  // Like `count`, but 0 is allowed: it leaves one kind of churn out.
  const rate = (name: 'chats' | 'refusals' | 'hops', fallback: number) => {
    const raw = values[name];
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0 || n > 1000)
      throw new Error(`--${name} must be a whole number from 0 to 1000 (got "${raw}").\n\n${USAGE}`);
    return n;
  };
  const quick = values.quick === true;
  const inPageOnly = values['in-page'] === true;
  const inPage: InPageOptions | undefined =
    quick && !inPageOnly
      ? undefined
      : quick
        ? { coldRuns: 2, warmRuns: 2, broadcasts: 10 }
        : { coldRuns: 8, warmRuns: 3, broadcasts: 50 };
  return {
    students: count('students', quick ? 100 : 1000, 20_000),
    rate: count('rate', 100, 10_000),
    roomSize: count('room-size', 20_000, 20_000),
    seconds: count('seconds', quick ? 5 : 20, 600),
    broadcasts: quick ? 10 : 30,
    rounds: count('rounds', quick ? 1 : 3, 20),
    workers: count('workers', 2, 16),
    out: values.out ?? 'bench/results/latest.json',
    sweep: values.sweep === true,
    chat: true,
    cluster: clusterSizes(values.cluster),
    soak: minutes(values.soak),
    soakRates: { chats: rate('chats', 30), refusals: rate('refusals', 60), hops: rate('hops', 60) },
    inPageOnly,
    inPage,
    roster: values.roster === true,
    engines: values.engines === true,
    quick,
  };
}

/** Soak minutes: a fraction is fine (0.5 for a try), up to a day. */
function minutes(raw: string | undefined): number {
  if (raw === undefined) return 0;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0.05 || n > 1440) {
    throw new Error(`--soak takes minutes, from 0.05 to 1440 (got "${raw}").\n\n${USAGE}`);
  }
  return n;
}

function clusterSizes(raw: string | undefined): number[] {
  if (raw === undefined) return [];
  const sizes = raw.split(',').map((part) => Number(part.trim()));
  if (!sizes.every((n) => Number.isInteger(n) && n >= 1 && n <= 16)) {
    throw new Error(`--cluster takes worker counts from 1 to 16, separated by commas (got "${raw}").\n\n${USAGE}`);
  }
  return sizes;
}

const parse = (args: string[]) =>
  parseArgs({
    args,
    options: {
      students: { type: 'string' },
      rate: { type: 'string' },
      'room-size': { type: 'string' },
      seconds: { type: 'string' },
      rounds: { type: 'string' },
      workers: { type: 'string' },
      out: { type: 'string' },
      cluster: { type: 'string' },
      soak: { type: 'string' },
      chats: { type: 'string' },
      refusals: { type: 'string' },
      hops: { type: 'string' },
      quick: { type: 'boolean' },
      sweep: { type: 'boolean' },
      'in-page': { type: 'boolean' },
      roster: { type: 'boolean' },
      engines: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
