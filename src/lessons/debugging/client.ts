import type { Socket } from 'socket.io-client';
import type { LessonClient } from '../../components/demo/demo-host.ts';
import { createLogBox, h } from '../../components/demo/dom.ts';
import { watchFrames } from '../../components/demo/wire-frames.ts';
import type { ClientToServerEvents, ServerToClientEvents } from './contract.ts';
import { readFrame } from './frames.ts';

type DebugSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

interface DebugView {
  count: HTMLElement;
  heard: HTMLElement;
  increment: HTMLButtonElement;
  typo: HTMLButtonElement;
  time: HTMLButtonElement;
  wave: HTMLButtonElement;
}

/** The newest frames are what the reader looks at: a short list. */
const FRAMES_KEPT = 40;

const debuggingClient: LessonClient = {
  slug: 'debugging',
  names: ['Ada', 'Bo'],
  mount({ controls, socket }) {
    const view: DebugView = {
      count: h(
        'output',
        { role: 'status', 'aria-label': 'Count', class: 'count' },
        '…',
      ),
      heard: h(
        'p',
        { role: 'status', 'aria-label': 'Heard', class: 'heard' },
        'Nothing yet',
      ),
      increment: h('button', { type: 'button' }, 'Increment'),
      typo: h('button', { type: 'button' }, 'Increment, mistyped'),
      time: h('button', { type: 'button' }, 'Ask the time'),
      wave: h('button', { type: 'button' }, 'Wave (volatile)'),
    };
    const frames = createLogBox('Frames in plain words', 'frame-reader', FRAMES_KEPT);
    controls.append(
      h('div', { class: 'debug-count' }, 'Count ', view.count),
      h(
        'div',
        { class: 'button-row' },
        view.increment,
        view.typo,
        view.time,
        view.wave,
      ),
      view.heard,
      h('h4', { class: 'reader-title' }, 'Frames in plain words'),
      frames.box,
    );
    watchFrames(socket.io, (direction, frame) =>
      frames.append(
        h(
          'li',
          { class: `frame-line ${direction}` },
          h('span', { class: 'visually-hidden' }, `${direction} `),
          h('code', {}, `${direction === 'sent' ? '→' : '←'} ${shorten(frame)}`),
          h('span', { class: 'reading' }, readFrame(frame, direction)),
        ),
      ),
    );
    listen(socket as DebugSocket, view);
  },
};

const shorten = (frame: string) =>
  frame.length > 90 ? `${frame.slice(0, 89)}…` : frame;

// #region client
function listen(socket: DebugSocket, view: DebugView) {
  const say = (text: string) => (view.heard.textContent = text);
  socket.on('count', (count) => (view.count.textContent = String(count)));
  socket.on('waved', ({ from }) => say(`${from} waved`));
  socket.on('unheard', ({ event }) => say(`The server has no listener for "${event}"`));

  view.increment.addEventListener('click', () => socket.emit('increment'));
  // The typo, on purpose (the cast lets it past TypeScript, which would refuse it).
  view.typo.addEventListener('click', () => socket.emit('incremnt' as 'increment'));
  view.time.addEventListener('click', async () => {
    try {
      const answer = await socket.timeout(3000).emitWithAck('ask:time');
      if (answer.ok) say(`Server time: ${new Date(answer.time).toLocaleTimeString()}`);
    } catch {
      say('No answer within 3 seconds');
    }
  });
  // Volatile: dropped, not queued, if the connection cannot take it now.
  view.wave.addEventListener('click', () => socket.volatile.emit('wave'));
}
// #endregion

export default debuggingClient;
