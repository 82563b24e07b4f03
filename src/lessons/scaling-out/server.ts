import {
  NODE_PATHS,
  nodeLabel,
  scalingOut,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from './contract.ts';
import type { LessonChild, LessonNamespace, LessonServices } from '../../server/plumbing/types.ts';
import type { Counter } from '../../server/storage/counter.ts';

export const contract = scalingOut;

type NodeNamespace = LessonNamespace<ClientToServerEvents, ServerToClientEvents>;

/** The lesson's own namespace has nothing to do: the demo's clients connect to the nodes under it. */
export function register() {}

/** The adapter switch, kept where every node (and every process) reads the same value. */
function adapterSwitch(counter: Counter) {
  return {
    isOn: async () => (await counter.get()) > 0,
    set: async (on: boolean) => (on ? void (await counter.add(1)) : counter.reset()),
  };
}

/** The other node of this pair, if anyone is connected to it (Socket.IO makes a namespace on its first client). */
function otherNodes(node: NodeNamespace): NodeNamespace[] {
  const base = node.name.slice(0, node.name.lastIndexOf('/'));
  return NODE_PATHS.map((path) => node.server._nsps.get(base + path) as NodeNamespace | undefined).filter(
    (other): other is NodeNamespace => other !== undefined && other !== node,
  );
}

// #region node
function node(io: NodeNamespace, { counter }: LessonServices) {
  const adapter = adapterSwitch(counter);
  const name = nodeLabel(io.name.slice(io.name.lastIndexOf('/')));

  io.on('connection', (socket) => {
    socket.on('message:send', async ({ text }) => {
      const message = { from: socket.data.name, text, node: name };
      io.emit('message:new', message); // every client of this node, and no other
      // #region adapter
      // An adapter's job: hand the broadcast to the other servers, which emit it to
      // their own clients. The Redis adapter does this through Redis; here the two
      // "servers" share a process, so it is a call.
      if (await adapter.isOn()) for (const other of otherNodes(io)) other.emit('message:new', message);
      // #endregion
    });

    socket.on('adapter:set', async ({ on }) => {
      await adapter.set(on);
      for (const nsp of [io, ...otherNodes(io)]) nsp.emit('adapter:state', { on });
    });
    // With its store away, the switch shows as it was last told.
    adapter.isOn().then((on) => socket.emit('adapter:state', { on }), () => {});
  });
}
// #endregion

export const children: LessonChild[] = NODE_PATHS.map((path) => ({
  path: new RegExp(`^${path}$`),
  register: node as LessonChild['register'],
}));
