import { fork } from 'node:child_process';
import { once } from 'node:events';
import type { AppOptions } from '../../src/server/app.ts';

/**
 * The workshop's app as the bench runs it. The limits meant for a room of
 * people are lifted: every student here shares one address, the senders
 * send for many, and the soak's refused class codes (thousands, from that
 * one address) are measured, not locked out as guesses.
 */
export const BENCH_APP_OPTIONS: AppOptions = {
  staticDir: 'dist',
  dataDir: ':memory:',
  maxConnectionsPerIp: 1_000_000,
  rates: { message: { perSecond: 1e6, burst: 1e6 }, event: { perSecond: 1e6, burst: 1e6 } },
  guesses: { slowAfter: 1e9, blockAfter: 1e9, windowMs: 1000, blockMs: 1000 },
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

/**
 * The next message on `from` (a child process, a cluster worker) that `matches`,
 * within `limitMs`. One listener for the whole wait, not `once` in a loop:
 * Node emits each IPC message of a chunk on its own tick, all before the
 * awaiting code runs again, so a loop of `once` misses the one that came right
 * after another (a worker's session notice for sticky, then its usage).
 */
export function nextMessage<T>(
  from: NodeJS.EventEmitter,
  matches: (message: unknown) => message is T,
  what: string,
  limitMs = 30_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const listen = (message: unknown) => {
      if (!matches(message)) return;
      done();
      resolve(message);
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`no ${what} within ${limitMs / 1000} s`));
    }, limitMs);
    const done = () => {
      clearTimeout(timer);
      from.off('message', listen);
    };
    from.on('message', listen);
  });
}

export const isUsage = (message: unknown): message is Extract<ServerMessage, { type: 'usage' }> =>
  (message as ServerMessage | undefined)?.type === 'usage';

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
  // How the process ended ("code 1", "SIGKILL"): a soak must notice a server that died under it.
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? `code ${code}`)),
  );
  const died = exited.then((how) => Promise.reject(new Error(`${file} exited (${how})`)));
  died.catch(() => {}); // only an answer awaited meanwhile fails with it
  const [ready] = (await Promise.race([once(child, 'message'), died])) as [ServerMessage];
  if (ready.type !== 'ready') throw new Error(`${file} did not start`);
  return {
    url: `http://127.0.0.1:${ready.port}`,
    exited,
    /** The server's usage; rejects if the process is gone (an answer would never come). */
    async usage() {
      const answer = nextMessage(child, isUsage, `usage from ${file}`);
      // A failed send (the process gone) is told by `died`, not thrown as an 'error' event.
      child.send({ type: 'usage' } satisfies ParentMessage, () => {});
      return Promise.race([answer, died]);
    },
    async stop() {
      child.kill();
      await exited;
    },
  };
}
