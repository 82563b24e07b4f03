import type { Ack } from '../../shared/acks.ts';

/**
 * Lesson `what-you-can-send`: the event names and payloads, which the browser
 * imports too (so no zod here; the checks are in `contract.ts`).
 */
export const VALUE_SEND = 'value:send';
export const VALUE_NEW = 'value:new';
export const FILE_SEND = 'file:send';
export const FILE_NEW = 'file:new';

/**
 * The largest file this demo sends. The workshop's server takes at most 16 KB
 * in one message (its `maxHttpBufferSize`), and over HTTP long-polling binary
 * travels as base64, a third bigger: 10 KB fits either way.
 */
export const MAX_FILE_BYTES = 10 * 1024;
/** What a sender may say a value is (the code it wrote, shown next to what arrived). */
export const LABEL_MAX = 80;

/** A file as a client sends it: from a browser an ArrayBuffer or a typed array; a Node server gets a Buffer. */
export interface FileOut {
  name: string;
  /** Its media type, such as `image/jpeg`; '' when the browser does not know it. */
  type: string;
  bytes: ArrayBuffer | Uint8Array;
}

/** A file as the other clients get it: a browser receives the bytes as an ArrayBuffer. */
export interface FileIn extends FileOut {
  from: string;
}

export interface ServerToClientEvents {
  /** Three arguments: the value as it arrived, what its sender called it, and who sent it. */
  [VALUE_NEW]: (value: unknown, label: string, from: string) => void;
  [FILE_NEW]: (file: FileIn) => void;
}

export interface ClientToServerEvents {
  [VALUE_SEND]: (value: unknown, label: string, ack?: Ack) => void;
  [FILE_SEND]: (file: FileOut, ack?: Ack) => void;
}
