import type { IncomingMessage } from 'node:http';
import type { ExtendedError } from 'socket.io';
import type { AnySocket } from './plumbing/types.ts';

/** A page needs a handful (a class, a demo's children, an exercise's sockets); a script asking for thousands does not. */
export const MAX_NAMESPACES_PER_CONNECTION = 16;

export const TOO_MANY_NAMESPACES = `This connection already holds ${MAX_NAMESPACES_PER_CONNECTION} namespaces: close one before opening another.`;
export const TOO_MANY_SOCKETS = 'Too many sockets are open from your address: close some pages or tabs, then try again.';

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
  const perAddress = new Map<string, number>();
  const held = new WeakMap<Conn, Set<AnySocket>>();

  const release = (address: string, n: number) => {
    const left = (perAddress.get(address) ?? n) - n;
    if (left > 0) perAddress.set(address, left);
    else perAddress.delete(address);
  };

  return {
    /** Sockets open from each address, for tests and the operator. */
    openFrom: (address: string) => perAddress.get(address) ?? 0,

    admit(socket: AnySocket, next: (err?: ExtendedError) => void) {
      const conn = socket.conn;
      const address = clientAddress(socket.request, trustProxy);
      let mine = held.get(conn);
      if (mine?.has(socket)) return next(); // already counted (a namespace with this middleware twice)
      if ((mine?.size ?? 0) >= MAX_NAMESPACES_PER_CONNECTION) return next(new Error(TOO_MANY_NAMESPACES));
      if ((perAddress.get(address) ?? 0) >= maxPerAddress) return next(new Error(TOO_MANY_SOCKETS));
      if (!mine) {
        const sockets = new Set<AnySocket>();
        mine = sockets;
        held.set(conn, sockets);
        // What is still counted when the connection goes never connected (or left no word).
        conn.once('close', () => {
          release(address, sockets.size);
          sockets.clear();
        });
      }
      const sockets = mine;
      sockets.add(socket);
      perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
      socket.once('disconnect', () => {
        if (sockets.delete(socket)) release(address, 1);
      });
      next();
    },
  };
}

export type SocketLimits = ReturnType<typeof socketLimits>;
