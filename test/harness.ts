import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DefaultEventsMap } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { startRedis } from '../scripts/redis-server.ts';
import { type App, type AppOptions, createApp } from '../src/server/app.ts';
import { silentLogger } from '../src/server/log.ts';
import { connectRedis, type RedisConnections } from '../src/server/scale/redis.ts';
import { connected, settle } from './events.ts';

// The helpers that wait for what clients hear, for the tests that import them from here.
export { collect, connected, nextEvent, nextEvents, nextMatching, settle, until } from './events.ts';

export interface Running {
  /** The first server's app (the only one, on one server). */
  app: App;
  /** Every server's app: one, or two sharing one Redis. */
  apps: App[];
  /** The first server's address. */
  url: string;
  /** Every server's address, for a client that needs options of its own. */
  urls: string[];
  /**
   * Opens a real client to a namespace without waiting: listen, then it connects.
   * Each client comes from an address of its own (127.x.y.z: loopback, like
   * people on their own machines), unless `from` names one. With two servers,
   * clients take turns: the first on server A, the second on B, and so on;
   * `on` picks one.
   */
  open: <S extends object = DefaultEventsMap, C extends object = DefaultEventsMap>(
    namespace: string,
    auth?: object,
    from?: string,
    on?: number,
  ) => Socket<S, C>;
  /** Connects a real client to a namespace and waits until it is in. */
  client: <S extends object = DefaultEventsMap, C extends object = DefaultEventsMap>(
    namespace: string,
    auth?: object,
    from?: string,
    on?: number,
  ) => Promise<Socket<S, C>>;
  /** Each server's Redis connections, with two servers (a test may close one, as at shutdown). */
  connections: RedisConnections[];
  /** What the server logged as errors; `close` fails if it is not empty. */
  errors: unknown[];
  close: () => Promise<void>;
}

/**
 * The ways a lesson is served, and so tested: one server, and two servers on
 * one Redis (each with its own adapter and connections, as two processes have:
 * whatever one keeps in memory, the other does not see).
 */
export const SERVERS = [
  { name: 'on one server', count: 1 },
  { name: 'on two servers sharing Redis', count: 2 },
] as const;

/**
 * Starts the app on port 0 (a free port) with real clients, as socket.io's own
 * tests do; with `servers: 2`, two apps on a Redis of their own.
 */
export async function startApp(options: AppOptions = {}, { servers = 1 }: { servers?: number } = {}): Promise<Running> {
  const errors: unknown[] = [];
  const logger = {
    error: (obj: { err?: unknown }) => void errors.push(obj.err ?? obj),
    warn() {},
    info() {},
    debug() {},
  };
  const redis = servers > 1 ? await startRedis() : undefined;
  const connections: RedisConnections[] = [];
  const started = await Promise.all(
    Array.from({ length: servers }, async () => {
      const httpServer = createServer();
      const shared = redis ? await connectRedis(redis.url, silentLogger) : undefined;
      if (shared) connections.push(shared);
      const app = createApp(httpServer, {
        logger: logger as unknown as AppOptions['logger'],
        ...(shared && { redis: shared }),
        ...options,
      });
      httpServer.listen(0, '127.0.0.1');
      await once(httpServer, 'listening');
      return { app, url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}` };
    }),
  );
  if (redis)
    await adaptersListening(
      connections[0]!.store,
      started.map((s) => s.app),
    );
  const clients: Socket[] = [];
  let opened = 0;
  const open = <S extends object = DefaultEventsMap, C extends object = DefaultEventsMap>(
    namespace: string,
    auth?: object,
    from?: string,
    on?: number,
  ): Socket<S, C> => {
    const n = opened++;
    from ??= `127.0.${1 + Math.floor(n / 250)}.${2 + (n % 250)}`;
    const { url } = started[on ?? n % started.length]!;
    const socket = connect(url + namespace, {
      auth,
      forceNew: true,
      transports: ['websocket'],
      localAddress: from,
    } as object);
    clients.push(socket);
    return socket as unknown as Socket<S, C>;
  };
  return {
    app: started[0]!.app,
    apps: started.map((s) => s.app),
    url: started[0]!.url,
    urls: started.map((s) => s.url),
    connections,
    errors,
    open,
    async client<S extends object = DefaultEventsMap, C extends object = DefaultEventsMap>(
      namespace: string,
      auth?: object,
      from?: string,
      on?: number,
    ) {
      const socket = open<S, C>(namespace, auth, from, on);
      await connected(socket);
      return socket;
    },
    async close() {
      for (const socket of clients) socket.disconnect();
      await Promise.all(started.map((s) => s.app.close()));
      // Gently: the adapter's last writes finish first.
      const open = connections.flatMap((c) => [c.store, c.bus]).filter((client) => client.isOpen);
      await Promise.all(open.map((client) => client.close()));
      await redis?.stop();
      if (errors.length) throw new Error(`the server logged errors: ${errors.join('; ')}`, { cause: errors });
    },
  };
}

/**
 * Resolves when every namespace's adapter, on every app, has subscribed to its
 * Redis channel: it does so a moment after it is made, and an app closed before
 * then leaves the subscription's promise to reject ("Disconnects client").
 */
async function adaptersListening(redis: RedisConnections['store'], apps: App[]) {
  const names = apps[0]!.namespaces.names();
  for (let tries = 0; tries < 200; tries++) {
    const counts = await redis.PUBSUB_NUMSUB(names.map((name) => `socket.io#${name}#`));
    if (Object.values(counts).every((n) => Number(n) >= apps.length)) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the adapters did not subscribe to Redis within 2 s');
}

/** Chatters who have joined `room` of `/chat` (on `namespace`, the public one by default), one per name. */
export async function chatters(server: Running, names: string[], room = 'lobby', namespace = '/chat') {
  const sockets: Socket[] = [];
  for (const name of names) {
    const socket = await server.client(namespace);
    const answer = await socket.emitWithAck('join', { name, room });
    if (!answer.ok) throw new Error(`${name} could not join ${room}: ${answer.error}`);
    sockets.push(socket);
  }
  await settle();
  return sockets;
}
