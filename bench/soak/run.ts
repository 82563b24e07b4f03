import { RECOVERY_WINDOW_MS } from '../../src/server/app.ts';
import type { SoakRates } from '../args.ts';
import { startBenchServer } from '../servers/protocol.ts';
import { clock } from '../stats.ts';
import { type ChurnCounts, startChurn } from './churn.ts';
import { heapVerdict, mb, minutesSeconds, type Verdict } from './flat.ts';

/** The server's memory after a full GC at one moment of the soak, and what the churn had done by then. */
export interface SoakSample extends ChurnCounts {
  seconds: number;
  heapUsed: number;
  rss: number;
  /** The server's CPU time so far (ms). */
  cpuMs: number;
}

export interface SoakResult {
  minutes: number;
  rates: SoakRates;
  intervalS: number;
  /** How long the heap takes to fill (see `warmUpSeconds`). */
  settleS: number;
  /** From the start (before any churn) to the end (churn still running). */
  samples: SoakSample[];
  /** Once the churn stopped and its connections closed: what the server keeps with nobody there. */
  after?: SoakSample;
  errorKinds: Record<string, number>;
  verdict: Verdict;
  /** How the server process ended, and when (seconds since the start), if it did during the soak. */
  died?: { how: string; seconds: number };
}

/**
 * Socket.IO keeps two minutes of broadcasts for clients that come back
 * (`connectionStateRecovery`), and prunes them once a minute: the heap of a
 * busy server fills for up to three minutes before it can level.
 */
const SETTLE_S = RECOVERY_WINDOW_MS / 1000 + 60;
/** Once a minute; a run under three minutes every 10 s, and one under a minute 6 times, so that it still draws a line. */
const intervalFor = (durationS: number) => (durationS < 60 ? Math.max(1, durationS / 6) : durationS < 180 ? 10 : 60);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `npm run bench -- --soak M`: the workshop server in its own process, M
 * minutes of churn against it, and its heap and RSS after a full GC at the
 * start, every interval, and at the end.
 */
export async function runSoak(minutes: number, rates: SoakRates, log: (line: string) => void): Promise<SoakResult> {
  const durationS = minutes * 60;
  const intervalS = intervalFor(durationS);
  const server = await startBenchServer('workshop.ts');
  const samples: SoakSample[] = [];
  const started = clock();
  let died: SoakResult['died'];
  void server.exited.then((how) => (died = { how, seconds: Math.round((clock() - started) / 1000) }));

  let churn: ReturnType<typeof startChurn> | undefined;
  const sample = async (): Promise<SoakSample> => {
    const { heapUsed, rss, cpuMs } = await server.usage();
    const counts = churn?.counts() ?? { operations: 0, chats: 0, lines: 0, refused: 0, hops: 0, skipped: 0, errors: 0 };
    return { seconds: Math.round((clock() - started) / 100) / 10, heapUsed, rss, cpuMs, ...counts };
  };
  const say = (s: SoakSample) =>
    log(
      `  ${minutesSeconds(s.seconds)}: heap ${mb(s.heapUsed)} MB, RSS ${mb(s.rss)} MB, ${s.operations} operations, ${s.errors} errors`,
    );

  try {
    samples.push(await sample());
    say(samples[0]!);
    churn = startChurn(server.url, rates);
    for (let next = intervalS; ; next = Math.min(next + intervalS, durationS)) {
      // Wait for the next sample, or for the server to die under the load.
      const wait = started + next * 1000 - clock();
      await Promise.race([pause(Math.max(0, wait)), server.exited]);
      if (died) break;
      samples.push(await sample());
      say(samples.at(-1)!);
      if (next >= durationS) break;
    }
  } catch (error) {
    // A usage question the server never answered: it died while asked.
    if (!died) throw error;
  }
  await churn?.stop();
  let after: SoakSample | undefined;
  if (!died) {
    await pause(1000); // the last disconnects reach the server
    after = await sample().catch(() => undefined);
  }
  const result: SoakResult = {
    minutes,
    rates,
    intervalS,
    settleS: SETTLE_S,
    samples,
    ...(after && { after }),
    errorKinds: churn?.errorKinds() ?? {},
    verdict: heapVerdict(samples, SETTLE_S),
    ...(died && { died }),
  };
  await server.stop();
  return result;
}
