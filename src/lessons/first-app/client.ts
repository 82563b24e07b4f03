import type { Socket } from 'socket.io-client';
import type { LessonClient } from '../../components/demo/demo-host.ts';
import { createLogBox, h } from '../../components/demo/dom.ts';
import { dropTransport } from '../../components/demo/offline-switch.ts';
import {
  type ClientToServerEvents,
  type ServerToClientEvents,
  TURNED_AWAY,
} from './events.ts';

type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** One client: the page of the lesson's project (public/index.html), plus a dropped connection. */
function render(controls: HTMLFieldSetElement) {
  const button = (text: string) => h('button', { type: 'button' }, text);
  const view = {
    status: h('p', { role: 'status', 'aria-label': 'Socket', class: 'socket-state' }),
    connect: button('Connect'),
    disconnect: button('Disconnect'),
    goodbye: button('Server, disconnect me'),
    drop: button('Drop the connection'),
    mallory: button(`Connect as ${TURNED_AWAY}`),
    lifecycle: createLogBox('Lifecycle', 'inbox lifecycle'),
  };
  controls.append(
    view.status,
    h('div', { class: 'button-row' }, view.connect, view.disconnect, view.goodbye),
    h('div', { class: 'button-row' }, view.drop, view.mallory),
    h('h4', { class: 'inbox-title' }, 'Lifecycle'),
    view.lifecycle.box,
  );
  return view;
}
type AppView = ReturnType<typeof render>;

// #region lifecycle
function follow(socket: AppSocket, view: AppView) {
  const show = (line: string) => view.lifecycle.append(h('li', {}, line));
  // Before the first `connect`: "connected: false, id: undefined".
  const update = () => {
    view.status.textContent = `connected: ${socket.connected}, id: ${socket.id}`;
    view.connect.disabled = socket.connected;
    for (const button of [view.disconnect, view.goodbye, view.drop])
      button.disabled = !socket.connected;
  };
  update();

  socket.on('connect', () => {
    show(`connect: id ${socket.id}`);
    update();
  });
  socket.on('disconnect', (reason) => {
    // `active`: the client will try again by itself.
    show(`disconnect: ${reason} (${socket.active ? 'retrying' : 'not retrying'})`);
    update();
  });
  socket.on('connect_error', (error) => {
    show(`connect_error: ${error.message}`);
    update();
  });
  socket.on('welcome', (text) => show(text));
}
// #endregion

function wire(socket: AppSocket, view: AppView) {
  // The demo's own auth (in a class, the class key too); Mallory's adds a name to it.
  const own = { ...(socket.auth as Record<string, unknown>) };
  view.connect.addEventListener('click', () => {
    socket.auth = own;
    socket.connect();
  });
  view.disconnect.addEventListener('click', () => socket.disconnect());
  view.goodbye.addEventListener('click', () => socket.emit('goodbye'));
  // What a lost network or a stopped server does: the transport closes under the socket.
  view.drop.addEventListener('click', () => dropTransport(socket.io));
  view.mallory.addEventListener('click', () => {
    // The handshake carries `auth`: a new name needs a new connection.
    socket.auth = { ...own, name: TURNED_AWAY };
    socket.disconnect().connect();
  });
}

const firstAppClient: LessonClient = {
  slug: 'first-app',
  // Connect stays usable while disconnected; the lesson brings its own faults.
  worksOffline: true,
  ownFaultControls: true,
  // A client the server disconnected stays so until Connect: that is the lesson.
  staysDisconnected: true,
  mount({ socket, controls }) {
    const view = render(controls);
    follow(socket as AppSocket, view);
    wire(socket as AppSocket, view);
  },
};

export default firstAppClient;
