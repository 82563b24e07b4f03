import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** The five source tutorials in `shared/seeds/`, by number. */
const seed = z.enum(['000', '001', '002', '003', '004']);

/**
 * A "Try it" step is a fact the page can see in its demo's traffic: a client
 * receives `received`, after a client of the page sent `after`. `by` says
 * which client: the sender itself, another client of the page, or a client
 * while nobody on the page sent anything (someone in another window), after
 * it had the first one (the state sent on arrival does not count). `received:
 * ack` is an acknowledgement coming back.
 */
const tryItStep = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  text: z.string().min(1).max(120),
  when: z.object({
    after: z.string().optional(),
    received: z.string(),
    by: z.enum(['sender', 'another', 'elsewhere']),
    /** Words the received message must contain, where the event alone says too little. */
    includes: z.string().optional(),
    /** The namespace under the lesson's that the receiving socket is on (`/staff`), where the lesson has several. */
    on: z
      .string()
      .regex(/^\/[a-z0-9-]+$/)
      .optional(),
    /**
     * And it did not reach the sender (`sender`), or some other client that was
     * on the page at the send (`another`: a client outside the room), within a
     * second: the step ticks that second after the send.
     */
    missed: z.enum(['sender', 'another']).optional(),
    /**
     * The send it answers is the page's latest: nothing else was sent from the
     * page in between (what a client gets on connecting, and not because
     * someone sent a message just then).
     */
    latest: z.boolean().optional(),
  }),
});

/**
 * An exercise's check: a fact about the learner's code that the page sees.
 * Either traffic, as a "Try it" step, where the sender must be the learner's
 * code (`by: another`: a demo client got what the code sent); or `shows`: the
 * code's page shows the latest value of that event its sockets received (or
 * that `field` of it), after a change: the value sent on arrival does not
 * count, unless `fromFirst` (a refusal's reason, say, has nothing before it);
 * `includes`: words the value must contain.
 */
const exerciseCheck = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  text: z.string().min(1).max(120),
  when: z.union([
    tryItStep.shape.when,
    z.object({
      shows: z.string(),
      field: z.string().optional(),
      fromFirst: z.boolean().optional(),
      includes: z.string().optional(),
    }),
    // A test exercise's checks. `pass`: the learner's tests all pass against the lesson's server
    // (one test at least). `fail`: they pass there, and one at least fails against a broken copy
    // of it, the server code with `replace` (which must be in it) replaced by `with`: the tests can fail.
    // `about` says what is broken, as the page lists it ("a server that …").
    z.object({ tests: z.literal('pass') }),
    z.object({
      tests: z.literal('fail'),
      about: z.string().min(1).max(120),
      replace: z.string().min(1),
      with: z.string(),
    }),
  ]),
  /** What the check waits for, where the sentence the page makes from `when` would say it badly. */
  explain: z.string().min(1).max(200).optional(),
  /**
   * A nudge toward passing the check, true of the lesson's code (names in
   * backticks show as code); the page offers it once the learner has tried
   * for a while (see the exercise's `hintAfter`).
   */
  hint: z.string().min(1).max(300),
});

/** A file in the lesson folder's `exercises/`, named from the lesson folder: `exercises/<id>.start.js`. */
const exerciseFile = (kind: 'start' | 'solution') =>
  z.string().regex(new RegExp(`^exercises/[a-z0-9-]+\\.${kind}\\.(js|ts)$`));

