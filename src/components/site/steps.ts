import type { CollectionEntry } from 'astro:content';

/** What counts towards a lesson's progress: its "Try it" steps and the checks of its exercises. */
export function stepTotal(lesson: CollectionEntry<'lessons'>): number {
  return lesson.data.tryIt.length + lesson.data.exercises.reduce((sum, exercise) => sum + exercise.checks.length, 0);
}

/** How an exercise's check is kept among the lesson's steps (a "Try it" step id has no colon). */
export const checkStepId = (exercise: string, check: string) => `${exercise}:${check}`;
