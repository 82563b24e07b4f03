/**
 * The names of a lesson's `events.ts` (event names, limits, timings): its
 * shown server code uses them, so the in-page server gets them with a run,
 * and code opened in the playground gets them declared above it. Read at
 * build time, by the lesson folder's convention (as the demo frame finds
 * its client), so the kit names no lesson.
 */
const lessonEvents = import.meta.glob<Record<string, unknown>>('../../lessons/*/events.ts', { eager: true });

export type LessonNames = Record<string, string | number | boolean>;

export function lessonNames(lesson: string): LessonNames {
  return Object.fromEntries(
    Object.entries(lessonEvents[`../../lessons/${lesson}/events.ts`] ?? {}).filter(([, value]) =>
      ['string', 'number', 'boolean'].includes(typeof value),
    ),
  ) as LessonNames;
}

/** `code` with the lesson's names that it uses declared above it: it runs alone in the playground. */
export function withNames(code: string, names: LessonNames): string {
  const used = Object.entries(names).filter(([name]) => new RegExp(`\\b${name}\\b`).test(code));
  return `${used.map(([name, value]) => `const ${name} = ${JSON.stringify(value)};\n`).join('')}${code}`;
}
