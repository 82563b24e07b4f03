/**
 * What a reader has tried, kept in this browser only: the "Try it" steps
 * seen per lesson. Pages say `progress:change` on `document` when it grows.
 */
const KEY = 'workshop:progress';
export const PROGRESS_CHANGE = 'progress:change';

type Progress = Record<string, string[]>;

export function readProgress(): Progress {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Progress) : {};
  } catch {
    return {}; // storage refused or spoiled: start again
  }
}

/** `progress`: one reading of the storage, when several lessons are asked at once. */
export function stepsDone(lesson: string, progress = readProgress()): Set<string> {
  const steps = progress[lesson];
  return new Set(Array.isArray(steps) ? steps.filter((s) => typeof s === 'string') : []);
}

export function markDone(lesson: string, step: string) {
  addProgress({ [lesson]: [step] });
}

/**
 * Adds steps to this browser's (one seen here, or those the class kept of
 * this student); says `progress:change` for each lesson that grew.
 */
export function addProgress(more: Progress) {
  const progress = readProgress();
  const grown: string[] = [];
  for (const [lesson, steps] of Object.entries(more)) {
    const done = stepsDone(lesson, progress);
    const before = done.size;
    for (const step of steps) if (typeof step === 'string') done.add(step);
    if (done.size === before) continue;
    progress[lesson] = [...done];
    grown.push(lesson);
  }
  if (!grown.length) return;
  try {
    localStorage.setItem(KEY, JSON.stringify(progress));
  } catch {
    // Not kept, but this page still shows it.
  }
  for (const lesson of grown) document.dispatchEvent(new CustomEvent(PROGRESS_CHANGE, { detail: { lesson } }));
}

/** "2 of 3 tried", or "all 3 tried". */
export function progressText(done: number, total: number) {
  return done >= total ? `all ${total} tried` : `${done} of ${total} tried`;
}
