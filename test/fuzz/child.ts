import { type ChildProcess, fork } from 'node:child_process';
import type { ChildMessage, Logged, ParentMessage } from './server.ts';

type Usage = Extract<ChildMessage, { type: 'usage' }>;
/** A message to the child, before it gets its id. */
type Question = ParentMessage extends infer M ? (M extends ParentMessage ? Omit<M, 'id'> : never) : never;

export interface ServerChild {
  port: number;
  url: string;
  /** Set once the process has exited: how, and the end of its stderr. */
  death: string | undefined;
  /** Resolves when the process answers over IPC (with what it logged since the last ping); rejects if it is dead or silent. */
  ping(timeoutMs?: number): Promise<Logged[]>;
  /** Its memory (after two full GCs unless `gc: false`) and its namespaces. */
  usage(options?: { gc?: boolean; names?: boolean }): Promise<Usage>;
  /** The end of what it wrote to stderr. */
  stderr(): string;
  stop(): Promise<void>;
}

const STDERR_KEPT = 20_000;

/**
 * Starts `server.ts` in a child process with `--expose-gc` and waits for its
 * port. Its exit is recorded with its code, signal and stderr: a crash is a
 * fact the tests read, not the end of the test runner.
 */
export async function startServerChild(env: Record<string, string> = {}): Promise<ServerChild> {
  const child: ChildProcess = fork(new URL('./server.ts', import.meta.url), {
    execArgv: ['--expose-gc'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let stderr = '';
  const keep = (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-STDERR_KEPT);
    // `FUZZ_SERVER_OUTPUT=1`: the server's output as it comes (with `DEBUG=socket.io*`, say).
    if (process.env.FUZZ_SERVER_OUTPUT) process.stderr.write(chunk);
  };
  child.stderr!.on('data', keep);
  child.stdout!.on('data', keep);

  let death: string | undefined;
  let nextId = 1;
  const waiting = new Map<number, { resolve: (m: ChildMessage) => void; reject: (e: Error) => void }>();
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      // Let the last of stderr arrive before the report is written.
      setTimeout(() => {
        death = `the server process exited (code ${code}, signal ${signal}); the end of its stderr:\n${stderr.slice(-8000) || '(nothing)'}`;
        for (const { reject } of waiting.values()) reject(new Error(death));
        waiting.clear();
        resolve();
      }, 50);
    });
  });
  child.on('message', (message: ChildMessage) => {
    if (message.type === 'ready') return;
    const waiter = waiting.get(message.id);
    waiting.delete(message.id);
    waiter?.resolve(message);
  });

  const ask = (message: Question, timeoutMs: number) =>
    new Promise<ChildMessage>((resolve, reject) => {
      if (death) return reject(new Error(death));
      if (child.exitCode !== null || child.signalCode !== null || !child.connected) {
        const gone = Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000))]);
        return void gone.then(() => reject(new Error(death ?? 'the server process closed its IPC channel')));
      }
      const id = nextId++;
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(
          new Error(
            `the server process did not answer over IPC within ${timeoutMs} ms (stuck?); the end of its stderr:\n${stderr.slice(-4000)}`,
          ),
        );
      }, timeoutMs);
      waiting.set(id, {
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      child.send({ ...message, id } as ParentMessage, (error) => {
        // The process is gone, or going: its exit (with its stderr) is the answer; the timer above bounds the wait.
        if (error) exited.then(() => reject(new Error(death ?? String(error))));
      });
    });

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the fuzz server did not start within 20 s:\n${stderr}`)), 20_000);
    child.on('message', (message: ChildMessage) => {
      if (message.type !== 'ready') return;
      clearTimeout(timer);
      resolve(message.port);
    });
    exited.then(() => {
      clearTimeout(timer);
      reject(new Error(death));
    });
  });

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    get death() {
      return death;
    },
    async ping(timeoutMs = 3000) {
      const answer = await ask({ type: 'ping' }, timeoutMs);
      return answer.type === 'pong' ? answer.logged : [];
    },
    async usage({ gc = true, names = false } = {}) {
      return (await ask({ type: 'usage', gc, names }, 15_000)) as Usage;
    },
    stderr: () => stderr,
    async stop() {
      if (death === undefined && child.exitCode === null && child.signalCode === null) child.kill();
      await exited;
    },
  };
}
