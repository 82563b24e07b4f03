/// <reference lib="webworker" />
import typeFiles from 'type-check:files';
import { type CheckRequest, createChecker } from './checker.ts';

/**
 * The type checker's worker: TypeScript itself, off the page's main thread,
 * so that typing never waits for it. One request at a time, answered by id;
 * the page sends only the latest code.
 */
const checker = createChecker(typeFiles);

self.addEventListener('message', (event: MessageEvent<{ id: number; request: CheckRequest }>) => {
  const { id, request } = event.data;
  try {
    self.postMessage({ id, errors: checker.check(request) });
  } catch (error) {
    self.postMessage({ id, failed: String((error as Error)?.message ?? error) });
  }
});
