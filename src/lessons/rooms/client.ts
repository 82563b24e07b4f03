import type { Socket } from 'socket.io-client';
import type { DemoClient, LessonClient } from '../../components/demo/demo-host.ts';
import { createLogBox, h } from '../../components/demo/dom.ts';
import type { AckResponse } from '../../shared/acks.ts';
import {
  type ClientToServerEvents,
  IO_CLIENT_HELLO,
  IO_CLIENT_JOIN_ROOM,
  IO_CLIENT_LEAVE_ROOM,
  IO_SERVER_HELLO,
  IO_SERVER_ROOMS,
  ROOM_NAME_MAX,
  type RoomInfo,
  type ServerToClientEvents,
} from './events.ts';
import { createRoomMap, type RoomMap } from './room-map.ts';

type RoomsSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const SUGGESTED = ['red', 'green', 'blue'];

/** One client's controls: join a room (suggested or free), its rooms to leave, a hello, an inbox. */
function render(client: DemoClient<RoomMap>) {
  const error = h('p', { class: 'field-error', role: 'alert' });
  const view = {
    room: h('input', {
      type: 'text',
      // Room for a name the server refuses (it takes at most ROOM_NAME_MAX), so its sentence can be read.
      maxlength: 2 * ROOM_NAME_MAX,
      autocomplete: 'off',
      placeholder: 'any name',
    }),
    join: h('button', { type: 'submit' }, 'Join'),
    suggestions: SUGGESTED.map((room) =>
      h('button', { type: 'button', 'data-room': room }, `Join ${room}`),
    ),
    myRooms: h('ul', { class: 'my-rooms', 'aria-label': 'My rooms' }),
    helloText: h('input', {
      type: 'text',
      maxlength: 500,
      autocomplete: 'off',
      value: 'Hello, room!',
    }),
    hello: h('button', { type: 'button' }, 'Say hello'),
    inbox: createLogBox('Hellos', 'inbox'),
    showAck: (response: AckResponse) => {
      error.textContent = response.ok ? '' : response.error;
    },
  };
  const joinForm = h(
    'form',
    { class: 'button-row' },
    h('label', { class: 'inline' }, 'Room ', view.room),
    view.join,
  );
  client.controls.append(
    joinForm,
    h('div', { class: 'button-row' }, ...view.suggestions),
    view.myRooms,
    h(
      'div',
      { class: 'button-row' },
      h('label', { class: 'inline' }, 'Hello ', view.helloText),
      view.hello,
    ),
    error,
    h('h4', { class: 'inbox-title' }, 'Hellos received'),
    view.inbox.box,
  );
  return { ...view, joinForm };
}

type RoomsView = ReturnType<typeof render>;

/** Shows the rooms this client is in, each with its Leave button; hides suggestions already joined. */
function showMyRooms(socket: RoomsSocket, view: RoomsView, mine: string[]) {
  view.myRooms.replaceChildren(
    ...mine.map((room) => {
      const leave = h('button', { type: 'button', class: 'quiet' }, `Leave ${room}`);
      leave.addEventListener('click', () =>
        socket.emit(IO_CLIENT_LEAVE_ROOM, room, view.showAck),
      );
      return h('li', {}, h('span', { class: 'room-name' }, room), leave);
    }),
  );
  for (const button of view.suggestions)
    button.hidden = mine.includes(button.dataset.room!);
}

const roomsClient: LessonClient<RoomMap> = {
  slug: 'rooms',
  names: ['Ada', 'Bo', 'Cy'],
  stage: createRoomMap,
  mount(client) {
    const view = render(client);
    listen(client.socket, view);
    send(client.socket, view);
  },
};

// #region client
function listen(socket: RoomsSocket, view: RoomsView) {
  socket.on(IO_SERVER_HELLO, (text) => {
    view.inbox.append(h('li', {}, text));
  });

  // Rooms live on the server: a client learns its own from the map it is sent.
  socket.on(IO_SERVER_ROOMS, (rooms) => {
    const isMine = (r: RoomInfo) => r.members.some((m) => m.id === socket.id);
    const mine = rooms.filter(isMine).map((r) => r.room);
    showMyRooms(socket, view, mine);
  });
}

function send(socket: RoomsSocket, view: RoomsView) {
  view.joinForm.addEventListener('submit', (event) => {
    event.preventDefault();
    socket.emit(IO_CLIENT_JOIN_ROOM, view.room.value, view.showAck);
  });
  for (const button of view.suggestions) {
    const room = button.dataset.room ?? '';
    button.onclick = () => socket.emit(IO_CLIENT_JOIN_ROOM, room, view.showAck);
  }
  view.hello.onclick = () => {
    socket.emit(IO_CLIENT_HELLO, view.helloText.value, view.showAck);
  };
}
// #endregion

export default roomsClient;
