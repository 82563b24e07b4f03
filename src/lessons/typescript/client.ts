import type { Socket } from 'socket.io-client';
import type { LessonClient } from '../../components/demo/demo-host.ts';
import { h } from '../../components/demo/dom.ts';
import {
  CHOICES,
  type Choice,
  type ClientToServerEvents,
  QUESTION,
  type ServerToClientEvents,
  type Tally,
} from './events.ts';

/** One client's controls: a button per choice, what the server answered, and the tally. */
function render(controls: HTMLElement) {
  const bar = () => h('meter', { min: 0, max: 1, value: 0 });
  const view = {
    vote: Object.fromEntries(
      CHOICES.map((choice) => [
        choice,
        h('button', { type: 'button' }, `Vote ${choice}`),
      ]),
    ) as Record<Choice, HTMLButtonElement>,
    said: h(
      'p',
      { role: 'status', 'aria-label': 'Your vote', class: 'poll-said' },
      'Not voted yet.',
    ),
    counts: Object.fromEntries(
      CHOICES.map((choice) => [
        choice,
        { count: h('span', { class: 'poll-count' }, '0'), bar: bar() },
      ]),
    ) as Record<Choice, { count: HTMLElement; bar: HTMLMeterElement }>,
  };
  const rows = CHOICES.map((choice) =>
    h(
      'li',
      {},
      h('span', { class: 'poll-choice' }, choice),
      view.counts[choice].bar,
      view.counts[choice].count,
    ),
  );
  controls.append(
    h('p', { class: 'poll-question' }, QUESTION),
    h('div', { class: 'button-row' }, ...CHOICES.map((choice) => view.vote[choice])),
    view.said,
    h('ul', { class: 'poll-tally', 'aria-label': 'Tally' }, ...rows),
  );
  return view;
}
type PollView = ReturnType<typeof render>;

function showTally(view: PollView, tally: Tally) {
  const most = Math.max(1, ...Object.values(tally));
  for (const choice of CHOICES) {
    view.counts[choice].count.textContent = String(tally[choice]);
    view.counts[choice].bar.max = most;
    view.counts[choice].bar.value = tally[choice];
  }
}

// #region client
// On the client the maps swap places: what it listens to first, what it emits second.
type PollSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

function listen(socket: PollSocket, view: PollView) {
  // `tally` is a Tally, from the map: no annotation, no cast.
  socket.on('poll:tally', (tally) => showTally(view, tally));

  for (const choice of CHOICES) {
    view.vote[choice].addEventListener('click', () => {
      // With a timeout the callback gets an error first; `reply` is the map's VoteReply.
      socket.timeout(2000).emit('poll:vote', choice, (err, reply) => {
        if (err) {
          view.said.textContent = 'No answer within 2 seconds.';
          return;
        }
        view.said.textContent = reply.ok
          ? `You vote ${reply.choice}.`
          : `Refused: ${reply.error}`;
      });
    });
  }
}
// #endregion

const pollClient: LessonClient = {
  slug: 'typescript',
  // Two clients from the start: a vote of one moves the other's tally.
  names: ['Ada', 'Bo'],
  mount({ controls, socket }) {
    listen(socket as PollSocket, render(controls));
  },
};

export default pollClient;
