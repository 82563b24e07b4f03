import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from './contract.ts';

// What both of this lesson's test files use: contract.test.ts (which runs in a
// browser page too, so nothing Node-only here: no Buffer) and server.test.ts.

export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
export const NSP = '/what-you-can-send';

/** The next `event` that `socket` hears, with all its arguments. */
export function nextArgs(
  socket: Client,
  event: keyof ServerToClientEvents,
  timeoutMs = 3000,
): Promise<unknown[]> {
  const plain = socket as unknown as Socket;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no "${event}" within ${timeoutMs} ms`)),
      timeoutMs,
    );
    plain.once(event, (...args: unknown[]) => {
      clearTimeout(timer);
      resolve(args);
    });
  });
}

/** The bytes of what arrived, whichever form it took: a Buffer on Node, an ArrayBuffer in a browser. */
export function bytesOf(value: unknown): number[] {
  if (value instanceof ArrayBuffer) return [...new Uint8Array(value)];
  if (ArrayBuffer.isView(value))
    return [...new Uint8Array(value.buffer, value.byteOffset, value.byteLength)];
  throw new Error(`not binary: ${Object.prototype.toString.call(value)}`);
}
