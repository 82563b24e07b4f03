import type { AckResponse } from '../../shared/acks.ts';
import type { ClassState } from '../../shared/class-mode.ts';
import { createBreakTimer } from '../class/break-timer.ts';
import { byData } from '../demo/dom.ts';
import type { InstructorSocket } from './instructor-socket.ts';

/**
 * The dashboard's break timer (the same countdown as on students' pages) and
 * the switch that closes the class to newcomers. `watched` is the open class;
 * `act` reports an action's outcome next to the controls.
 */
export function startSteeringControls(
  root: HTMLElement,
  socket: InstructorSocket,
  watched: () => string | null,
  act: (done: string) => (answer: AckResponse) => void,
) {
  /** Reports the outcome, and shows the class's state that the answer brings. */
  const then = (done: string) => (answer: AckResponse<{ state: ClassState }>) => {
    act(done)(answer);
    if (answer.ok) show(answer.state);
  };
  const $ = byData(root);
  const form = $<HTMLFormElement>('break-form');
  const endBreak = $<HTMLButtonElement>('end-break');
  const closed = $<HTMLInputElement>('close-newcomers');
  const timer = createBreakTimer($('break-timer'), $('break-aloud'));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const minutes = Number(new FormData(form).get('minutes'));
    const code = watched();
    if (code)
      socket.emit('class:break', { code, minutes }, then(`A break of ${minutes} min is on every student's page.`));
  });
  endBreak.addEventListener('click', () => {
    const code = watched();
    if (code) socket.emit('class:break', { code, minutes: null }, then('The break has ended.'));
  });
  closed.addEventListener('change', () => {
    const code = watched();
    const wanted = closed.checked;
    if (!code) return;
    socket.emit('class:close-to-newcomers', { code, closed: wanted }, (answer) => {
      then(wanted ? 'The class is closed to newcomers.' : 'Newcomers may join again.')(answer);
      if (!answer.ok) closed.checked = !wanted;
    });
  });

  /** The class's state, as the class has it now (on opening it, and after each change made here). */
  function show(state: ClassState) {
    timer.show(state.breakTimer, state.sentAt);
    endBreak.hidden = !state.breakTimer;
    closed.checked = state.closedToNewcomers;
  }
  return { show };
}
