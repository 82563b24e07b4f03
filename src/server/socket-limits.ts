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
  // The sockets each connection holds now (each counted in `perAddress` too): a number per
  // connection, and listeners shared by all (`this` is the emitter), so that a socket keeps
  // nothing of these limits but an entry in its listener list.
  const held = new WeakMap<Conn, number>();
  const addressOf = (conn: Conn) => clientAddress(conn.request, trustProxy);
  function onDisconnect(this: AnySocket) {
    const count = held.get(this.conn);
    if (!count) return; // its connection closed first and took it off the count
    held.set(this.conn, count - 1);
    perAddress.remove(addressOf(this.conn));
  }
  // What is still counted when the connection goes: sockets that never got to connect (or left no word).
  function onConnectionClose(this: Conn) {
    const count = held.get(this) ?? 0;
    held.delete(this);
    if (count) perAddress.remove(addressOf(this), count);
  }

  return {
    admit(socket: AnySocket, next: (err?: ExtendedError) => void) {
      const conn = socket.conn;
      // The connection may have closed while earlier checks waited (on Redis): then Socket.IO
      // drops the socket without a disconnect, and nothing would give its count back.
      if (conn.readyState !== 'open') return next(new Error('The connection closed.'));
      const address = addressOf(conn);
      const count = held.get(conn);
      if ((count ?? 0) >= MAX_NAMESPACES_PER_CONNECTION) return next(new Error(TOO_MANY_NAMESPACES));
      if (perAddress.of(address) >= maxPerAddress) return next(new Error(TOO_MANY_SOCKETS));
      // `on`, not `once`: each happens once, and `once` keeps two more objects per listener.
      if (count === undefined) conn.on('close', onConnectionClose);
      held.set(conn, (count ?? 0) + 1);
      perAddress.add(address);
      socket.on('disconnect', onDisconnect);
      next();
    },
  };
}
