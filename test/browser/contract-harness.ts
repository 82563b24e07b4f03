import { type DefaultEventsMap, Server } from 'socket.io';
import type { Adapter } from 'socket.io-adapter';
import { io as connect, type Socket } from 'socket.io-client';
import { InPageEngine } from '../../src/in-page-server/engine.ts';
import { inPageTransport } from '../../src/in-page-server/transport.ts';
import type { BoundaryHooks } from '../../src/server/plumbing/boundary.ts';
import { mountLesson, serveChildren } from '../../src/server/plumbing/mount.ts';
import { namespaceRegistry } from '../../src/server/plumbing/namespace-registry.ts';
import { eventLimits } from '../../src/server/plumbing/rate-limit.ts';
import { SessionAdapterReleasingItsTimer } from '../../src/server/plumbing/session-adapter.ts';
import type { InterServerEvents, LessonModule, SocketData } from '../../src/server/plumbing/types.ts';
import { memoryChatHistory } from '../../src/server/storage/chat-history.ts';
import { memoryCounters } from '../../src/server/storage/counter.ts';
import type { ContractOptions, ContractServer, ContractServers } from '../contract-harness.ts';

/**
 * The browser's side of `test/contract-harness.ts` (the fidelity bundle swaps
 * it in): a lesson's own server module on a real socket.io `Server` in the
 * page, bound to the in-page engine, mounted as the companion app mounts it
 * (`createApp` in src/server/app.ts) as far as that runs in a browser: at
 * `/<slug>`, behind the same plumbing (names, the input boundary, automatic
 * acks, rate limits, the namespaces under it), with the in-memory services
 * (one process). What stays on Node: class mode, Redis, address limits, storage on disk.
 */

let lesson: LessonModule | undefined;

/** The lesson whose contract tests this bundle runs (set by the bundle's entry). */
export function useLesson(module: LessonModule) {
  lesson = module;
}

// As `createApp`'s (src/server/app.ts, which is Node-only): the largest message (the engine enforces it here), and recovery.
const MAX_MESSAGE_BYTES = 16 * 1024;
const RECOVERY_WINDOW_MS = 2 * 60 * 1000;
// Any address does: the in-page transport never uses it, and the path names the namespace.
const ORIGIN = 'http://in-page.invalid';

async function start(options: ContractOptions = {}): Promise<ContractServer> {
  if (!lesson) throw new Error('no lesson: the bundle calls useLesson(module) first');
  const errors: unknown[] = [];
  const engine = new InPageEngine({ maxPayload: MAX_MESSAGE_BYTES });
  const registry = namespaceRegistry();
  const { namespaces } = registry;
  const io = new Server<DefaultEventsMap, DefaultEventsMap, InterServerEvents, SocketData>({
    serveClient: false,
    cleanupEmptyChildNamespaces: true,
    connectionStateRecovery: { maxDisconnectionDuration: RECOVERY_WINDOW_MS, skipMiddlewares: false },
    adapter: registry.tracking(SessionAdapterReleasingItsTimer as unknown as typeof Adapter),
  });
  io.bind(engine as never); // an engine of its own: what socket.io asks of engine.io's (see engine.ts)
  const hooks: BoundaryHooks = {
    limits: eventLimits(options.rates),
    onHandlerError: (error) => errors.push(error),
    onFault: (error) => errors.push(error),
  };
  const history = memoryChatHistory();
  const counter = memoryCounters()('in-page');
  const services = {
    history,
    counter,
    clear: async () => void (await Promise.all([history.clear(), counter.reset()])),
  };
  const at = { base: `/${lesson.contract.slug}`, namespaces };
  const paths = mountLesson(io.of(at.base), lesson, hooks, services, at);
  if (paths.length) serveChildren(io, lesson, paths, hooks, services, at);

  const transport = inPageTransport(() => {
    const { port1, port2 } = new MessageChannel();
    engine.accept(port2);
    return port1;
  });
  const clients: Socket[] = [];
  const open = ((namespace: string, auth?: object) => {
    const socket = connect(ORIGIN + namespace, { auth, forceNew: true, transports: [transport] });
    clients.push(socket);
    return socket;
  }) as ContractServer['open'];
  return {
    open,
    client: (async (namespace: string, auth?: object) => {
      const socket = open(namespace, auth);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
      return socket;
    }) as ContractServer['client'],
    namespaces: () => namespaces.names(),
    async close() {
      for (const socket of clients) socket.disconnect();
      await io.close();
      if (errors.length) throw new Error(`the server logged errors: ${errors.join('; ')}`, { cause: errors });
    },
  };
}

export const CONTRACT_SERVERS: ContractServers[] = [{ name: 'in the page', start }];
