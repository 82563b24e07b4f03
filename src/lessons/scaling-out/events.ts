import type { Ack } from '../../shared/acks.ts';

// Lesson `scaling-out`, without zod: the browser imports these.

/** The demo's two "servers": two namespaces under the lesson's, each with its own adapter. */
export const NODE_PATHS = ['/node-1', '/node-2'] as const;
export const nodeLabel = (path: string) => path.replace('/node-', 'node ');

export interface Message {
  from: string;
  text: string;
  /** The node the sender is connected to. */
  node: string;
}

export interface ServerToClientEvents {
  'message:new': (message: Message) => void;
  /** Whether the nodes pass broadcasts to each other: on connect, and to every node when it changes. */
  'adapter:state': (state: { on: boolean }) => void;
}

export interface ClientToServerEvents {
  'message:send': (message: { text: string }, ack?: Ack) => void;
  'adapter:set': (state: { on: boolean }, ack?: Ack) => void;
}
