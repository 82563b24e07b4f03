import { z } from 'zod';
import type { Ack } from './acks.ts';
import { type HandState, handQuestion, handReply, type RaisedHand, type SharedCode, sharedCode } from './class-help.ts';
import { displayName } from './contract.ts';
import { CLIENT_NAME, CODE_HINT, CODE_PATTERN, MAX_GROUPS } from './namespaces.ts';

export { CODE_ALPHABET, CODE_LENGTH, classLessonNamespace, classNamespace } from './namespaces.ts';

export const classCode = z
  .string({ error: 'A class code is text.' })
  .trim()
  .toUpperCase()
  .regex(CODE_PATTERN, CODE_HINT);

/**
 * What a student has done, per lesson: the ids of its "Try it" steps and
 * exercise checks (`exercise:check`) they have seen tick.
 */
export type LessonProgress = Record<string, string[]>;

const stepId = z
  .string()
  .regex(/^[a-z0-9-]{1,40}(:[a-z0-9-]{1,40})?$/, 'A step is named like "join" or "exercise:check".');
const MAX_LESSONS = 100;
/** More than any lesson has (its Try it steps and exercise checks): what a student may hold per lesson. */
export const MAX_STEPS_PER_LESSON = 40;

/** Progress as a page sends it: lessons by slug, each a list of steps (at most 100 lessons of 40 steps). */
export const lessonProgress = z
  .record(z.string(), z.array(stepId).max(MAX_STEPS_PER_LESSON), {
    error: 'Send { progress: { lesson: [step, …] } }.',
  })
  .refine((progress) => Object.keys(progress).length <= MAX_LESSONS, `At most ${MAX_LESSONS} lessons.`);

/** What a store gives back, whatever it holds: only lists of step names (Lua's JSON writes an empty list as {}). */
export function progressFrom(value: unknown): LessonProgress {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).flatMap(([lesson, steps]) =>
      Array.isArray(steps) && steps.length ? [[lesson, steps.filter((s) => typeof s === 'string')]] : [],
    ),
  );
}

/**
 * Both together: a step done in either is done (two windows, two devices, never a tick lost).
 * At most `MAX_STEPS_PER_LESSON` per lesson, those known first: a page that makes steps up
 * cannot grow what the class keeps of it without end.
 */
export function mergeProgress(a: LessonProgress, b: LessonProgress): LessonProgress {
  const merged: LessonProgress = { ...a };
  for (const [lesson, steps] of Object.entries(b)) {
    const known = merged[lesson] ?? [];
    const added = steps.filter((step) => !known.includes(step)).sort();
    merged[lesson] = [...known, ...added].slice(0, MAX_STEPS_PER_LESSON).sort();
  }
  return merged;
}

/** One student as the instructor sees them. */
export interface RosterEntry {
  name: string;
  connected: boolean;
  /** The lesson the student's page shows, if any. */
  lesson: string | null;
  section: string | null;
  /** The steps they have done, per lesson (the dashboard knows each lesson's steps). */
  progress: LessonProgress;
  /** Their group, when the class is split into groups (1 to 50). */
  group?: number;
  /**
   * When they last did a new step (or first arrived, if none since): the server's clock, in ms.
   * Null when no server process has a page of theirs in mind. The dashboard's "stuck" reads it.
   */
  activeAt: number | null;
}

export interface ClassSummary {
  code: string;
  title: string;
  createdAt: number;
  students: number;
}

export interface FollowTarget {
  lesson: string;
  section: string | null;
}

export interface Announcement {
  id: number;
  text: string;
}

/** What a student's page gets on joining, and again when any of it changes. */
export interface ClassState {
  code: string;
  title: string;
  follow: FollowTarget | null;
  announcement: Announcement | null;
  chatLocked: boolean;
  /** A break the instructor started: when it ends (the server's clock), and how long it is. */
  breakTimer: BreakTimer | null;
  /** While true, only names already on the roster (with their own key) may join. */
  closedToNewcomers: boolean;
  /** The server's clock when it sent this: a page counts a break down by it, whatever its own clock says. */
  sentAt: number;
}

export interface BreakTimer {
  endsAt: number;
  minutes: number;
}

/** Said to a new name at the handshake while the class is closed to newcomers. */
export const CLOSED_TO_NEWCOMERS = 'This class is closed to newcomers: ask your instructor.';
/** How long a break may be, in whole minutes. */
export const BREAK_MINUTES = { min: 1, max: 60 } as const;

// The instructor's namespace, `/instructor` (needs `auth: { token }`).

export interface InstructorServerEvents {
  /** Changes to a watched class's roster, batched a few times a second at most. */
  'roster:delta': (delta: { code: string; changed: RosterEntry[]; removed: string[] }) => void;
  /** A watched class's raised hands changed: ask `hands:list` for them. */
  'hands:changed': (payload: { code: string }) => void;
  /** How many students a class has now (for the class list), a few times a second at most. */
  'class:students': (payload: { code: string; students: number }) => void;
}

