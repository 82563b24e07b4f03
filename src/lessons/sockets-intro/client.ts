import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from './contract.ts';
import type { LessonClient } from '../../components/demo/demo-host.ts';
import { h } from '../../components/demo/dom.ts';

type CounterSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The elements of one client's counter. */
interface CounterView {
  count: HTMLElement;
  welcome: HTMLElement;
  increment: HTMLButtonElement;
  decrement: HTMLButtonElement;
}

const counterClient: LessonClient = {
  slug: 'sockets-intro',
  mount({ controls, socket }) {
    const view: CounterView = {
      count: h('output', { role: 'status', 'aria-label': 'Count', class: 'count' }, '…'),
      welcome: h('p', { class: 'welcome' }),
      increment: h('button', { type: 'button' }, 'Increment'),
      decrement: h('button', { type: 'button' }, 'Decrement'),
    };
    controls.append(view.welcome, h('div', { class: 'counter' }, view.decrement, view.count, view.increment));
    listen(socket, view);
  },
};

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
