/**
 * The learner's code for each exercise, kept in this browser so that a reload
 * or a visit to another lesson loses nothing. Code equal to the starter is
 * not kept: the next visit then shows the starter as it is now.
 */
const keyOf = (lesson: string, exercise: string) => `workshop:code:${lesson}:${exercise}`;

export function savedCode(lesson: string, exercise: string): string | undefined {
  try {
    return localStorage.getItem(keyOf(lesson, exercise)) ?? undefined;
  } catch {
    return undefined; // storage refused: the starter it is
  }
}

/** False when the browser would not keep it (storage full or refused). */
export function saveCode(lesson: string, exercise: string, code: string, starter: string): boolean {
  try {
    if (code === starter) localStorage.removeItem(keyOf(lesson, exercise));
    else localStorage.setItem(keyOf(lesson, exercise), code);
    return true;
  } catch {
    return false;
  }
}
