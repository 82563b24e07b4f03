import { z } from 'zod';
import { HAND_TEXT_MAX, SHARED_CODE_MAX_BYTES } from './class-help-values.ts';
import { visibleOnly } from './contract.ts';

export * from './class-help-values.ts';

/** The checks at the boundary for help in a class (the server's; pages read `class-help-values.ts`). */

const handText = (field: string) =>
  z
    .string({ error: `${field} is text.` })
    .normalize('NFKC')
    .trim()
    .max(HAND_TEXT_MAX, `${field} can be at most ${HAND_TEXT_MAX} characters.`)
    .refine(visibleOnly, `${field} cannot contain invisible or control characters.`);

const bytes = (text: string) => new TextEncoder().encode(text).length;

export const handQuestion = handText('A question');
export const handReply = handText('A reply');

const lesson = z.string({ error: 'Name a lesson.' }).regex(/^[a-z0-9-]{1,40}$/, 'That is not a lesson.');

export const sharedCode = z.object(
  {
    lesson,
    exercise: z.string({ error: 'Name the exercise.' }).regex(/^[a-z0-9-]{1,40}$/, 'That is not an exercise.'),
    title: z
      .string({ error: 'A title is text.' })
      .trim()
      .max(80, 'An exercise title can be at most 80 characters.')
      .refine(visibleOnly, 'A title cannot contain invisible or control characters.')
      .optional(),
    code: z
      .string({ error: 'The code is text.' })
      .refine(
        (code) => bytes(code) <= SHARED_CODE_MAX_BYTES,
        `At most ${SHARED_CODE_MAX_BYTES / 1000} KB of code is shared with your instructor.`,
      ),
  },
  { error: 'Send { lesson, exercise, title, code }.' },
);
