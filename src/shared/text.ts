import { z } from 'zod';

/** A message a person typed: trimmed, 1 to 500 characters (the public contract). */
export const TEXT_MAX = 500;

export const messageText = z
  .string({ error: 'The text must be a string.' })
  .trim()
  .min(1, 'The text cannot be empty.')
  .max(TEXT_MAX, `The text can be at most ${TEXT_MAX} characters.`);
