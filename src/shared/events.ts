import type { z } from 'zod';

/**
 * How the server checks one client event before any lesson code sees it:
 * `args` validates the arguments (without the ack); `answers` says that the
 * lesson's handler replies to the ack itself (with data such as an id).
 * Otherwise the server answers `{ ok: true }` once the handlers have run.
 */
export interface ClientEventSpec {
  args: z.ZodType<unknown[]>;
  answers?: boolean;
  /** A message a person writes: refused while an instructor has locked the chat (and counted as a message). */
  lockable?: boolean;
  /**
   * `message`: what others read (text broadcast to them, a "joined" notice), limited as
   * chat messages are; otherwise an event (a click), with the looser limit.
   */
  rate?: 'message' | 'event';
  /** The name the event says its sender goes by (chat's `join`): in a class, it must be the student's own. */
  claimsName?: (args: unknown[]) => string | undefined;
}

export type ClientEventSpecs = Record<string, ClientEventSpec>;

/**
 * What each lesson shares between its server module and its demo: its slug
 * (the namespace is `/<slug>`) and a spec for every client event it accepts.
 */
export interface LessonContract<ClientEvents = Record<string, unknown>> {
  slug: string;
  clientEvents: { [Event in keyof ClientEvents]: ClientEventSpec };
}

/** What the server may say on any namespace, whatever the lesson. */
export interface CommonServerEvents {
  /** The server is stopping (a restart, or Ctrl+C); clients reconnect by themselves when it is back. */
  'server:closing': (info: { message: string }) => void;
}