export interface InstructorClientEvents {
  /** Where students can reach this server: the addresses to show on the projector. */
  'server:info': (ack?: Ack<{ networkUrls: string[] }>) => void;
  'class:create': (payload: { title?: string }, ack?: Ack<{ code: string }>) => void;
  'class:list': (ack?: Ack<{ classes: ClassSummary[] }>) => void;
  'class:watch': (
    payload: { code: string },
    ack?: Ack<{ state: ClassState; roster: RosterEntry[]; removed: string[]; groups?: number }>,
  ) => void;
  'class:end': (payload: { code: string }, ack?: Ack) => void;
  'class:follow': (payload: { code: string; lesson: string | null; section?: string | null }, ack?: Ack) => void;
  'class:announce': (payload: { code: string; text: string }, ack?: Ack) => void;
  'class:lock-chat': (payload: { code: string; locked: boolean }, ack?: Ack) => void;
  'class:reset': (payload: { code: string; lesson: string }, ack?: Ack) => void;
  'class:remove-student': (payload: { code: string; name: string }, ack?: Ack) => void;
  /** Lets a removed student back in: their name is free again, and their browser may rejoin. */
  'class:readmit': (payload: { code: string; name: string }, ack?: Ack) => void;
  /** Splits the class into `groups` groups, or into groups of about `size` students (at most 50 groups). */
  'class:split': (payload: { code: string; groups?: number; size?: number }, ack?: Ack<{ groups: number }>) => void;
  /** One class again: every demo shared by the whole class. */
  'class:ungroup': (payload: { code: string }, ack?: Ack) => void;
  /** Moves a student to another group; their page reconnects its demos there. */
  'class:move-student': (payload: { code: string; name: string; group: number }, ack?: Ack) => void;
  /** The hands up, oldest first, and the server's clock (for "waiting 3 min"). */
  'hands:list': (payload: { code: string }, ack?: Ack<{ hands: RaisedHand[]; now: number }>) => void;
  /** Answers a student's hand and takes it down: `reply` shows on their page ('' says "Your instructor is coming"). */
  'hands:answer': (payload: { code: string; name: string; reply?: string }, ack?: Ack) => void;
  /** What a student's pages last shared of their exercises, newest first. */
  'code:view': (payload: { code: string; name: string }, ack?: Ack<{ name: string; shared: SharedCode[] }>) => void;
  /** Starts a break of `minutes` (1 to 60) on every student's page; `null` ends it. Answers the class's state now. */
  'class:break': (payload: { code: string; minutes: number | null }, ack?: Ack<{ state: ClassState }>) => void;
  /** Closes the class to new names (or opens it again); students on the roster still get back in. */
  'class:close-to-newcomers': (payload: { code: string; closed: boolean }, ack?: Ack<{ state: ClassState }>) => void;
}

const title = z.string({ error: 'A title is text.' }).trim().max(80, 'A title can be at most 80 characters.');
const lessonSlug = z.string({ error: 'Name a lesson.' }).regex(/^[a-z0-9-]{1,40}$/, 'That is not a lesson.');
const section = z
  .string()
  .max(80)
  .regex(/^[\w-]*$/, 'That is not a section of the page.');
const groupNumber = z
  .number({ error: 'A group is a number.' })
  .int('A group is a whole number.')
  .min(1, 'Groups are numbered from 1.')
  .max(MAX_GROUPS, `At most ${MAX_GROUPS} groups.`);
const groupSize = z
  .number({ error: 'A group size is a number.' })
  .int('A group size is a whole number.')
  .min(1, 'A group has at least 1 student.')
  .max(1000, 'A group can be at most 1000 students.');
const withCode = <T extends z.ZodRawShape>(shape: T) =>
  z.tuple([z.object({ code: classCode, ...shape }, { error: 'Send an object with the class code.' })]);

