import { z } from 'zod';

/** Names shown to others: trimmed, 1 to 24 characters (the public contract). */
export const NAME_MAX = 24;

export const displayName = z
  .string({ error: 'Your name must be text.' })
  .trim()
  .min(1, 'Your name cannot be empty.')
  .max(NAME_MAX, `Your name can be at most ${NAME_MAX} characters.`);

/** The handshake may carry `auth: { name }`; anything else in it is ignored. */
export const handshakeAuth = z.object({ name: displayName.optional() }).loose();

/** The namespace of a lesson's demo in the public space: `/<slug>`. */
export function lessonNamespace(slug: string): string {
  return `/${slug}`;
}
