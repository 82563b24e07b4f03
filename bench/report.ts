import type { InPageResult } from './in-page/run.ts';
import type { Weight } from './page-weight.ts';
import type { KindResult } from './scenarios.ts';
import { mb, minutesSeconds } from './soak/flat.ts';
import type { SoakSample } from './soak/run.ts';
import type { Summary } from './stats.ts';

type Row = [label: string, ours: number, plain: number | undefined, floor: number | undefined];

/** Ours over the floor, to two decimals; none without a floor. */
export const ratio = (ours: number, floor: number | undefined) =>
  floor && floor > 0 ? Math.round((ours / floor) * 100) / 100 : undefined;

/**
 * The rows of the comparison: our figure, plain Socket.IO's (what the library
 * itself costs) and the raw `ws` floor's; each ratio then has both floors.
 */
export function comparisonRows(ours: KindResult, plain: KindResult, floor: KindResult): Row[] {
  const row = (label: string, pick: (r: KindResult) => number): Row => [label, pick(ours), pick(plain), pick(floor)];
  const chat = (label: string, pick: (c: NonNullable<KindResult['chat']>) => number): Row =>
    ours.chat
      ? [label, pick(ours.chat), plain.chat && pick(plain.chat), floor.chat && pick(floor.chat)]
      : [label, NaN, undefined, undefined];
  return [
    row('connect: all students (ms)', (r) => r.connect.allMs),
    row('connect: one client p50 (ms)', (r) => r.connect.perClient.p50),
    row('connect: one client p99 (ms)', (r) => r.connect.perClient.p99),
    row('broadcast to all p50 (ms)', (r) => r.broadcast.p50),
    row('broadcast to all p95 (ms)', (r) => r.broadcast.p95),
    row('broadcast to all p99 (ms)', (r) => r.broadcast.p99),
    row('broadcast to all max (ms)', (r) => r.broadcast.max),
    chat('chat delivery p50 (ms)', (c) => c.p50),
    chat('chat delivery p95 (ms)', (c) => c.p95),
    chat('chat delivery p99 (ms)', (c) => c.p99),
    chat('chat delivery max (ms)', (c) => c.max),
    chat('chat deliveries per second', (c) => c.deliveriesPerSecond),
    chat('server CPU during chat (% of a core)', (c) => c.serverCpuPercent),
    row('server heap per student (KB)', (r) => r.memory.heapPerStudentKB),
    row('server RSS per student (KB)', (r) => r.memory.rssPerStudentKB),
  ];
}

export function comparisonTable(ours: KindResult, plain: KindResult, floor: KindResult) {
  const rows = comparisonRows(ours, plain, floor).map(([label, a, p, b]) => [
    label,
    String(a),
    String(p ?? '—'),
    String(b ?? '—'),
    String(ratio(a, p) ?? '—'),
    String(ratio(a, b) ?? '—'),
  ]);
  return table(['', 'workshop', 'plain Socket.IO', 'raw ws', 'ratio to plain', 'ratio to ws'], rows);
}

/** One row per setup of `--cluster`: what the whole delivers, and each process's share. */
export function clusterTable(runs: { label: string; processes: number; result: KindResult }[]) {
  const rows = runs.map(({ label, processes, result }) => {
    const chat = result.chat;
    const perSecond = chat?.deliveriesPerSecond ?? NaN;
    return [
      label,
      String(processes),
      String(perSecond),
      String(Math.round(perSecond / processes)),
      String(chat?.p50 ?? '—'),
      String(chat?.p99 ?? '—'),
      `${chat?.delivered ?? 0}/${chat?.expected ?? 0}`,
      String(result.broadcast.p50),
      String(result.broadcast.p99),
      String(chat?.serverCpuPercent ?? '—'),
    ];
  });
  return table(
    [
      '',
      'workers',
      'deliveries/s',
      'per worker',
      'chat p50',
      'chat p99',
      'delivered',
      'bcast p50',
      'bcast p99',
      'CPU % (all)',
    ],
    rows,
  );
}

export type EngineRun = { name: string; label: string } & ({ result: KindResult } | { missing: string });

/** Each transport setting's figures on the workshop (a setting this machine lacks says why). */
export function engineTable(runs: EngineRun[]) {
  const rows = runs.map((run) => {
    if ('missing' in run) return [run.label, run.missing, '', '', '', '', '', ''];
    const { connect, broadcast, chat, memory } = run.result;
    return [
      run.label,
      String(connect.allMs),
      String(connect.perClient.p50),
      String(broadcast.p50),
      String(broadcast.p99),
      String(chat?.p99 ?? '—'),
      String(memory.heapPerStudentKB),
      String(memory.rssPerStudentKB),
    ];
  });
  return table(
    ['', 'connect all ms', 'connect p50', 'bcast p50', 'bcast p99', 'chat p99', 'heap KB/student', 'RSS KB/student'],
    rows,
  );
}

