import type { Socket } from 'socket.io-client';
import { watchFrames } from './wire-frames.ts';

/** What each in-page client sends and receives (events; acknowledgements as `ack`, connections as `connect`, their end as `disconnect`), said on `document` (the "Try it" steps watch it). */
export const DEMO_TRAFFIC = 'demo:traffic';

export interface Traffic {
  /** Which in-page client (a number of the page's own). */
  client: number;
  direction: 'sent' | 'received' | 'connected';
  event: string;
  /** The first argument as text (cut short): a step may look for words in it. */
  text?: string;
  /** The namespace of the socket, when the client has more than one (`/rooms`, `/class/AB12/rooms/staff`). */
  namespace?: string;
  /** The socket is connected to the learner's own server, running in the page (a server exercise's checks count only these). */
  yours?: boolean;
}

const textOf = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? '')).slice(0, 200);

export function reportTraffic(socket: Socket, client: number, yours = false) {
  const namespace = (socket as unknown as { nsp: string }).nsp; // not public in the typings, stable since v3
  const say = (direction: Traffic['direction'], event: string, first?: unknown) =>
    document.dispatchEvent(
      new CustomEvent<Traffic>(DEMO_TRAFFIC, {
        detail: { client, direction, event, text: textOf(first), namespace, yours },
      }),
    );
  let connections = 0;
  socket.on('connect', () => {
    say('connected', 'connect');
    // The server's answer to the CONNECT packet, whether it brought the session back, and whether
    // this client had been connected before (a step about coming back must not tick on arrival).
    say('received', 'connect', { recovered: socket.recovered, again: connections++ > 0 });
  });
  // A refused connection says why (a middleware's error); the attempt itself was this client's act.
  socket.on('connect_error', (error) => say('received', 'connect_error', error.message));
  // The reason, as the client's own `disconnect` listener gets it ("io server disconnect"…).
  socket.on('disconnect', (reason) => say('received', 'disconnect', reason));
  socket.onAny((event: string, first?: unknown) => say('received', event, first));
  // Acknowledgements are not events: the manager's decoded packets show them (type 3, this namespace).
  socket.io.on('packet', (packet: { type: number; nsp: string; data?: unknown[] }) => {
    // The reply is the last argument (emitWithAck puts an error slot before it).
    if (packet.type === 3 && packet.nsp === namespace) say('received', 'ack', packet.data?.at(-1));
  });
  socket.onAnyOutgoing((event: string, first?: unknown) => say('sent', event, first));
  // A connection attempt is the CONNECT packet of this namespace on the wire (`40/nsp,`).
  // The main namespace's is just `40` (or `40{auth}`): on the learner's own server, the demo is on `/`.
  const isConnect = (frame: string) =>
    namespace === '/' ? frame.startsWith('40') && frame[2] !== '/' : frame.startsWith(`40${namespace},`);
  watchFrames(socket.io, (direction, frame) => {
    if (direction === 'sent' && isConnect(frame)) say('sent', 'connect');
  });
}
