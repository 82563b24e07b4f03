import type { IncomingMessage } from 'node:http';
import type { ExtendedError } from 'socket.io';
import type { AnySocket } from './plumbing/types.ts';

/** A page needs a handful (a class, a demo's children, an exercise's sockets); a script asking for thousands does not. */
export const MAX_NAMESPACES_PER_CONNECTION = 16;

export const TOO_MANY_NAMESPACES = `This connection already holds ${MAX_NAMESPACES_PER_CONNECTION} namespaces: close one before opening another.`;
export const TOO_MANY_SOCKETS =
  'Too many sockets are open from your address: close some pages or tabs, then try again.';

/**
 * The address a request comes from. Behind a balancer (`trustProxy`) every
 * connection comes from the balancer, so it is the one it adds last to
 * `X-Forwarded-For`.
 */
export function clientAddress(req: IncomingMessage, trustProxy = false): string {
  const forwarded = trustProxy ? req.headers['x-forwarded-for'] : undefined;
  const last = (Array.isArray(forwarded) ? forwarded.at(-1) : forwarded)?.split(',').at(-1)?.trim();
  return last || req.socket.remoteAddress || 'unknown';
}

type Conn = AnySocket['conn'];

/** How many of something each key holds now (connections, sockets per address); a key at 0 is forgotten. */
export function countsByKey() {
  const counts = new Map<string, number>();
  return {
    of: (key: string) => counts.get(key) ?? 0,
    add(key: string, n = 1) {
      counts.set(key, (counts.get(key) ?? 0) + n);
    },
    remove(key: string, n = 1) {
      const left = (counts.get(key) ?? n) - n;
      if (left > 0) counts.set(key, left);
      else counts.delete(key);
    },
  };
}

/**
 * How many sockets (namespaces joined) one connection and one address may
 * hold at once: a connection multiplexes namespaces, so capping connections
 * alone leaves one connection free to hold thousands.
 *
 * `admit` is a namespace middleware, run last, after every other check: a
 * socket it lets through is connected on the next tick, so it counts it at
 * once (a burst of CONNECT packets cannot all slip past the count); the
 * count goes down when the socket disconnects, or with its connection if it
 * never got to connect.
 */
export function socketLimits(maxPerAddress: number, trustProxy = false) {
  const perAddress = countsByKey();
  const held = new WeakMap<Conn, Set<AnySocket>>();

  return {
    admit(socket: AnySocket, next: (err?: ExtendedError) => void) {
      const conn = socket.conn;
      const address = clientAddress(socket.request, trustProxy);
      let sockets = held.get(conn);
      if ((sockets?.size ?? 0) >= MAX_NAMESPACES_PER_CONNECTION) return next(new Error(TOO_MANY_NAMESPACES));
      if (perAddress.of(address) >= maxPerAddress) return next(new Error(TOO_MANY_SOCKETS));
      if (!sockets) {
        const mine = new Set<AnySocket>();
        sockets = mine;
        held.set(conn, mine);
        // What is still counted when the connection goes never connected (or left no word).
        conn.once('close', () => {
          perAddress.remove(address, mine.size);
          mine.clear();
        });
      }
      const mine = sockets;
      mine.add(socket);
      perAddress.add(address);
      socket.once('disconnect', () => {
        if (mine.delete(socket)) perAddress.remove(address);
      });
      next();
    },
  };
}
