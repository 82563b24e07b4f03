import { io, type Socket } from 'socket.io-client';
import { demoNamespace } from '../class/class-session.ts';
import { connectClient, type DeliveryOptions } from './connect.ts';

/** A server of the learner's, running in the page: each `connect()` is a new connection to it. */
export interface InPageServer {
  connect: () => MessagePort;
  stop: () => void;
}

/** Said on `document` when a lesson's in-page server starts (`server`) or stops (none): its demo follows. */
export const DEMO_SERVER = 'demo:server';
export interface DemoServerChange {
  lesson: string;
  server?: InPageServer;
}
/** Said on `document` when the reader moves a lesson's demo between servers with its own switch. */
export const DEMO_SERVER_CHOSEN = 'demo:server-chosen';

export function offerServer(lesson: string, server?: InPageServer) {
  document.dispatchEvent(new CustomEvent<DemoServerChange>(DEMO_SERVER, { detail: { lesson, server } }));
}

/** How a demo's clients connect, to the workshop's server or to the learner's. */
export interface Connector {
  /** The learner's own server, in the page. */
  yours: boolean;
  /** The namespace the lesson's own paths go under: the lesson's (or its class's) on the workshop's server, '' on the learner's. */
  root: string;
  open: (path: string, auth: Record<string, unknown>, options?: DeliveryOptions) => Socket;
}

export function workshopConnector(slug: string): Connector {
  // In a class, the same lesson lives in the class's own namespace.
  const root = demoNamespace(slug).namespace;
  return { yours: false, root, open: (path, auth, options) => connectClient(root + path, auth, options) };
}

/**
 * The learner's server has the namespaces a plain app has: the lesson's
 * clients go to `/` (and `/staff`, …). Loaded only when such a server runs.
 */
export async function yourServerConnector(server: InPageServer): Promise<Connector> {
  const { inPageTransport } = await import('../../in-page-server/transport.ts');
  const transport = inPageTransport(server.connect);
  return {
    yours: true,
    root: '',
    open: (path, auth, { ackTimeout, retries } = {}) =>
      io(path || '/', { auth, forceNew: true, transports: [transport], ackTimeout, retries }),
  };
}

/**
 * Which server a lesson's demo is on, as its page says it: the learner's
 * own (while it runs and the demo has not been switched back), or none.
 */
export function followDemoServer(lesson: string, changed?: () => void): () => InPageServer | undefined {
  let offered: InPageServer | undefined;
  let onYours = false;
  document.addEventListener(DEMO_SERVER, (event) => {
    const change = (event as CustomEvent<DemoServerChange>).detail;
    if (change.lesson !== lesson) return;
    offered = change.server;
    onYours = !!change.server;
    changed?.();
  });
  document.addEventListener(DEMO_SERVER_CHOSEN, (event) => {
    const chosen = (event as CustomEvent<{ lesson: string; yours: boolean }>).detail;
    if (chosen.lesson !== lesson) return;
    onYours = chosen.yours;
    changed?.();
  });
  return () => (onYours ? offered : undefined);
}

/**
 * A client exercise's `io(namespace)` on the learner's server: the lesson's
 * namespace there is `/`, and `/<lesson>/staff` is `/staff`.
 */
export async function yourServerOpener(server: InPageServer, lesson: string) {
  const connector = await yourServerConnector(server);
  const own = `/${lesson}`;
  return (namespace: string, auth: Record<string, unknown>) =>
    connector.open(
      namespace === own ? '' : namespace.startsWith(`${own}/`) ? namespace.slice(own.length) : namespace,
      auth,
    );
}
