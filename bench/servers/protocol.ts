/** What a bench server tells its parent over IPC, and what the parent asks. */
export type ServerMessage =
  | { type: 'ready'; port: number }
  | { type: 'memory'; heapUsed: number; rss: number; cpuMs: number };

export type ParentMessage = { type: 'memory' };

/** Answers the parent's question: memory after a full GC (the server runs with `--expose-gc`), and CPU time so far. */
export function answerMemoryQuestions() {
  process.on('message', (message: ParentMessage) => {
    if (message.type !== 'memory') return;
    globalThis.gc?.();
    globalThis.gc?.();
    const { heapUsed, rss } = process.memoryUsage();
    const { user, system } = process.cpuUsage();
    process.send!({ type: 'memory', heapUsed, rss, cpuMs: (user + system) / 1000 } satisfies ServerMessage);
  });
  // The parent gone means the bench is over.
  process.on('disconnect', () => process.exit(0));
}
