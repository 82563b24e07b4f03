import type { Socket } from 'socket.io-client';
import { MAX_DELAY_MS, type ClientToServerEvents, type ServerToClientEvents } from './events.ts';
import type { LessonClient } from '../../components/demo/demo-host.ts';
import { h } from '../../components/demo/dom.ts';

type AckSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** One client's controls: how slow the server is, how long this client waits, and the outcome. */
function render(controls: HTMLElement) {
  const number = (value: number) => h('input', { type: 'number', min: 0, max: MAX_DELAY_MS, step: 100, value: String(value), inputmode: 'numeric' });
  const view = {
    delay: number(500),
    timeout: number(2000),
    ask: h('button', { type: 'button' }, 'Ask the server'),
    result: h('p', { role: 'status', 'aria-label': 'Answer', class: 'ack-result' }),
    answers: h('input', { type: 'checkbox', checked: true }),
    request: h('button', { type: 'button' }, 'Let the server ask me'),
    asked: h('p', { role: 'status', 'aria-label': 'Server asked', class: 'ack-result' }),
  };
  controls.append(
    h('label', { class: 'field' }, 'Server delay (ms) ', view.delay),
    h('label', { class: 'field' }, 'Client timeout (ms) ', view.timeout),
    h('div', { class: 'button-row' }, view.ask),
    view.result,
    h('label', { class: 'inline' }, view.answers, ' Answer when the server asks'),
    h('div', { class: 'button-row' }, view.request),
    view.asked,
  );
  return view;
}
type AckView = ReturnType<typeof render>;

// #region client
function listen(socket: AckSocket, view: AckView) {
  // Ask, and wait at most `timeout` ms for the answer: emitWithAck gives a promise,
  // and timeout() makes it fail when the answer is late (the late answer is then dropped).
  view.ask.addEventListener('click', async () => {
    const started = performance.now();
    view.result.textContent = 'Waiting for the answer…';
    try {
      const reply = await socket
        .timeout(Number(view.timeout.value))
        .emitWithAck('question:send', { text: 'What is the answer?', delayMs: Number(view.delay.value) });
      const ms = Math.round(performance.now() - started);
      view.result.textContent = reply.ok ? `Answered in ${ms} ms: ${reply.answer}` : `Refused: ${reply.error}`;
    } catch {
      view.result.textContent = `No answer within ${view.timeout.value} ms: this client gave up.`;
    }
  });

  // The server asks this client: the last argument is the server's callback.
  socket.on('question:ask', ({ text }, answer) => {
    view.asked.textContent = `The server asked: ${text}`;
    if (view.answers.checked) answer({ answer: '7' });
  });
  view.request.addEventListener('click', async () => {
    const reply = await socket.emitWithAck('question:request');
    view.asked.textContent = reply.ok ? `The server heard: ${reply.answer}` : `The server says: ${reply.error}`;
  });
}
// #endregion

const ackClient: LessonClient = {
  slug: 'acknowledgements',
  mount({ controls, socket }) {
    listen(socket as AckSocket, render(controls));
  },
};

export default ackClient;
