/**
 * Every client event may end with an acknowledgement callback. The server
 * answers `{ ok: true, ... }` or `{ ok: false, error }` where `error` is a
 * sentence a person understands (the public contract).
 */
export type AckOk<T extends object = object> = { ok: true } & T;
export type AckError = { ok: false; error: string };
export type AckResponse<T extends object = object> = AckOk<T> | AckError;
export type Ack<T extends object = object> = (response: AckResponse<T>) => void;

/** The refusal a client gets when it sends faster than its rate limit: worth retrying a moment later. */
export const TOO_FAST = 'Too many messages, slow down';

/** The refusal when a handler failed on the server (say, its storage was away): worth retrying. */
export const SERVER_PROBLEM = 'The server could not handle that just now. Please try again.';
