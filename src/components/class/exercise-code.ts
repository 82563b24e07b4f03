/**
 * How an exercise tells the class bar that its code changed (the bar shares
 * it with the instructor, a moment later): a DOM event, so that the exercise
 * knows nothing of classes, sockets or instructors.
 */
export const EXERCISE_CODE = 'socket-workshop:exercise-code';

export interface ExerciseCode {
  lesson: string;
  exercise: string;
  title: string;
  code: string;
}

export function reportExerciseCode(root: HTMLElement, detail: ExerciseCode) {
  root.dispatchEvent(new CustomEvent<ExerciseCode>(EXERCISE_CODE, { bubbles: true, detail }));
}
