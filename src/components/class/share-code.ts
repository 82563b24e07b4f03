import { SHARE_DEBOUNCE_MS, SHARED_CODE_MAX_BYTES } from '../../shared/class-help-values.ts';
import type { StudentSocket } from './class-session.ts';
import { EXERCISE_CODE, type ExerciseCode } from './exercise-code.ts';

const TOO_LONG = 'This code is too long to share: your instructor sees it as it was before.';

/**
 * In a class, each exercise's code goes to the class a moment after the
 * student stops typing (the latest only; the instructor reads it on the
 * dashboard), and each exercise says so next to its editor. Nothing else of
 * the page is sent, and no student ever gets another's code.
 */
export function shareExerciseCode(socket: StudentSocket) {
  const notes = () => document.querySelectorAll<HTMLElement>('[data-instructor-sees]');
  for (const note of notes()) note.hidden = false;
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  function share(detail: ExerciseCode, note: HTMLElement | null) {
    const tooLong = new TextEncoder().encode(detail.code).length > SHARED_CODE_MAX_BYTES;
    if (note) note.textContent = tooLong ? TOO_LONG : 'Your instructor can see this code.';
    if (tooLong || !socket.connected) return;
    socket.emit('code:share', detail, (answer) => {
      if (!answer.ok && note) note.textContent = `Not shared with your instructor just now: ${answer.error}`;
    });
  }

  const onChange = (event: Event) => {
    const detail = (event as CustomEvent<ExerciseCode>).detail;
    const id = `${detail.lesson}/${detail.exercise}`;
    const note = (event.target as HTMLElement).querySelector<HTMLElement>('[data-instructor-sees]');
    clearTimeout(timers.get(id));
    timers.set(
      id,
      setTimeout(() => {
        timers.delete(id);
        share(detail, note);
      }, SHARE_DEBOUNCE_MS),
    );
  };
  document.addEventListener(EXERCISE_CODE, onChange);

  // Out of the class: nothing more is shared, and the pages stop saying so.
  const stop = () => {
    document.removeEventListener(EXERCISE_CODE, onChange);
    for (const timer of timers.values()) clearTimeout(timer);
    for (const note of notes()) note.hidden = true;
  };
  socket.on('class:ended', stop);
  socket.on('class:removed', stop);
  return stop;
}