export const instructorEvents = {
  'server:info': { args: z.tuple([]), answers: true },
  'class:create': {
    args: z.tuple([z.object({ title: title.optional() }, { error: 'Send { title }.' })]),
    answers: true,
  },
  'class:list': { args: z.tuple([]), answers: true },
  'class:watch': { args: withCode({}), answers: true },
  'class:end': { args: withCode({}), answers: true },
  'class:follow': {
    args: withCode({ lesson: lessonSlug.nullable(), section: section.nullable().optional() }),
    answers: true,
  },
  'class:announce': {
    args: withCode({ text: z.string().trim().max(500, 'An announcement can be at most 500 characters.') }),
    answers: true,
  },
  'class:lock-chat': { args: withCode({ locked: z.boolean({ error: 'Locked is true or false.' }) }), answers: true },
  'class:reset': { args: withCode({ lesson: lessonSlug }), answers: true },
  'class:remove-student': { args: withCode({ name: displayName }), answers: true },
  'class:readmit': { args: withCode({ name: displayName }), answers: true },
  'class:split': {
    args: z.tuple([
      z
        .object(
          {
            code: classCode,
            groups: groupNumber.min(2, 'Split into at least 2 groups.').optional(),
            size: groupSize.optional(),
          },
          { error: 'Send { code, groups } or { code, size }.' },
        )
        .refine(
          (p) => (p.groups === undefined) !== (p.size === undefined),
          'Give a number of groups or a group size, not both.',
        ),
    ]),
    answers: true,
  },
  'class:ungroup': { args: withCode({}), answers: true },
  'class:move-student': { args: withCode({ name: displayName, group: groupNumber }), answers: true },
  'hands:list': { args: withCode({}), answers: true },
  'hands:answer': { args: withCode({ name: displayName, reply: handReply.optional() }), answers: true },
  'code:view': { args: withCode({ name: displayName }), answers: true },
  'class:break': {
    args: withCode({
      minutes: z
        .number({ error: 'A break is a number of minutes, or null to end it.' })
        .int(`A break is ${BREAK_MINUTES.min} to ${BREAK_MINUTES.max} whole minutes.`)
        .min(BREAK_MINUTES.min, `A break is ${BREAK_MINUTES.min} to ${BREAK_MINUTES.max} whole minutes.`)
        .max(BREAK_MINUTES.max, `A break is ${BREAK_MINUTES.min} to ${BREAK_MINUTES.max} whole minutes.`)
        .nullable(),
    }),
    answers: true,
  },
  'class:close-to-newcomers': {
    args: withCode({ closed: z.boolean({ error: 'Closed is true or false.' }) }),
    answers: true,
  },
};

// A student's class namespace, `/class/<CODE>` (needs `auth: { name, key }`).

export interface StudentServerEvents {
  'class:state': (state: ClassState) => void;
  /** The instructor reset a lesson's demo: its sockets were closed, connect again for a fresh start. */
  'class:reset': (payload: { lesson: string }) => void;
  'class:ended': (payload: { reason: string }) => void;
  'class:removed': (payload: { reason: string }) => void;
  /** What the class keeps of this student's progress, on joining: a page merges it into its own (another device's ticks). */
  'student:progress': (payload: { progress: LessonProgress }) => void;
  /** This student's group (null: the class is not split), on joining and whenever it changes: the page's demos connect there. */
  'class:group': (payload: { group: number | null }) => void;
  /** This student's hand, on joining and whenever it changes (on any of their pages, or by the instructor). */
  'hand:state': (state: HandState) => void;
}

export interface StudentClientEvents {
  'student:where': (payload: { lesson: string | null; section?: string | null }, ack?: Ack) => void;
  /** The steps this student has done, per lesson (kept in their browser, and by the class). */
  'student:progress': (payload: { progress: LessonProgress }, ack?: Ack) => void;
  /** Puts the hand up (or changes its question while up). */
  'hand:raise': (payload: { question?: string }, ack?: Ack) => void;
  'hand:lower': (ack?: Ack) => void;
  /** The current code of an exercise, for the instructor to read (the page says so next to the editor). */
  'code:share': (payload: { lesson: string; exercise: string; title?: string; code: string }, ack?: Ack) => void;
}

export const studentEvents = {
  'student:where': {
    args: z.tuple([
      z.object(
        { lesson: lessonSlug.nullable(), section: section.nullable().optional() },
        { error: 'Send { lesson, section }.' },
      ),
    ]),
  },
  'student:progress': {
    rate: 'message' as const, // a page says it on each tick: a person's pace, not a flood's
    args: z.tuple([z.object({ progress: lessonProgress }, { error: 'Send { progress: { lesson: [step, …] } }.' })]),
  },
  'hand:raise': {
    rate: 'message' as const, // the instructor reads it
    answers: true,
    args: z.tuple([z.object({ question: handQuestion.optional() }, { error: 'Send { question }.' })]),
  },
  'hand:lower': { rate: 'message' as const, answers: true, args: z.tuple([]) },
  'code:share': {
    rate: 'message' as const, // a page sends it a moment after typing stops, not per keystroke
    answers: true,
    args: z.tuple([sharedCode]),
  },
};

/** A student's identity in the handshake: the name shown, and a key only their browser knows. */
export const studentAuth = z.object({
  name: displayName.refine(
    (name) => !CLIENT_NAME.test(name),
    'That is how a classmate’s second client is called: pick another name.',
  ),
  key: z.string({ error: 'Missing student key.' }).regex(/^[\w-]{16,64}$/, 'Missing student key.'),
});
