import type { RaisedHand } from '../../shared/class-help-values.ts';
import { HAND_TEXT_MAX } from '../../shared/class-help-values.ts';
import { byData, h } from '../demo/dom.ts';
import { viewCodeButton } from './code-view.ts';
import type { InstructorSocket } from './instructor-socket.ts';

/** "waiting 3 min", from the server's clock (the list came with it). */
function waiting(since: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - since) / 1000));
  if (seconds < 60) return 'waiting less than a minute';
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `waiting ${minutes} min` : `waiting ${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/**
 * The "Raised hands" list of the watched class, oldest first, live: the
 * server says when it changed and the list is asked for again (one request
 * at a time, however many hands go up at once). Each hand can be answered,
 * with a short reply or none ("Your instructor is coming"), and the
 * student's code opened from it.
 */
export function createRaisedHands(
  root: HTMLElement,
  socket: InstructorSocket,
  titleOf: (slug: string) => string | undefined,
  onError: (message: string) => void,
) {
  const $ = byData(root);
  const list = $<HTMLOListElement>('hands-list');
  const empty = $('hands-empty');
  let watched: string | null = null;
  let hands: RaisedHand[] = [];
  /** How far this browser's clock is from the server's. */
  let skew = 0;
  let asking = false;
  let askAgain = false;

  function item(hand: RaisedHand) {
    const reply = h('input', {
      type: 'text',
      maxlength: HAND_TEXT_MAX,
      'aria-label': `Reply to ${hand.name} (optional)`,
      placeholder: 'Short reply (optional)',
    });
    const answer = h('button', { type: 'button' }, 'Answer');
    answer.addEventListener('click', () => {
      answer.disabled = true;
      socket.emit('hands:answer', { code: watched!, name: hand.name, reply: reply.value.trim() }, (response) => {
        answer.disabled = false;
        if (!response.ok) onError(response.error);
      });
    });
    const where = hand.lesson ? (titleOf(hand.lesson) ?? hand.lesson) : 'the home page';
    return h(
      'li',
      { class: 'hand', 'aria-label': hand.name },
      h('p', { class: 'hand-who' }, h('strong', {}, hand.name), ' ', h('span', { class: 'hand-where' }, `on ${where}`)),
      h('span', { class: 'hand-waiting', 'data-since': hand.raisedAt }, waiting(hand.raisedAt, Date.now() + skew)),
      hand.question ? h('p', { class: 'hand-asks' }, `“${hand.question}”`) : null,
      h('div', { class: 'hand-actions' }, reply, answer, viewCodeButton(hand.name)),
    );
  }

  /** A hand's element is made again only when the hand changed: a reply being typed survives updates. */
  const idOf = (hand: RaisedHand) => JSON.stringify([hand.name, hand.raisedAt, hand.question]);
  function render() {
    const kept = new Map([...list.children].map((li) => [(li as HTMLElement).dataset.hand, li]));
    list.replaceChildren(
      ...hands.map((hand) => {
        const li = kept.get(idOf(hand)) ?? item(hand);
        li.setAttribute('data-hand', idOf(hand));
        return li;
      }),
    );
    empty.hidden = hands.length > 0;
    $('hands-hint').hidden = hands.length === 0;
  }

  function refresh() {
    if (!watched) return;
    if (asking) {
      askAgain = true;
      return;
    }
    asking = true;
    const code = watched;
    socket.emit('hands:list', { code }, (answer) => {
      asking = false;
      if (answer.ok && code === watched) {
        skew = answer.now - Date.now();
        hands = answer.hands;
        render();
      }
      if (askAgain) {
        askAgain = false;
        refresh();
      }
    });
  }

  socket.on('hands:changed', ({ code }) => code === watched && refresh());
  socket.on('connect', refresh);
  // The waiting times move on by themselves.
  setInterval(() => {
    for (const since of list.querySelectorAll<HTMLElement>('[data-since]'))
      since.textContent = waiting(Number(since.dataset.since), Date.now() + skew);
  }, 15_000);

  return {
    /** The class whose hands show (none: the list empties). */
    watch(code: string | null) {
      watched = code;
      hands = [];
      render();
      refresh();
    },
  };
}
