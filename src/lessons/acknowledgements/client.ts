import type { Socket } from 'socket.io-client';
import type { LessonClient } from '../../components/demo/demo-host.ts';
import { h } from '../../components/demo/dom.ts';
import {
  CLIENT_ANSWER_TIMEOUT_MS,
  type ClientToServerEvents,
  MAX_DELAY_MS,
  type ServerToClientEvents,
} from './events.ts';

type AckSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** One client's controls: how slow the server is, how long this client waits, and the outcome. */
function render(controls: HTMLElement) {
  const number = (value: number) =>
    h('input', {
      type: 'number',
      min: 0,
      max: MAX_DELAY_MS,
      step: 100,
      value: String(value),
      inputmode: 'numeric',
    });
  const view = {
    delay: number(500),
    timeout: number(2000),
    ask: h('button', { type: 'button' }, 'Ask the server'),
    result: h('p', { role: 'status', 'aria-label': 'Answer', class: 'ack-result' }),
    answers: h('input', { type: 'checkbox', checked: true }),
    request: h('button', { type: 'button' }, 'Let the server ask me'),
    asked: h('p', {
      role: 'status',
      'aria-label': 'Server asked',
      class: 'ack-result',
    }),
    poll: h('button', { type: 'button' }, 'Let the server ask everyone'),
    polled: h('p', {
      role: 'status',
      'aria-label': 'Everyone asked',
      class: 'ack-result',
    }),
  };
  controls.append(
    h('label', { class: 'field' }, 'Server delay (ms) ', view.delay),
    h('label', { class: 'field' }, 'Client timeout (ms) ', view.timeout),
    h('div', { class: 'button-row' }, view.ask),
    view.result,
    h('label', { class: 'inline' }, view.answers, ' Answer when the server asks'),
    h('div', { class: 'button-row' }, view.request, view.poll),
    view.asked,
    view.polled,
  );
  return view;
}
type AckView = ReturnType<typeof render>;

// #region client
function listen(socket: AckSocket, view: AckView) {
  // Ask, and wait at most `timeout` ms for the answer: emitWithAck gives a promise,
  // and timeout() makes it fail when the answer is late (a late answer is dropped).
  view.ask.addEventListener('click', async () => {
    const started = performance.now();
    view.result.textContent = 'Waiting for the answer…';
    try {
      const delayMs = Number(view.delay.value);
      const question = { text: 'What is the answer?', delayMs };
      const reply = await socket
        .timeout(Number(view.timeout.value))
        .emitWithAck('question:send', question);
      const ms = Math.round(performance.now() - started);
      view.result.textContent = reply.ok
        ? `Answered in ${ms} ms: ${reply.answer}`
        : `Refused: ${reply.error}`;
    } catch {
      const ms = view.timeout.value;
      view.result.textContent = `No answer within ${ms} ms: this client gave up.`;
    }
  });

  // The server asks this client: the last argument is the server's callback.
  socket.on('question:ask', ({ text }, answer) => {
    view.asked.textContent = `The server asked: ${text}`;
    if (view.answers.checked) answer({ answer: '7' });
  });
  view.request.addEventListener('click', async () => {
    // The server waits 3 s for us; we wait 5 for it.
    const reply = await socket
      .timeout(CLIENT_ANSWER_TIMEOUT_MS + 2000)
      .emitWithAck('question:request')
      .catch((err: Error) => ({ ok: false as const, error: err.message }));
    view.asked.textContent = reply.ok
      ? `The server heard: ${reply.answer}`
      : `The server says: ${reply.error}`;
  });
}
// #endregion

/** The server asks every client of the namespace (this page's, other windows'): the answers that came in time. */
function pollEveryone(socket: AckSocket, view: AckView) {
  view.poll.addEventListener('click', async () => {
    view.polled.textContent = 'The server is asking every client…';
    const reply = await socket
      .timeout(CLIENT_ANSWER_TIMEOUT_MS + 2000)
      .emitWithAck('question:poll')
      .catch((err: Error) => ({
        ok: false as const,
        error: `no answer: ${err.message}`,
      }));
    if (!reply.ok) {
      view.polled.textContent = `The server says: ${reply.error}`;
      return;
    }
    const heard = reply.answers.length ? reply.answers.join(', ') : 'nothing';
    const late = reply.everyone
      ? ''
      : ` Some clients did not answer within ${CLIENT_ANSWER_TIMEOUT_MS / 1000} seconds.`;
    view.polled.textContent = `${reply.answers.length} answered: ${heard}.${late}`;
  });
}

const ackClient: LessonClient = {
  slug: 'acknowledgements',
  mount({ controls, socket }) {
    const view = render(controls);
    listen(socket as AckSocket, view);
    pollEveryone(socket as AckSocket, view);
  },
};

export default ackClient;
