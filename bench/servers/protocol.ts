import { fork } from 'node:child_process';
import { once } from 'node:events';

/** What a bench server tells its parent over IPC, and what the parent asks. */
export type ServerMessage =
  | { type: 'ready'; port: number }
  | { type: 'usage'; heapUsed: number; rss: number; cpuMs: number };

export type ParentMessage = { type: 'usage' };

/** Answers the parent's question: memory after a full GC (the server runs with `--expose-gc`), and CPU time so far. */
export function answerMemoryQuestions() {
  process.on('message', (message: ParentMessage) => {
    if (message.type !== 'usage') return;
    globalThis.gc?.();
    globalThis.gc?.();
    const { heapUsed, rss } = process.memoryUsage();
    const { user, system } = process.cpuUsage();
    process.send!({ type: 'usage', heapUsed, rss, cpuMs: (user + system) / 1000 } satisfies ServerMessage);
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
    stop: () => void child.kill(),
  };
}
