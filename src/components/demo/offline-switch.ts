import type { Manager, Socket } from 'socket.io-client';
import { h } from './dom.ts';

/** How long "Go offline" cuts the connection: well inside the server's two-minute recovery window. */
export const OFFLINE_SECONDS = 5;

/**
 * A "Go offline for 5 s" button for one demo client: the connection closes as
 * a network failure would (the server sees the transport close and keeps the
 * session), and the client does not try to come back until the time is up.
 * Browsers' own offline switch does not do this on `localhost`, where
 * Socket.IO ignores the `offline` event, so the demo brings its own.
 */
export function createOfflineSwitch(socket: Socket) {
  const button = h('button', { type: 'button', class: 'quiet' }, `Go offline for ${OFFLINE_SECONDS} s`);
  button.addEventListener('click', () => {
    const manager = socket.io;
    manager.reconnection(false);
    manager.engine.close();
    button.disabled = true;
    let left = OFFLINE_SECONDS;
    const tick = setInterval(() => {
      // The client was removed meanwhile (or the demo started again on another server): it stays gone.
      if (!button.isConnected) return clearInterval(tick);
      left--;
      button.textContent = left > 0 ? `Offline, back in ${left} s` : `Go offline for ${OFFLINE_SECONDS} s`;
      if (left > 0) return;
      clearInterval(tick);
      manager.reconnection(true);
      socket.connect();
      button.disabled = false;
    }, 1000);
    button.textContent = `Offline, back in ${left} s`;
  });
  return button;
}

/**
 * Closes the connection's transport under the socket, as a lost network or a
 * stopped server would ("transport close": the Manager reconnects by itself).
 * While the connection upgrades to WebSocket, its polling transport is paused
 * and ignores a close (a drop just after connecting did nothing): then the
 * transport it upgrades to is closed as soon as it takes over.
 */
export function dropTransport(manager: Manager) {
  const engine = manager.engine;
  if (!engine) return;
  // After a drop that worked, this engine is closed and never upgrades: the listeners go with it.
  engine.once('upgrade', (transport) => transport.close());
  // An upgrade that fails once under way leaves the polling transport paused for good: close it all.
  engine.once('upgradeError', () => engine.close());
  engine.transport?.close();
}

/**
 * Cuts the connection for `seconds` as a network failure would: the transport
 * closes ("transport close"), and each reconnection attempt the Manager makes
 * meanwhile fails, so its own backoff (about 1 s, 2 s, 4 s, then at most 5 s
 * between attempts) plays out for real. The first attempt after that succeeds.
 * Resolves when the time is up; call it again only after that.
 */
export function simulateOffline(manager: Manager, seconds: number): Promise<void> {
  const open = manager.open;
  manager.open = ((callback?: (error?: Error) => void) => {
    setTimeout(() => callback?.(new Error('offline (simulated)')));
    return manager;
  }) as Manager['open'];
  dropTransport(manager);
  return new Promise((resolve) =>
    setTimeout(() => {
      manager.open = open;
      resolve();
    }, seconds * 1000),
  );
}
