import type { Namespace } from 'socket.io';
import { SessionAwareAdapter } from 'socket.io-adapter';

/**
 * Socket.IO's own in-memory adapter with connection state recovery, except
 * that `close()` also stops the timer that sweeps its expired sessions.
 * socket.io-adapter (2.5.9) starts that timer in its constructor and never
 * stops it, so every namespace made and dropped (a class's lesson, a team
 * of `namespaces-and-middleware`, a refused guess) stayed in memory for good:
 * the timer holds the adapter, and the adapter its namespace.
 *
 * Given to `new Server({ adapter })` where no Redis adapter is used. The
 * constructor's one `setInterval` is caught as it is made (nothing else runs
 * meanwhile: it is one synchronous call).
 */
export function SessionAdapterReleasingItsTimer(nsp: Namespace) {
  const timers: ReturnType<typeof setInterval>[] = [];
  const setIntervalBefore = globalThis.setInterval;
  globalThis.setInterval = ((...args: Parameters<typeof setInterval>) => {
    const timer = setIntervalBefore(...args);
    timers.push(timer);
    return timer;
  }) as typeof setInterval;
  let adapter: SessionAwareAdapter;
  try {
    adapter = new SessionAwareAdapter(nsp);
  } finally {
    globalThis.setInterval = setIntervalBefore;
  }
  const close = adapter.close.bind(adapter);
  adapter.close = () => {
    for (const timer of timers) clearInterval(timer);
    return close();
  };
  return adapter;
}
