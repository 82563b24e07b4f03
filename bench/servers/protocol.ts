import { fork } from 'node:child_process';
import { once } from 'node:events';
import type { AppOptions } from '../../src/server/app.ts';

/**
 * The workshop's app as the bench runs it. The limits meant for a room of
 * people are lifted: every student here shares one address, and the senders
 * send for many.
 */
export const BENCH_APP_OPTIONS: AppOptions = {
  staticDir: 'dist',
  dataDir: ':memory:',
  maxConnectionsPerIp: 1_000_000,
  rates: { message: { perSecond: 1e6, burst: 1e6 }, event: { perSecond: 1e6, burst: 1e6 } },
};

/** What a bench server tells its parent over IPC, and what the parent asks. */
export type ServerMessage =
  | { type: 'ready'; port: number }
  | { type: 'usage'; heapUsed: number; rss: number; cpuMs: number };

export type Usage = Omit<Extract<ServerMessage, { type: 'usage' }>, 'type'>;

/** This process's memory after a full GC (it runs with `--expose-gc`), and its CPU time so far. */
export function usageNow(): Usage {
  globalThis.gc?.();
  globalThis.gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  const { user, system } = process.cpuUsage();
  return { heapUsed, rss, cpuMs: (user + system) / 1000 };
}

export type ParentMessage = { type: 'usage' };

/** Answers the parent's question about memory and CPU (`measure`: this process's own, by default). */
export function answerMemoryQuestions(measure: () => Usage | Promise<Usage> = usageNow) {
  process.on('message', async (message: ParentMessage) => {
    if (message?.type !== 'usage') return;
    process.send!({ type: 'usage', ...(await measure()) } satisfies ServerMessage);
  });
  // The parent gone means the bench is over.
  process.on('disconnect', () => process.exit(0));
}

/**
 * Starts a bench server (a file of `bench/servers/`) in its own process with
 * `--expose-gc`, waits for its port, and asks it for its memory and CPU.
 */
export async function startBenchServer(file: string, env: Record<string, string> = {}) {
  const child = fork(new URL(file, import.meta.url), {
    execArgv: ['--expose-gc'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [ready] = (await once(child, 'message')) as [ServerMessage];
  if (ready.type !== 'ready') throw new Error(`${file} did not start`);
  return {
    url: `http://127.0.0.1:${ready.port}`,
    async usage() {
      child.send({ type: 'usage' } satisfies ParentMessage);
      const [answer] = (await once(child, 'message')) as [Extract<ServerMessage, { type: 'usage' }>];
      return answer;
    },
    async stop() {
      child.kill();
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}
