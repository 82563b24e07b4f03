import type { Manager } from 'socket.io-client';

/** The Engine.IO packet type codes, as they appear first on the wire. */
const PACKET_CODES: Record<string, string> = {
  open: '0',
  close: '1',
  ping: '2',
  pong: '3',
  message: '4',
  upgrade: '5',
  noop: '6',
};

interface EnginePacket {
  type: string;
  data?: unknown;
}

/** A packet as the wire carries it: `42/emit-vs-broadcast,["message",{...}]`. */
export function encodeFrame(packet: EnginePacket): string {
  const code = PACKET_CODES[packet.type] ?? '?';
  if (packet.data === undefined) return code;
  if (typeof packet.data === 'string') return code + packet.data;
  // A binary attachment travels as a frame of its own, raw bytes on WebSocket (base64 on long-polling).
  const data = packet.data as { byteLength?: number; size?: number };
  return `<binary frame, ${data.byteLength ?? data.size ?? '?'} bytes>`;
}

/**
 * Calls `onFrame` with every Engine.IO packet this client's connection sends
 * or receives. A reconnection makes a new engine, so each one is hooked once.
 */
export function watchFrames(manager: Manager, onFrame: (direction: 'sent' | 'received', frame: string) => void) {
  const hooked = new WeakSet<object>();
  const hook = () => {
    const engine = manager.engine;
    if (!engine || hooked.has(engine)) return;
    hooked.add(engine);
    engine.on('packet', (packet: EnginePacket) => onFrame('received', encodeFrame(packet)));
    engine.on('packetCreate', (packet: EnginePacket) => onFrame('sent', encodeFrame(packet)));
  };
  hook();
  // The manager opens the new engine right after announcing the attempt.
  manager.on('reconnect_attempt', () => queueMicrotask(hook));
  manager.on('open', hook);
}
