import type { Socket } from 'socket.io-client';
import type { DemoClient, LessonClient } from '../../components/demo/demo-host.ts';
import { createLogBox, h } from '../../components/demo/dom.ts';
import {
  dropTransport,
  simulateOffline,
} from '../../components/demo/offline-switch.ts';
import {
  type ClientToServerEvents,
  MAX_OFFLINE_SECONDS,
  type Message,
  type ServerToClientEvents,
} from './events.ts';

type ReconnectSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** One client's controls: a message to send (offline too), three faults, and what came back. */
function render(client: DemoClient) {
  const view = {
    text: h('input', {
      type: 'text',
      maxlength: 500,
      autocomplete: 'off',
      value: `Hello from ${client.panel.label()}`,
    }),
    send: h('button', { type: 'button' }, 'Send'),
    waiting: h(
      'p',
      { role: 'status', 'aria-label': 'Waiting to send', class: 'ack-result' },
      'Nothing waiting to send.',
    ),
    seconds: h('input', {
      type: 'number',
      min: 1,
      max: MAX_OFFLINE_SECONDS,
      step: 1,
      value: '5',
      inputmode: 'numeric',
    }),
    offline: h('button', { type: 'button' }, 'Go offline'),
    kill: h('button', { type: 'button' }, 'Kill transport'),
    restart: h('button', { type: 'button' }, 'Restart the server'),
    state: h(
      'p',
      { role: 'status', 'aria-label': 'Session', class: 'ack-result' },
      'Connecting…',
    ),
    error: h('p', { class: 'field-error', role: 'alert' }),
    messages: createLogBox('Messages', 'inbox'),
  };
  client.controls.append(
    h('label', { class: 'field' }, 'Message ', view.text),
    h('div', { class: 'button-row' }, view.send),
    view.waiting,
    h('h4', { class: 'inbox-title' }, 'Faults'),
    h('label', { class: 'field' }, 'Offline for (seconds) ', view.seconds),
    h('div', { class: 'button-row' }, view.offline, view.kill, view.restart),
    view.error,
    view.state,
    h('h4', { class: 'inbox-title' }, 'Messages'),
    view.messages.box,
  );
  return view;
}
type ReconnectView = ReturnType<typeof render>;

// #region client
function follow(socket: ReconnectSocket, view: ReconnectView) {
  const manager = socket.io; // owns the connection, and the retries
  const say = (text: string) => (view.state.textContent = text);
  let droppedAt: number | undefined;

  socket.on('disconnect', (reason) => {
    droppedAt = performance.now();
    // `active`: Socket.IO will try again by itself. After `io server disconnect`
    // or `io client disconnect` it will not: call socket.connect().
    const next = socket.active ? 'Retrying by itself…' : 'Not retrying.';
    say(`Disconnected (${reason}). ${next}`);
  });
  manager.on('reconnect_attempt', (attempt) => say(`Attempt ${attempt}…`));
  manager.on('reconnect_error', () => {
    say(`${view.state.textContent} failed; the next one waits longer.`);
  });

  socket.on('connect', () => {
    if (droppedAt === undefined) return say('Connected: a new session.');
    const away = ((performance.now() - droppedAt) / 1000).toFixed(1);
    say(
      socket.recovered
        ? `Back after ${away} s: recovered. Same id; what was missed is replayed below.`
        : `Back after ${away} s: a new session, a new id; what was missed is lost.`,
    );
  });

  // Messages are numbered: a gap is what this client missed and did not get back.
  let last: number | undefined;
  const lost = (upTo: number) => {
    if (last === undefined || upTo <= last) return;
    view.messages.append(h('li', { class: 'lost' }, `Lost: #${last + 1} to #${upTo}`));
  };
  socket.on('session:start', ({ lastMessage }) => {
    lost(lastMessage);
    last = lastMessage;
  });
  socket.on('message:new', (message: Message) => {
    lost(message.n - 1);
    last = message.n;
    view.messages.append(h('li', {}, `#${message.n} ${message.from}: ${message.text}`));
  });
}
// #endregion

/** Shows what the socket holds back while it is disconnected (its buffer is sent on connect). */
function showWaiting(socket: ReconnectSocket, view: ReconnectView) {
  const update = () => {
    const n = socket.sendBuffer.length;
    view.waiting.textContent = n
      ? `${n} waiting to send: they go when the connection is back.`
      : 'Nothing waiting to send.';
  };
  socket.on('connect', () => setTimeout(update));
  return update;
}

function wire(client: DemoClient, view: ReconnectView) {
  const socket = client.socket as ReconnectSocket;
  follow(socket, view);
  const updateWaiting = showWaiting(socket, view);
  view.send.addEventListener('click', () => {
    // While disconnected, an emit is kept and sent on reconnection.
    socket.emit('message:send', { text: view.text.value }, (answer) => {
      view.error.textContent = answer.ok ? '' : answer.error;
    });
    updateWaiting();
  });
  view.offline.addEventListener('click', async () => {
    const seconds = Number(view.seconds.value);
    if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_OFFLINE_SECONDS) {
      view.error.textContent = `Offline for 1 to ${MAX_OFFLINE_SECONDS} whole seconds.`;
      return;
    }
    view.error.textContent = '';
    view.offline.disabled = true;
    view.offline.textContent = `Offline for ${seconds} s`;
    await simulateOffline(socket.io, seconds);
    view.offline.disabled = false;
    view.offline.textContent = 'Go offline';
  });
  view.kill.addEventListener('click', () => dropTransport(socket.io));
  view.restart.addEventListener('click', async () => {
    const answer = await socket
      .timeout(5000)
      .emitWithAck('server:restart')
      .catch(() => undefined);
    view.error.textContent = answer && !answer.ok ? answer.error : '';
  });
}

const reconnectionClient: LessonClient = {
  slug: 'reconnection',
  names: ['Ada', 'Bo'],
  worksOffline: true,
  ownFaultControls: true,
  mount(client) {
    wire(client, render(client));
  },
};

export default reconnectionClient;
