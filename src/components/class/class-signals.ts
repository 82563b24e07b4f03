import type { ClassState } from '../../shared/class-mode.ts';

/**
 * What the class bar hears from the class, passed on to the rest of the page
 * (a lesson's demo), so that the demo shows a lock or a reset at once: plain
 * DOM events, and the latest state kept for a demo that starts later.
 */
const STATE_EVENT = 'socket-workshop:class-state';
const RESET_EVENT = 'socket-workshop:class-reset';
const LATEST = Symbol.for('socket-workshop:class-state');

type Holder = { [LATEST]?: ClassState };

export function publishClassState(state: ClassState) {
  (window as Holder)[LATEST] = state;
  document.dispatchEvent(new CustomEvent<ClassState>(STATE_EVENT, { detail: state }));
}

export function publishClassReset(lesson: string) {
  document.dispatchEvent(new CustomEvent<{ lesson: string }>(RESET_EVENT, { detail: { lesson } }));
}

/** Calls `listener` with the class's state now (if the page has it yet) and at each change. */
export function onClassState(listener: (state: ClassState) => void) {
  const latest = (window as Holder)[LATEST];
  if (latest) listener(latest);
  document.addEventListener(STATE_EVENT, (event) => listener((event as CustomEvent<ClassState>).detail));
}

/** Calls `listener` with the lesson whose demo the instructor reset, once its state is gone. */
export function onClassReset(listener: (lesson: string) => void) {
  document.addEventListener(RESET_EVENT, (event) => listener((event as CustomEvent<{ lesson: string }>).detail.lesson));
}
