import type { Socket } from 'socket.io-client';
import { collect, connected, nextMatching } from '../../../test/events.ts';
// Types only, erased in the browser bundle: the harness itself stays on Node.
import type { Running } from '../../../test/harness.ts';
import type {
  Client,
  ClientToServerEvents,
  Message,
  ServerToClientEvents,
} from './contract.ts';

// What both of this lesson's test files use: contract.test.ts (which runs in a
// browser page too, so nothing Node-only here) and server.test.ts.

export type EmitClient = Socket<ServerToClientEvents, ClientToServerEvents>;
export const NSP = '/emit-vs-broadcast';

export const THREE = ['Ada', 'Bo', 'Cy'];
export const names = (list: Client[]) => list.map((c) => c.name).sort();

/** Where clients are opened: the contract's server, or Node's harness, whose `on` picks one of two servers. */
type Opener = Pick<Running, 'open'>;

/** The first `clients` list that `client` receives from now on whose names are `wanted`. */
export const listOf = (client: EmitClient, wanted: string[], timeoutMs = 3000) =>
  nextMatching<Client[]>(
    client as unknown as Socket,
    'clients',
    (list) => names(list).join() === [...wanted].sort().join(),
    timeoutMs,
  );

/** Opens a client named `name` (on the server whose turn it is, or `on`) and waits until it is in. */
export async function join(
  server: Opener,
  name?: string,
  on?: number,
): Promise<EmitClient> {
  const client: EmitClient = server.open(
    NSP,
    name === undefined ? undefined : { name },
    undefined,
    on,
  );
  await connected(client as unknown as Socket);
  return client;
}

/**
 * Opens Ada, Bo and Cy (with two servers: Ada and Cy on server A, Bo on B) and
 * waits until they are in; `firstLists` is the first list of all three that
 * each of them gets.
 */
export async function openThree(server: Opener) {
  const [ada, bo, cy] = THREE.map((name) => server.open(NSP, { name })) as [
    EmitClient,
    EmitClient,
    EmitClient,
  ];
  const firstLists = Promise.all([ada, bo, cy].map((c) => listOf(c, THREE)));
  firstLists.catch(() => {}); // a test that waits for it sees its failure
  await Promise.all([ada, bo, cy].map((c) => connected(c as unknown as Socket)));
  return { ada, bo, cy, firstLists };
}

/** Who of Ada, Bo and Cy receives a `message` within a short while of `send`. */
export async function whoReceives(
  [ada, bo, cy]: [EmitClient, EmitClient, EmitClient],
  send: () => Promise<unknown>,
) {
  const seen = Promise.all(
    [ada, bo, cy].map((client) => collect<Message>(client, 'message')),
  );
  await send();
  const [a, b, c] = await seen;
  return { Ada: a!, Bo: b!, Cy: c! };
}
