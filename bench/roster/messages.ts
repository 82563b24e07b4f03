/** The instructor's token of the roster bench (a loopback server of its own, gone with the run). */
export const BENCH_INSTRUCTOR_TOKEN = 'bench-instructor-token';

/** What the roster bench's main thread asks a student worker. */
export type ToStudents =
  | { type: 'join'; url: string; code: string; lesson: string; first: number; count: number }
  /** Each student does `steps` (in order), one at a time, at random moments over `seconds`. */
  | { type: 'progress'; lesson: string; steps: string[]; seconds: number }
  | { type: 'close' };

/** A step as a student emitted it: who, which, and when (on the clock every thread shares). */
export interface Emitted {
  name: string;
  step: string;
  at: number;
}

export type FromStudents =
  | { type: 'joined'; joinMs: number[] }
  | { type: 'emitted'; emitted: Emitted[] }
  | { type: 'closed' }
  | { type: 'error'; message: string };

export const studentName = (i: number) => `Student ${String(i + 1).padStart(4, '0')}`;
export const studentKey = (i: number) => `bench-student-key-${String(i).padStart(6, '0')}`;
