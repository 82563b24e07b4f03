import type { Socket } from 'socket.io-client';

/** What each in-page client sends and receives (events, and acknowledgements as `ack`), said on `document` (the "Try it" steps watch it). */
export const DEMO_TRAFFIC = 'demo:traffic';

export interface Traffic {
  /** Which in-page client (a number of the page's own). */
  client: number;
  direction: 'sent' | 'received' | 'connected';
  event: string;
  /** The first argument as text (cut short): a step may look for words in it. */
  text?: string;
}

const textOf = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value) ?? '').slice(0, 200);

export function reportTraffic(socket: Socket, client: number) {
  const say = (direction: Traffic['direction'], event: string, first?: unknown) =>
    document.dispatchEvent(new CustomEvent<Traffic>(DEMO_TRAFFIC, { detail: { client, direction, event, text: textOf(first) } }));
  socket.on('connect', () => say('connected', 'connect'));
  socket.onAny((event: string, first?: unknown) => say('received', event, first));
  // Acknowledgements are not events: the manager's decoded packets show them (type 3, this namespace).
  const namespace = (socket as unknown as { nsp: string }).nsp; // not public in the typings, stable since v3
  socket.io.on('packet', (packet: { type: number; nsp: string; data?: unknown[] }) => {
    // The reply is the last argument (emitWithAck puts an error slot before it).
    if (packet.type === 3 && packet.nsp === namespace) say('received', 'ack', packet.data?.at(-1));
  });
  socket.onAnyOutgoing((event: string, first?: unknown) => say('sent', event, first));
}
