import { parseArgs } from 'node:util';

export interface BenchOptions {
  students: number;
  /** Chat lines a second into the one room, from all senders together. */
  rate: number;
  /** Seconds of sustained chat. */
  seconds: number;
  /** Counter broadcasts to time. */
  broadcasts: number;
  workers: number;
  out: string;
  /** Class sizes 100, 500, 1,000 and 2,000, drawn as a picture. */
  sweep: boolean;
  /** Run the sustained chat (the sweep leaves it out: its pictures are of broadcasts and memory). */
  chat: boolean;
  /** Worker counts for `--cluster` runs (with Redis), beside one process without it; empty: no cluster run. */
  cluster: number[];
}

const USAGE = `Usage: npm run bench -- [--students N] [--rate R] [--seconds S] [--quick] [--sweep] [--cluster N,M] [--workers W] [--out FILE]

  --students N   simulated students (default 1000)
  --rate R       chat messages a second into one room of them all (default 100)
  --seconds S    how long the chat goes on (default 20)
  --quick        100 students, 5 seconds: a smoke run (CI)
  --sweep        classes of 100, 500, 1000 and 2000 students, drawn in bench/results/sweep.svg
  --cluster N,M  also run the workshop as a cluster of N (then M…) workers on Redis, as
                 \`npm run cluster\` does, next to one process without Redis (e.g. --cluster 1,2,4)
  --workers W    load-generating threads (default 2)
  --out FILE     where the JSON goes (default bench/results/latest.json)`;

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
    if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`--${name} must be a whole number from 1 to ${max} (got "${raw}").\n\n${USAGE}`);
    return n;
  };
  const quick = values.quick === true;
  return {
    students: count('students', quick ? 100 : 1000, 20_000),
    rate: count('rate', 100, 10_000),
    seconds: count('seconds', quick ? 5 : 20, 600),
    broadcasts: quick ? 10 : 30,
    workers: count('workers', 2, 16),
    out: values.out ?? 'bench/results/latest.json',
    sweep: values.sweep === true,
    chat: true,
    cluster: clusterSizes(values.cluster),
  };
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
      seconds: { type: 'string' },
      workers: { type: 'string' },
      out: { type: 'string' },
      cluster: { type: 'string' },
      quick: { type: 'boolean' },
      sweep: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
