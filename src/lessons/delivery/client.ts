import type { Socket } from 'socket.io-client';
import type { DemoClient, LessonClient } from '../../components/demo/demo-host.ts';
import { createLogBox, h } from '../../components/demo/dom.ts';
import {
  AWAY_SECONDS,
  type ClientToServerEvents,
  type Message,
  type ServerToClientEvents,
} from './events.ts';

type DeliverySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** One client's controls: a message to send (offline too), what waits for the server, and the messages. */
function render(client: DemoClient) {
  const messages = createLogBox('Messages', 'inbox');
  const outboxList = h('ul', {
    class: 'outbox',
    'aria-label': 'Waiting for the server',
  });
  const text = h('input', {
    type: 'text',
    maxlength: 500,
    autocomplete: 'off',
    value: `Hello from ${client.panel.label()}`,
  });
  // `data-lockable`: in a class, the page disables it while the instructor locks the chat.
  const send = h('button', { type: 'button', 'data-lockable': true }, 'Send');
  const away = h(
    'button',
    { type: 'button', class: 'quiet' },
    `Close for ${AWAY_SECONDS} s`,
  );
  const session = h(
    'p',
    { role: 'status', 'aria-label': 'Session', class: 'ack-result' },
    'Connecting…',
  );
  const error = h('p', { class: 'field-error', role: 'alert' });
  client.controls.append(
    h('label', { class: 'field' }, 'Message ', text),
    h('div', { class: 'button-row' }, send, away),
    error,
    session,
    h('h4', { class: 'inbox-title' }, 'Waiting for the server'),
    outboxList,
    h('h4', { class: 'inbox-title' }, 'Messages'),
    messages.box,
  );

  const time = (at: number) =>
    new Date(at).toLocaleTimeString([], {
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  return {
    text,
    send,
    away,
    say: (line: string) => (session.textContent = line),
    /** A message from the server: placed by its id, and skipped if this id is shown already. */
    show(message: Message) {
      if (messages.list.querySelector(`[data-id="${message.id}"]`)) return;
      const line = h(
        'li',
        { 'data-id': message.id },
        `#${message.id} ${message.user}: ${message.text} `,
        h('time', {}, time(message.at)),
      );
      const later = [...messages.list.querySelectorAll<HTMLElement>('[data-id]')].find(
        (li) => Number(li.dataset.id) > message.id,
      );
      messages.append(line, later ?? null);
    },
    /** A message of this page's, until the server's ack says it is stored. */
    sending(message: string) {
      const line = h('li', {}, message);
      outboxList.append(line);
      return {
        stored: () => line.remove(),
        refused(why: string) {
          line.remove();
          error.textContent = why;
        },
      };
    },
  };
}
type DeliveryView = ReturnType<typeof render>;

/** Each emit waits this long for its ack, then goes again, at most RETRIES times. */
const ACK_TIMEOUT_MS = 5000;
const RETRIES = 5;

// #region client
function deliver(socket: DeliverySocket, view: DeliveryView) {
  socket.on('message', (message) => {
    view.show(message); // in id order, and once: an id it already shows is skipped
    // The last offset seen goes in the handshake of the next connection.
    const auth = socket.auth as { serverOffset?: number };
    auth.serverOffset = Math.max(auth.serverOffset ?? 0, message.id);
  });

  const page = Math.random().toString(36).slice(2); // names this page's messages
  let sent = 0;

  async function send(text: string) {
    const clientOffset = `${page}-${++sent}`; // the same for every retry of it
    const line = view.sending(text);
    try {
      // With `ackTimeout` and `retries`, each emit waits for its ack and goes again
      // without one, one message at a time, in order, and only while connected.
      const answer = await socket.emitWithAck('message:send', text, clientOffset);
      if (answer.ok) line.stored();
      else line.refused(answer.error);
    } catch {
      line.refused(`No ack after ${RETRIES + 1} tries: "${text}" was given up.`);
    }
  }
  return { send };
}
// #endregion

/** What the connection did, in words: recovered by Socket.IO, or a new session caught up from its offset. */
function follow(socket: DeliverySocket, view: DeliveryView) {
  let before = false;
  socket.on('connect', () => {
    const offset = (socket.auth as { serverOffset?: number }).serverOffset ?? 0;
    if (!before)
      view.say(`Connected: the server sends what came after offset ${offset}.`);
    else if (socket.recovered)
      view.say('Back, recovered: Socket.IO replays what this client missed.');
    else
      view.say(
        `Back as a new session: the server sends what came after offset ${offset}.`,
      );
    before = true;
  });
  socket.on('disconnect', (reason) =>
    view.say(`Disconnected (${reason}). Messages written now wait.`),
  );
}

function wire(client: DemoClient, view: DeliveryView) {
  const socket = client.socket as DeliverySocket;
  follow(socket, view);
  const { send } = deliver(socket, view);
  view.send.addEventListener('click', () => void send(view.text.value));
  // A client that closes its socket comes back as a new session (as after a reload): no recovery.
  view.away.addEventListener('click', () => {
    view.away.disabled = true;
    socket.disconnect();
    setTimeout(() => {
      socket.connect();
      view.away.disabled = false;
    }, AWAY_SECONDS * 1000);
  });
}

const deliveryClient: LessonClient = {
  slug: 'delivery',
  names: ['Ada', 'Bo'],
  worksOffline: true, // each client gets "Go offline for 5 s": back within two minutes, it is recovered
  // #region options
  // As `io('/delivery', { auth: { serverOffset: 0 }, ackTimeout: 5000, retries: 5 })`:
  socketOptions: {
    auth: { serverOffset: 0 }, // the last offset this client saw: none yet
    ackTimeout: ACK_TIMEOUT_MS,
    retries: RETRIES,
  },
  // #endregion
  mount(client) {
    wire(client, render(client));
  },
};

export default deliveryClient;
