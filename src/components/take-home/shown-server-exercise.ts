import type { CollectionEntry } from 'astro:content';

type Exercise = CollectionEntry<'lessons'>['data']['exercises'][number];

/** The lesson's server exercise whose solution is a region of its `server.ts`: what a take-home project runs. */
export function shownServerExercise(lesson: CollectionEntry<'lessons'>) {
  return lesson.data.exercises.find(
    (e): e is Exercise & { solution: { region: string } } =>
      e.kind === 'server' && typeof e.solution === 'object' && 'region' in e.solution,
  );
}
