import type { IncomingMessage } from 'node:http';
import { clientAddress } from './socket-limits.ts';

/**
 * At most `max` open connections from one address: a single machine cannot
 * take the whole server's sockets. `track` counts the connections an engine
 * opens and closes; `allows` is asked before each new handshake.
 * `trustProxy`: behind a balancer, see `clientAddress`.
 */
export function connectionCap(max: number, trustProxy = false) {
  const addressOf = (req: IncomingMessage) => clientAddress(req, trustProxy);
  const open = new Map<string, number>();
  return {
    allows: (req: IncomingMessage) => (open.get(addressOf(req)) ?? 0) < max,
    track(engine: { on(event: 'connection', listener: (socket: { request: IncomingMessage; once(event: 'close', listener: () => void): void }) => void): void }) {
      engine.on('connection', (socket) => {
        const address = addressOf(socket.request);
        open.set(address, (open.get(address) ?? 0) + 1);
        socket.once('close', () => {
          const left = (open.get(address) ?? 1) - 1;
          if (left > 0) open.set(address, left);
          else open.delete(address);
        });
      });
    },
  };
}
