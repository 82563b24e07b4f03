import type { DefaultEventsMap } from 'socket.io';
import type { Socket } from 'socket.io-client';
import type { Rates } from '../src/server/plumbing/rate-limit.ts';
import { SERVERS, startApp } from './harness.ts';

/**
 * What a lesson's contract tests (`src/lessons/<slug>/contract.test.ts`) ask
 * of a server: clients on a namespace, and an end. Two harnesses give it: this
 * one, the companion app on Node (one server, and two sharing Redis), and
 * `test/browser/contract-harness.ts`, the lesson's own `register` on a real
 * socket.io `Server` in a browser page (e2e/fidelity.spec.ts swaps it in).
 * A contract test uses nothing else, so it runs the same in both.
 */
export interface ContractServer {
  /** Opens a client to a namespace (`/rooms`, `/namespaces-and-middleware/staff`) without waiting: listen, then it connects. */
  open: <S extends object = DefaultEventsMap, C extends object = DefaultEventsMap>(
    namespace: string,
    auth?: object,
  ) => Socket<S, C>;
  /** Connects a client to a namespace and waits until it is in; rejects with the server's refusal. */
  client: <S extends object = DefaultEventsMap, C extends object = DefaultEventsMap>(
    namespace: string,
    auth?: object,
  ) => Promise<Socket<S, C>>;
  /** The namespaces the server holds now (with two servers: that either holds), as Socket.IO makes and drops them. */
  namespaces: () => string[];
  /** Disconnects the clients and stops the server; fails if the server logged errors. */
  close: () => Promise<void>;
}

export interface ContractOptions {
  /** The rate limits, for tests that send faster than a person may. */
  rates?: Rates;
}

/** One way a lesson is served: a name for the suite, and how to start a fresh server. */
export interface ContractServers {
  name: string;
  start: (options?: ContractOptions) => Promise<ContractServer>;
}

/** On Node: the companion app, on one server and on two sharing Redis (clients take turns between them). */
export const CONTRACT_SERVERS: ContractServers[] = SERVERS.map(({ name, count }) => ({
  name,
  async start(options = {}) {
    const running = await startApp(options, { servers: count });
    return {
      open: running.open,
      client: running.client,
      namespaces: () => [...new Set(running.apps.flatMap((app) => app.namespaces.names()))],
      close: running.close,
    };
  },
}));
