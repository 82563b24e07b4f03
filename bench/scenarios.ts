import type { BenchOptions } from './args.ts';
import { createDriver } from './drivers.ts';
import type { ServerKind } from './load/messages.ts';
import { chatLine, roomOf } from './load/messages.ts';
import { createPool } from './load/pool.ts';
import { startBenchServer } from './servers/protocol.ts';
import { clock, type Summary, summarize } from './stats.ts';

export interface KindResult {
  connect: { allMs: number; perClient: Summary };
  broadcast: Summary & { delivered: number; expected: number };
  /** Left out of a sweep. */
  chat?: Summary & {
    sent: number;
    delivered: number;
    expected: number;
    deliveriesPerSecond: number;
    /** The server's CPU time over the chat, in % of one core: near 100, the server is the limit. */
    serverCpuPercent: number;
    /** Students per room (the class split into rooms of this many; all of them: one room). */
    roomSize: number;
  };
  memory: { heapPerStudentKB: number; rssPerStudentKB: number; heapMB: number; rssMB: number };
}

const SENDERS = 20;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The bench's servers, each started in its own process. */
const SERVERS: Record<ServerKind, { file: string; env?: Record<string, string> }> = {
  workshop: { file: 'workshop.ts' },
  plain: { file: 'socketio-plain.ts', env: { RECOVERY: '1' } },
  ws: { file: 'raw-ws.ts' },
};

type BenchServer = Awaited<ReturnType<typeof startBenchServer>>;

/** Runs every scenario against one server kind (started by `start`: one process, unless told otherwise). */
export async function runScenarios(
  kind: ServerKind,
  options: BenchOptions,
  log: (line: string) => void,
  start: () => Promise<BenchServer> = () => startBenchServer(SERVERS[kind].file, SERVERS[kind].env),
): Promise<KindResult> {
  const server = await start();
  const pool = createPool(options.workers);
  try {
    const before = await server.usage();

    // 1. A class arrives.
    const started = clock();
    const connectMs = await pool.connect(kind, server.url, options.students, (n) =>
      log(`  ${kind}: ${n}/${options.students} connected`),
    );
    const connect = { allMs: Math.round(clock() - started), perClient: summarize(connectMs) };
    log(`  ${kind}: all ${options.students} connected in ${connect.allMs} ms`);

    // 4. Memory with everyone connected and idle.
    const after = await server.usage();
    const kb = (bytes: number) => Math.round((bytes / options.students / 1024) * 100) / 100;
    const memory = {
      heapPerStudentKB: kb(after.heapUsed - before.heapUsed),
      rssPerStudentKB: kb(after.rss - before.rss),
      heapMB: Math.round(after.heapUsed / 1e5) / 10,
      rssMB: Math.round(after.rss / 1e5) / 10,
    };

    // 2. One broadcast to all, timed from the emit to each receipt.
    const driver = await createDriver(kind, server.url);
    await pool.collect(); // forget the counts sent on connect
    const emittedAt = new Map<number, number>();
    for (let i = 0; i < options.broadcasts; i++) {
      const t0 = clock();
      emittedAt.set(await driver.bump(), t0);
      await pause(50);
    }
    await pause(500);
    const receipts = await pool.collect();
    const broadcastMs: number[] = [];
    receipts.counts.forEach((count, i) => {
      const t0 = emittedAt.get(count);
      if (t0 !== undefined) broadcastMs.push(receipts.times[i]! - t0);
    });
    const broadcast = {
      ...summarize(broadcastMs),
      delivered: broadcastMs.length,
      expected: options.broadcasts * options.students,
    };
    log(`  ${kind}: ${options.broadcasts} broadcasts, p99 ${broadcast.p99} ms`);

    if (!options.chat) {
      driver.close();
      return { connect, broadcast, memory };
    }

    // 3. Sustained chat: into one room of everyone, or rooms of `roomSize` with a sender or more each.
    const roomSize = Math.min(options.roomSize, options.students);
    const rooms = Array.from({ length: Math.ceil(options.students / roomSize) }, (_, r) =>
      roomOf('bench', r * roomSize, roomSize),
    );
    // How many students each room holds (the last may be smaller).
    const inRoom = rooms.map((_, r) => Math.min(roomSize, options.students - r * roomSize));
    await pool.joinChat('bench', roomSize);
    const senders = Math.max(SENDERS, rooms.length);
    const send = await driver.senders(senders, rooms);
    await pause(1000); // the senders' join notices and the Online list go out first
    await pool.collect();
    const where = rooms.length === 1 ? 'one room' : `${rooms.length} rooms of ${roomSize}`;
    log(`  ${kind}: chatting at ${options.rate}/s into ${where} for ${options.seconds} s…`);
    const cpuBefore = (await server.usage()).cpuMs;
    const chatStart = clock();
    let sent = 0;
    let expected = 0; // deliveries due: each line reaches the students of its sender's room
    while (clock() - chatStart < options.seconds * 1000) {
      const due = Math.floor(((clock() - chatStart) / 1000) * options.rate);
      for (; sent < due; sent++) {
        send[sent % senders]!(chatLine(clock()));
        expected += inRoom[(sent % senders) % rooms.length]!;
      }
      await pause(5);
    }
    // Let what is in flight arrive: until everything did, or nothing more comes.
    const chatMs: number[] = [];
    for (let quiet = 0, waited = 0; chatMs.length < expected && quiet < 2 && waited < 30_000; waited += 500) {
      await pause(500);
      const arrived = (await pool.collect()).chatMs;
      for (const ms of arrived) chatMs.push(ms);
      quiet = arrived.length ? 0 : quiet + 1;
    }
    const chatMsElapsed = clock() - chatStart;
    const cpuAfter = (await server.usage()).cpuMs;
    const chat = {
      ...summarize(chatMs),
      serverCpuPercent: Math.round(((cpuAfter - cpuBefore) / chatMsElapsed) * 100),
      sent,
      roomSize,
      delivered: chatMs.length,
      expected,
      deliveriesPerSecond: Math.round(chatMs.length / (chatMsElapsed / 1000)),
    };
    log(`  ${kind}: chat p99 ${chat.p99} ms, ${chat.delivered}/${chat.expected} delivered`);
    driver.close();
    return { connect, broadcast, chat, memory };
  } finally {
    await pool.close().catch(() => {});
    await server.stop();
  }
}
