import { z } from 'zod';
import type { LessonContract } from '../../shared/events.ts';
import {
  type ClientToServerEvents,
  FILE_SEND,
  LABEL_MAX,
  MAX_FILE_BYTES,
  VALUE_SEND,
} from './events.ts';

/** Lesson `what-you-can-send`: what the server accepts. The names and payloads are in `events.ts`. */
export * from './events.ts';

/** How much of a value the server passes on: a demo's worth, not a payload. */
export const VALUE_MAX_WEIGHT = 1000;
/** How deep a value may nest: JSON.stringify recurses, and 16 KB of `[[[[…]]]]` is deeper than its stack. */
export const VALUE_MAX_DEPTH = 16;

const isBinary = (value: unknown): value is ArrayBuffer | ArrayBufferView | Blob =>
  value instanceof ArrayBuffer ||
  ArrayBuffer.isView(value) ||
  (typeof Blob !== 'undefined' && value instanceof Blob);
const byteSize = (value: ArrayBuffer | ArrayBufferView | Blob) =>
  value instanceof Blob ? value.size : value.byteLength;

/**
 * What a decoded value weighs: a character per character of its strings and
 * keys, a byte per byte of its binary parts, one per anything else; and how
 * deep it nests. Walked with a stack of its own, so no value can overflow ours.
 */
export function weigh(value: unknown): { weight: number; depth: number } {
  let weight = 0;
  let depth = 0;
  const todo: [unknown, number][] = [[value, 1]];
  while (todo.length) {
    const [item, level] = todo.pop()!;
    depth = Math.max(depth, level);
    if (depth > VALUE_MAX_DEPTH || weight > VALUE_MAX_WEIGHT) break;
    if (typeof item === 'string') weight += item.length;
    else if (isBinary(item)) weight += byteSize(item);
    else if (item !== null && typeof item === 'object') {
      weight += 1;
      for (const [key, child] of Object.entries(item)) {
        weight += key.length;
        todo.push([child, level + 1]);
      }
    } else weight += 1;
  }
  return { weight, depth };
}

const anyValue = z.unknown().superRefine((value, context) => {
  const { weight, depth } = weigh(value);
  if (depth > VALUE_MAX_DEPTH)
    context.addIssue({
      code: 'custom',
      message: `A value may nest at most ${VALUE_MAX_DEPTH} levels deep.`,
    });
  else if (weight > VALUE_MAX_WEIGHT)
    context.addIssue({
      code: 'custom',
      message: `That value is too big for this demo: keep it to about ${VALUE_MAX_WEIGHT} characters.`,
    });
});

const label = z
  .string({ error: 'Say what the value is in a string (the second argument).' })
  .trim()
  .min(1, 'Say what the value is (the second argument cannot be empty).')
  .max(LABEL_MAX, `Say what the value is in at most ${LABEL_MAX} characters.`);

const KB = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
const bytes = z
  .custom<ArrayBuffer | Uint8Array>(isBinary, {
    error:
      'The bytes must be binary: an ArrayBuffer or a typed array such as a Uint8Array.',
  })
  .refine((value) => byteSize(value) <= MAX_FILE_BYTES, {
    error: `That file is too big: this demo sends at most ${KB(MAX_FILE_BYTES)}.`,
  })
  .refine((value) => byteSize(value) > 0, { error: 'That file is empty.' });

const file = z.object(
  {
    name: z
      .string({ error: "The file's name must be a string." })
      .trim()
      .min(1, 'The file needs a name.')
      .max(100, "A file's name is at most 100 characters."),
    // A media type as the browser says it (`image/jpeg`), or '' when it does not know.
    type: z
      .string({ error: "The file's type must be a string." })
      .max(100, "A file's type is at most 100 characters.")
      .regex(
        /^$|^[\w.+-]+\/[\w.+-]+$/,
        'The file\'s type must look like "image/png", or be empty.',
      ),
    bytes,
  },
  { error: 'Send an object like { name, type, bytes }.' },
);

export const whatYouCanSend = {
  slug: 'what-you-can-send',
  clientEvents: {
    // Others read both: limited as chat messages are.
    [VALUE_SEND]: { args: z.tuple([anyValue, label]), rate: 'message' },
    [FILE_SEND]: { args: z.tuple([file]), rate: 'message' },
  },
} satisfies LessonContract<ClientToServerEvents>;
