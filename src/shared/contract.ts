import { z } from 'zod';

/** Names shown to others: trimmed, 1 to 24 characters (the public contract). */
export const NAME_MAX = 24;

// Control characters, and the invisible ones that reorder text or hide in it, have no place in a name
// (the zero-width joiners of emoji and of some scripts are fine).
const CONTROL = /[\p{Cc}\u200B\u200E\u200F\u202A-\u202E\u2060-\u206F\uFEFF]/u;
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

/** No control or invisible characters (room names too: the chat's server keys rooms with one). */
export const visibleOnly = (text: string) => !CONTROL.test(text);

export const displayName = z
  .string({ error: 'Your name must be text.' })
  .trim()
  .min(1, 'Your name cannot be empty.')
  .max(NAME_MAX, `Your name can be at most ${NAME_MAX} characters.`)
  .refine(visibleOnly, 'Your name cannot contain invisible or control characters.')
  .refine((name) => VISIBLE.test(name), 'Your name needs at least one visible character.');

/** The handshake may carry `auth: { name }`; anything else in it is ignored. */
export const handshakeAuth = z.object({ name: displayName.optional() }).loose();

export { lessonNamespace } from './namespaces.ts';
