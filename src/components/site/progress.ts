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
  const progress = readProgress();
  const steps = stepsDone(lesson, progress);
  if (steps.has(step)) return;
  steps.add(step);
  progress[lesson] = [...steps];
  try {
    localStorage.setItem(KEY, JSON.stringify(progress));
  } catch {
    // Not kept, but this page still shows it.
  }
  document.dispatchEvent(new CustomEvent(PROGRESS_CHANGE, { detail: { lesson } }));
}

/** "2 of 3 tried", or "all 3 tried". */
export function progressText(done: number, total: number) {
  return done >= total ? `all ${total} tried` : `${done} of ${total} tried`;
}

/**
 * The lessons whose steps are all done, of those this page lists with their
 * number of steps (the lesson list and the home page carry it).
 */
export function completedLessons(): string[] {
  const totals = new Map<string, number>();
  for (const mark of document.querySelectorAll<HTMLElement>('[data-progress-of][data-total]')) {
    totals.set(mark.dataset.progressOf!, Number(mark.dataset.total));
  }
  const progress = readProgress();
  return [...totals]
    .filter(([lesson, total]) => total > 0 && stepsDone(lesson, progress).size >= total)
    .map(([lesson]) => lesson);
}
