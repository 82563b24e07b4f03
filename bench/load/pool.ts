import { Worker } from 'node:worker_threads';
import type { FromWorker, ServerKind, ToWorker } from './messages.ts';

type Reply<T extends FromWorker['type']> = Extract<FromWorker, { type: T }>;

/** The load workers of one run: each holds a share of the students. */
export function createPool(size: number) {
  const workers = Array.from({ length: size }, () => new Worker(new URL('./worker.ts', import.meta.url)));
  const progress = new Map<Worker, number>();

  function ask<T extends FromWorker['type']>(worker: Worker, message: ToWorker, answer: T, onProgress?: () => void) {
    return new Promise<Reply<T>>((resolve, reject) => {
      const listen = (reply: FromWorker) => {
        if (reply.type === 'progress') {
          progress.set(worker, reply.connected);
          onProgress?.();
        } else if (reply.type === 'error') {
          worker.off('message', listen);
          reject(new Error(`a load worker failed: ${reply.message}`));
        } else if (reply.type === answer) {
          worker.off('message', listen);
          resolve(reply as Reply<T>);
        }
      };
      worker.on('message', listen);
      worker.postMessage(message);
    });
  }
  const all = <T extends FromWorker['type']>(message: ToWorker, answer: T) =>
    Promise.all(workers.map((w) => ask(w, message, answer)));

  return {
    /** Connects `students` clients, spread over the workers; `onProgress` hears how many are in. */
    async connect(kind: ServerKind, url: string, students: number, onProgress: (connected: number) => void) {
      progress.clear();
      const share = Math.ceil(students / size);
      const replies = await Promise.all(
        workers.map((worker, i) => {
          const first = i * share;
          const count = Math.max(0, Math.min(share, students - first));
          return ask(worker, { type: 'connect', kind, url, first, count }, 'connected', () =>
            onProgress([...progress.values()].reduce((a, b) => a + b, 0)),
          );
        }),
      );
      return replies.flatMap((reply) => reply.connectMs);
    },
    /** Every student joins its chat room: `prefix-0`, `prefix-1`… of `roomSize` students each. */
    joinChat: (prefix: string, roomSize: number) => all({ type: 'join-chat', room: prefix, roomSize }, 'joined'),
    /** What the students received since the last call. */
    async collect() {
      const replies = await all({ type: 'collect' }, 'samples');
      return {
        counts: replies.flatMap((r) => r.counts),
        times: replies.flatMap((r) => r.times),
        chatMs: replies.flatMap((r) => r.chatMs),
      };
    },
    async close() {
      await all({ type: 'close' }, 'closed');
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
