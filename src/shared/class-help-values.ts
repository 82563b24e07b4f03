// No zod here: a student's page imports these (the limits, what a hand shows),
// and the validation library would weigh more than the rest of the class bar.
/**
 * Help in a class: a student raises a hand (with a short question), the
 * instructor answers it; and the instructor can read a student's exercise
 * code, which the student's page shares a moment after each edit.
 */

/** A question or a reply: short, so that a list of them reads at a glance. */
export const HAND_TEXT_MAX = 140;
/** Hands up in one class at once, at most (each student has one). */
export const MAX_RAISED_HANDS = 300;
/**
 * The code of one exercise that a page may share (UTF-8 bytes): room for an exercise's 200 lines, and
 * under the server's largest message (16 KB) once escaped in JSON, so that the page hears why.
 */
export const SHARED_CODE_MAX_BYTES = 12_000;
/** Exercises kept per student: the ones they edited last. */
export const SHARED_EXERCISES_PER_STUDENT = 5;
/** How long a page waits after the last keystroke before it shares the code. */
export const SHARE_DEBOUNCE_MS = 1500;

/** A raised hand as the instructor's list shows it. */
export interface RaisedHand {
  name: string;
  /** The lesson the student's page showed when they raised it. */
  lesson: string | null;
  question: string;
  /** Server time (ms since epoch). */
  raisedAt: number;
}

/** A student's hand as their pages show it. */
export interface HandState {
  /** Up and waiting for the instructor. */
  raised: boolean;
  question: string;
  /** The instructor's answer to the hand: a short reply, or '' for "on my way"; null while there is none. */
  answer: string | null;
}

export const NO_HAND: HandState = { raised: false, question: '', answer: null };

/** A student's code of one exercise, as the instructor reads it. */
export interface SharedCode {
  lesson: string;
  exercise: string;
  /** The exercise's title, as the student's page names it. */
  title: string;
  code: string;
  /** When the server last got it (ms since epoch). */
  updatedAt: number;
}