const exercise = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /**
   * `client`: the learner writes a client, run in a sandboxed page of its own,
   * against the workshop's server. `server`: the learner writes the server, run
   * on the real socket.io in the page, and the lesson's demo connects to it;
   * its checks read what the demo's clients see there. `test`: the learner
   * writes a test file (node:test, node:assert, socket.io-client), run in the
   * page against `server` on the real socket.io, and against broken copies of
   * it (its checks say which); the page lists each test's outcome.
   */
  kind: z.enum(['client', 'server', 'test']).default('client'),
  title: z.string().min(1).max(120),
  /** What to do, in a sentence or two. */
  task: z.string().min(1).max(400),
  /** The starting code, in the lesson folder: `exercises/<id>.start.js` (or `.ts`). */
  starter: exerciseFile('start'),
  /**
   * A solution, shown on request; the browser tests run it. A server
   * exercise's is a region of the lesson's `server.ts`, the code the page
   * shows: `{ region: server }`. A test exercise's is a test file of the
   * lesson folder that the repo's suite runs, types removed: `{ file: example.test.ts }`.
   */
  solution: z.union([
    exerciseFile('solution'),
    z.object({ region: z.string().regex(/^[\w-]+$/) }),
    z.object({ file: z.string().regex(/^[\w-]+\.test\.ts$/) }),
  ]),
  /** A test exercise's server under test: a region of the lesson's `server.ts` (the tests' `./server.js`). */
  server: z.object({ region: z.string().regex(/^[\w-]+$/) }).optional(),
  /**
   * The learner's TypeScript is type-checked as they type (strict), against the
   * lesson's `events.ts` (imported as './events') and Socket.IO's own types; a
   * server exercise's `io` is typed by the maps it exports. Errors are underlined
   * and listed; the checker (TypeScript, in a worker) loads only when the editor is used.
   */
  typecheck: z.boolean().optional(),
  /** A server exercise's `io`: made with `connectionStateRecovery` on. */
  connectionStateRecovery: z.boolean().optional(),
  checks: z.array(exerciseCheck).min(1),
  /** When the checks' hints are offered: `seconds` after the first edit or Run, or from the `runs`-th Run on (60 s, 2 runs unless said). */
  hintAfter: z
    .object({ seconds: z.number().int().min(0).max(3600).optional(), runs: z.number().int().min(1).max(20).optional() })
    .optional(),
});

/**
 * The parts of the course, in order, as the home page groups the lessons.
 * Each has the heading the home page shows.
 */
export const PARTS = {
  'first-steps': 'First steps',
  sending: 'Sending',
  structure: 'Structure',
  reliability: 'Reliability',
  scale: 'Scale',
  tools: 'Tools',
} as const;

/**
 * How the tests drive a lesson's "Take it home" project (the lesson's shown
 * server code on a plain server): a client on `namespace` emits `emit` (the
 * event, then its arguments, with an acknowledgement callback) and some
 * client hears `hears`, or, with `hears: ack`, the acknowledgement answers
 * `{ ok: true }`. The project's HTML client connects to `namespace` too.
 */
const takeHome = z.object({
  namespace: z
    .string()
    .regex(/^\/[a-z0-9-]+$/)
    .optional(),
  emit: z.tuple([z.string().min(1)], z.unknown()),
  hears: z.string().min(1),
});

const lessons = defineCollection({
  // A lesson is a folder, `src/lessons/<slug>/`, and its text is `lesson.mdx` in it.
  loader: glob({ pattern: '*/lesson.mdx', base: './src/lessons', generateId: ({ entry }) => entry.split('/')[0]! }),
  schema: z.object({
    title: z.string().min(1),
    /** Position in the course: 1 is first. */
    order: z.number().int().positive(),
    /** The part of the course the lesson belongs to (see `PARTS`). */
    part: z.enum(Object.keys(PARTS) as [keyof typeof PARTS, ...(keyof typeof PARTS)[]]),
    /** The lessons this one assumes you read before, by slug (each must be a lesson that comes earlier). */
    assumes: z.array(z.string().regex(/^[a-z0-9-]+$/)).default([]),
    /** One or two sentences for the lesson list. */
    summary: z.string().min(1).max(240),
    /** The seeds this lesson draws on. */
    seeds: z.array(seed).default([]),
    /** What to try in the demo; each step ticks itself when the demo sees it happen. */
    tryIt: z.array(tryItStep).default([]),
    /** How the tests drive the lesson's take-home project (lessons with a server exercise whose solution is a region). */
    takeHome: takeHome.optional(),
    /** Code for the reader to write, run in the page against the live server. */
    exercises: z.array(exercise).default([]),
  }),
});

export const collections = { lessons };
