import type { Namespace } from 'socket.io';
import type { LessonServer, LessonServices } from '../../server/plumbing/types.ts';
import type { Counter } from '../../server/storage/counter.ts';
import {
  type ClientToServerEvents,
  type ServerToClientEvents,
  scalingOut,
} from './contract.ts';

export const contract = scalingOut;

/** A node's namespace (see `node`). */
type Node = Namespace<ClientToServerEvents, ServerToClientEvents>;
/** The adapter switch (`adapterSwitch` below). */
interface Switch {
  isOn(): Promise<boolean>;
  set(on: boolean): Promise<void>;
}

/**
 * Two "servers", node-1 and node-2: two namespaces under the lesson's own,
 * each with its own adapter that knows only its own clients. The lesson's
 * namespace itself has nothing to do: the demo's clients connect to the nodes.
 */
export function register(
  io: LessonServer<ClientToServerEvents, ServerToClientEvents>,
  { counter }: LessonServices,
) {
  // #region server
  const adapter = adapterSwitch(counter);
  const [one, two] = [io.of('/node-1'), io.of('/node-2')];
  node(one, 'node 1', two, adapter);
  node(two, 'node 2', one, adapter);

  /** The adapter switch, kept where every node (and every process) reads the same value. */
  function adapterSwitch(counter: Counter) {
    return {
      isOn: async () => (await counter.get()) > 0,
      set: async (on: boolean) => (on ? void (await counter.add(1)) : counter.reset()),
    };
  }

  // #region node
  // `Node`: a node's namespace, typed with the lesson's event maps, the way an app types
  // its own (`Namespace<ClientToServerEvents, ServerToClientEvents>`).
  function node(io: Node, name: string, other: Node, adapter: Switch) {
    io.on('connection', (socket) => {
      socket.on('message:send', async ({ text }) => {
        const message = { from: socket.data.name, text, node: name };
        io.emit('message:new', message); // every client of this node, and no other
        // #region adapter
        // An adapter's job: hand the broadcast to the other servers, which emit it
        // to their own clients. The Redis adapter does this through Redis; here the
        // two "servers" share a process, so it is a call.
        if (await adapter.isOn()) other.emit('message:new', message);
        // #endregion
      });

      socket.on('adapter:set', async ({ on }) => {
        await adapter.set(on);
        for (const nsp of [io, other]) nsp.emit('adapter:state', { on });
      });
      // With its store away, the switch shows as it was last told.
      adapter.isOn().then(
        (on) => socket.emit('adapter:state', { on }),
        () => {},
      );
    });
  }
  // #endregion
  // #endregion
}
