import type { IncomingMessage } from 'node:http';
import { clientAddress, countsByKey } from './socket-limits.ts';

/**
 * At most `max` open connections from one address: a single machine cannot
 * take the whole server's sockets. `track` counts the connections an engine
 * opens and closes; `allows` is asked before each new handshake.
 * `trustProxy`: behind a balancer, see `clientAddress`.
 */
export function connectionCap(max: number, trustProxy = false) {
  const addressOf = (req: IncomingMessage) => clientAddress(req, trustProxy);
  const open = countsByKey();
  return {
    allows: (req: IncomingMessage) => open.of(addressOf(req)) < max,
    track(engine: {
      on(
        event: 'connection',
        listener: (socket: {
          request: IncomingMessage;
          on(event: 'close', listener: (this: { request: IncomingMessage }) => void): void;
        }) => void,
      ): void;
    }) {
      // One listener for every connection (`this` is the connection): it closes once, and keeps nothing.
      function onClose(this: { request: IncomingMessage }) {
        open.remove(addressOf(this.request));
      }
      engine.on('connection', (socket) => {
        open.add(addressOf(socket.request));
        socket.on('close', onClose);
      });
    },
  };
}
