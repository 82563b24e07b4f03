import { type HandState, NO_HAND } from '../../shared/class-help-values.ts';
import { byData } from '../demo/dom.ts';
import type { StudentSocket } from './class-session.ts';

/**
 * "Raise hand" in the class bar: one click puts the hand up (the instructor's
 * dashboard lists it), a question can follow, and the instructor's answer
 * shows under the bar ("Your instructor is coming", or their reply). Every
 * page of the student shows the same hand: the server tells them all.
 */
export function startRaiseHand(root: HTMLElement, socket: StudentSocket) {
  const $ = byData(root);
  const toggle = $<HTMLButtonElement>('hand-toggle');
  const panel = $('hand-panel');
  const status = $('hand-status');
  const form = $<HTMLFormElement>('hand-question');
  const dismiss = $<HTMLButtonElement>('hand-dismiss');
  const input = form.querySelector('input')!;
  let hand: HandState = NO_HAND;
  let dismissed = false;

  function show(next: HandState) {
    if (next.raised || next.answer !== hand.answer) dismissed = false; // a new answer shows again
    hand = next;
    toggle.setAttribute('aria-pressed', String(next.raised));
    form.hidden = !next.raised;
    if (document.activeElement !== input) input.value = next.question;
    dismiss.hidden = next.raised;
    status.textContent = next.raised
      ? next.question
        ? `Your hand is up with your question: “${next.question}”.`
        : 'Your hand is up: your instructor sees it.'
      : next.answer === null
        ? ''
        : next.answer
          ? `Your instructor replied: ${next.answer}`
          : 'Your instructor is coming.';
    panel.hidden = dismissed || (!next.raised && next.answer === null);
  }
  /** The server's answer to this page's request: refused, the hand is as it was, and the page says why. */
  const unless = (before: HandState) => (answer: { ok: boolean; error?: string }) => {
    if (answer.ok) return;
    show(before);
    panel.hidden = false;
    status.textContent = `Not sent: ${answer.error}`;
  };

  socket.on('hand:state', show);
  // Out of the class, the hand goes with the bar.
  const away = () => {
    toggle.hidden = true;
    panel.hidden = true;
  };
  socket.on('class:ended', away);
  socket.on('class:removed', away);
  toggle.addEventListener('click', () => {
    // Shown at once; the server's word (to every page of the student) follows.
    const before = hand;
    if (hand.raised) {
      show(NO_HAND);
      socket.emit('hand:lower', unless(before));
    } else {
      show({ raised: true, question: '', answer: null });
      socket.emit('hand:raise', {}, unless(before));
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const question = input.value.trim();
    const before = hand;
    show({ ...hand, raised: true, question });
    socket.emit('hand:raise', { question }, unless(before));
  });
  dismiss.addEventListener('click', () => {
    dismissed = true;
    panel.hidden = true;
  });
}
