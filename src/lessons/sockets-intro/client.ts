import type { Socket } from 'socket.io-client';
import type { LessonClient } from '../../components/demo/demo-host.ts';
import { h } from '../../components/demo/dom.ts';
import type { ClientToServerEvents, ServerToClientEvents } from './contract.ts';

type CounterSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The elements of one client's counter. */
interface CounterView {
  session: HTMLElement;
  count: HTMLElement;
  welcome: HTMLElement;
  increment: HTMLButtonElement;
  decrement: HTMLButtonElement;
}

const counterClient: LessonClient = {
  slug: 'sockets-intro',
  mount({ controls, socket }) {
    const view: CounterView = {
      session: h(
        'p',
        { role: 'status', 'aria-label': 'Socket', class: 'welcome' },
        'Connecting…',
      ),
      count: h(
        'output',
        { role: 'status', 'aria-label': 'Count', class: 'count' },
        '…',
      ),
      welcome: h('p', { class: 'welcome' }),
      increment: h('button', { type: 'button' }, 'Increment'),
      decrement: h('button', { type: 'button' }, 'Decrement'),
    };
    controls.append(
      view.session,
      view.welcome,
      h('div', { class: 'counter' }, view.decrement, view.count, view.increment),
    );
    follow(socket, view);
    listen(socket, view);
  },
};

// #region lifecycle
function follow(socket: CounterSocket, view: CounterView) {
  const show = (text: string) => (view.session.textContent = text);
  // `socket.id` is undefined until the first `connect`, and new for each new session.
  socket.on('connect', () => show(`Connected as ${socket.id}`));
  // The server refused (a middleware said why), or could not be reached.
  socket.on('connect_error', (err) => show(`Cannot connect: ${err.message}`));
  // `reason` says who ended it; the client retries by itself unless told to stop.
  socket.on('disconnect', (reason) => show(`Disconnected (${reason})`));
}
// #endregion

// #region client
function listen(socket: CounterSocket, view: CounterView) {
  // The server sends the count on connect and again after every change.
  socket.on('number:change', (count) => {
    view.count.textContent = String(count);
  });

  socket.on('welcome', ({ message }) => {
    view.welcome.textContent = message;
    socket.emit('thanks', { message: 'Thank you, it is good to be here.' });
  });

  // The buttons only ask; the count changes when the server says so.
  view.increment.addEventListener('click', () => socket.emit('increment'));
  view.decrement.addEventListener('click', () => socket.emit('decrement'));
}
// #endregion

export default counterClient;