export function pageWeightTable(weights: Record<string, Weight>) {
  const kb = (n: number) => (n / 1024).toFixed(1);
  const rows = Object.entries(weights).map(([slug, w]) => [slug, kb(w.js), kb(w.jsGzip), kb(w.css), kb(w.cssGzip)]);
  return table(['lesson page', 'JS KB', 'JS gzip KB', 'CSS KB', 'CSS gzip KB'], rows);
}

/** The learner's server in the page: Run to a connected demo client, and one broadcast, in ms. */
export function inPageTable(r: InPageResult) {
  const goal = `< ${r.runToConnected.goalMs}`;
  return table(
    [`in the page (${r.browser})`, 'samples', 'p50 ms', 'p99 ms', 'max ms', 'goal ms'],
    [
      summaryRow('Run → demo client connected, cold', r.runToConnected.cold, goal),
      summaryRow('Run → demo client connected, warm', r.runToConnected.warm, goal),
      summaryRow(`one broadcast to ${r.broadcast.clients} demo clients`, r.broadcast),
    ],
  );
}

/** What only a server Run loads, and whether Run to a connected demo client meets its goal. */
export function inPageSentences(r: InPageResult) {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const { cold, warm, goalMs } = r.runToConnected;
  const verdict =
    cold.max < goalMs && warm.max < goalMs
      ? `every Run within the ${goalMs} ms goal`
      : cold.p50 < goalMs && warm.p50 < goalMs
        ? `p50 within the ${goalMs} ms goal, the slowest over it`
        : `p50 over the ${goalMs} ms goal (${cold.p50 < goalMs ? 'warm' : warm.p50 < goalMs ? 'cold' : 'cold and warm'})`;
  return [
    `The in-page server's script: ${kb(r.script.bytes)} minified, ${kb(r.script.gzip)} gzip; ` +
      `its transport chunk ${kb(r.transport.bytes)}, ${kb(r.transport.gzip)} gzip; both loaded on the first server Run only.`,
    `Run to a connected demo client: ${cold.p50} ms cold, ${warm.p50} ms warm (p50; slowest ${Math.max(cold.max, warm.max)} ms): ${verdict}.`,
  ].join('\n');
}

/**
 * One row per sample of a soak: memory after a GC, the churn's totals so far,
 * and its pace since the row before (operations, and the server's CPU).
 * `after`: the sample once the churn stopped, if there is one.
 */
export function soakTable(samples: SoakSample[], after?: SoakSample) {
  const rows = [...samples, ...(after ? [after] : [])].map((s, i, all) => {
    const before = all[i - 1];
    const seconds = before ? s.seconds - before.seconds : 0;
    const pace = (key: 'operations' | 'cpuMs', scale = 1) =>
      before && seconds > 0 ? String(Math.round(((s[key] - before[key]) / seconds) * scale)) : '—';
    return [
      s === after ? `${minutesSeconds(s.seconds)} idle` : minutesSeconds(s.seconds),
      mb(s.heapUsed).toFixed(1),
      mb(s.rss).toFixed(1),
      pace('operations'),
      pace('cpuMs', 0.1), // ms of CPU a second, in % of one core
      String(s.chats),
      String(s.refused),
      String(s.hops),
      String(s.skipped),
      String(s.errors),
    ];
  });
  return table(['time', 'heap MB', 'RSS MB', 'ops/s', 'CPU %', 'chats', 'refused', 'hops', 'skipped', 'errors'], rows);
}

/** A row of a timing table: its label, the samples, p50, p99 and max, and a goal if it has one. */
export const summaryRow = (label: string, s: Pick<Summary, 'count' | 'p50' | 'p99' | 'max'>, goal = '') => [
  label,
  String(s.count),
  String(s.p50),
  String(s.p99),
  String(s.max),
  goal,
];

/** A table in plain text: the first column left, the others right. */
export function table(head: string[], rows: string[][]) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Beyond this (p99), a chat no longer feels live. */
const LIVE_MS = 500;

/** The one sentence an instructor wants before a workshop. */
export function capacitySentence(students: number, ours: KindResult) {
  const chat = ours.chat ?? { expected: 0, delivered: 0, p99: ours.broadcast.p99, roomSize: students };
  const lost = chat.expected - chat.delivered + (ours.broadcast.expected - ours.broadcast.delivered);
  const p99 = Math.round(chat.p99);
  const inRooms = chat.roomSize < students ? ` chatting in rooms of ${chat.roomSize}` : '';
  if (lost > 0) {
    return `This machine did not keep up with a class of ${students}${inRooms}: ${lost} of ${chat.expected + ours.broadcast.expected} messages never arrived.`;
  }
  if (p99 > LIVE_MS) {
    return `This machine is overloaded by a class of ${students}${inRooms}: every message arrived, but ${p99} ms late (p99). Split it into rooms first (--room-size 50: each line goes to 50, not to everyone); if it must be one room, run a worker per core (--cluster 2).`;
  }
  return `This machine holds a class of ${students}${inRooms} with messages arriving in ${p99} ms (p99).`;
}
