/**
 * The playground's code in its address: both editors and the number of
 * clients, compressed (deflate) into the hash, so that a link carries it all
 * and nothing is stored on the server. Runs in the browser and, for the
 * lessons' "Open in playground" links, at build time in Node (both have
 * CompressionStream).
 */
export interface PlaygroundCode {
  server: string;
  client: string;
  clients: number;
}

export const MIN_CLIENTS = 1;
export const MAX_CLIENTS = 6;
/** The hash starts with this: `#code=…`. */
const PREFIX = 'code=';
/** Decompressed, a link holds at most this much text: a bigger one is refused, not unpacked. */
const MAX_TEXT = 200_000;

export class ShareError extends Error {
  override name = 'ShareError';
}

export const clampClients = (value: unknown) => {
  const number = Math.round(Number(value));
  return Number.isFinite(number) ? Math.min(MAX_CLIENTS, Math.max(MIN_CLIENTS, number)) : MIN_CLIENTS;
};

/** The hash (with its `#`) for this code. */
export async function encodeCode(code: PlaygroundCode): Promise<string> {
  const text = JSON.stringify({ v: 1, server: code.server, client: code.client, clients: clampClients(code.clients) });
  const packed = await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw'));
  return `#${PREFIX}${toBase64Url(packed)}`;
}

/** Whether this hash is meant for the playground at all (an empty one or another anchor is not). */
export const hasCode = (hash: string) => hash.replace(/^#/, '').startsWith(PREFIX);

/** The code a hash holds; a ShareError, in a sentence for the reader, when it holds none that can be read. */
export async function decodeCode(hash: string): Promise<PlaygroundCode> {
  const unreadable = new ShareError(
    'The code in this link could not be read (it may have been cut short when it was copied), so the example code is shown instead.',
  );
  let text: string;
  try {
    const bytes = fromBase64Url(hash.replace(/^#/, '').slice(PREFIX.length));
    text = new TextDecoder('utf-8', { fatal: true }).decode(
      await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_TEXT),
    );
  } catch (error) {
    if (error instanceof ShareError) throw error;
    throw unreadable;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw unreadable;
  }
  const { server, client, clients } = (data ?? {}) as Record<string, unknown>;
  if (typeof server !== 'string' || typeof client !== 'string') throw unreadable;
  return { server, client, clients: clampClients(clients) };
}

/** Bytes through a (de)compression stream; past `limit` bytes out, a ShareError. */
async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit = Infinity) {
  const writer = stream.writable.getWriter();
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => {});
  writer.close().catch(() => {});
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = stream.readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > limit) {
      void reader.cancel();
      throw new ShareError(
        'The code in this link is too long for the playground, so the example code is shown instead.',
      );
    }
    chunks.push(value);
  }
  const all = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return all;
}

function toBase64Url(bytes: Uint8Array) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string) {
  if (!/^[\w-]*$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}
