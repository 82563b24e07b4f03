import type { Socket } from 'socket.io-client';
import type { DemoClient, LessonClient } from '../../components/demo/demo-host.ts';
import { createLogBox, h } from '../../components/demo/dom.ts';
import {
  type ClientToServerEvents,
  type ServerToClientEvents,
  STAFF_PATH,
  STAFF_TOKEN,
  TEAM_NAME_HINT,
  TEAM_PATH,
  teamPath,
  VISITOR_TOKEN,
} from './events.ts';

type NotesSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const SLUG = 'namespaces-and-middleware';

/** A namespace of this client: its controls, and its socket once opened. Only the ones beside the lobby can be left. */
interface Door {
  label: string;
  status: HTMLElement;
  post: HTMLButtonElement;
  leave?: HTMLButtonElement;
  socket?: NotesSocket;
}

function door(label: string, closed: string, { leavable = true } = {}): Door {
  return {
    label,
    status: h(
      'p',
      { role: 'status', 'aria-label': label, class: 'ack-result' },
      closed,
    ),
    post: h(
      'button',
      { type: 'button', disabled: true },
      `Post in the ${label.toLowerCase()}`,
    ),
    leave: leavable
      ? h(
          'button',
          { type: 'button', class: 'quiet', disabled: true },
          `Leave the ${label.toLowerCase()}`,
        )
      : undefined,
  };
}

/** One client's controls: a note, the lobby, the staff room behind a token, a team of one's choosing. */
function render(client: DemoClient) {
  const view = {
    text: h('input', {
      type: 'text',
      maxlength: 500,
      autocomplete: 'off',
      value: `Hello from ${client.panel.label()}`,
    }),
    lobby: door('Lobby', 'Connecting to the lobby…', { leavable: false }),
    token: h('input', {
      type: 'text',
      autocomplete: 'off',
      spellcheck: false,
      placeholder: 'no token',
    }),
    enterStaff: h('button', { type: 'button' }, 'Enter the staff room'),
    staff: door('Staff room', 'Not in the staff room.'),
    team: h('input', {
      type: 'text',
      maxlength: 12,
      autocomplete: 'off',
      spellcheck: false,
      value: 'red',
    }),
    joinTeam: h('button', { type: 'button' }, 'Join the team'),
    teamDoor: door('Team', 'Not in a team.'),
    error: h('p', { class: 'field-error', role: 'alert' }),
    notes: createLogBox('Notes', 'inbox'),
  };
  client.controls.append(
    h('label', { class: 'field' }, 'Note ', view.text),
    h('h4', { class: 'inbox-title' }, 'Lobby, open to all'),
    h('div', { class: 'button-row' }, view.lobby.post),
    view.lobby.status,
    h('h4', { class: 'inbox-title' }, 'Staff room, behind a token'),
    h(
      'label',
      { class: 'field' },
      `Token (try none, a wrong one, ${STAFF_TOKEN} or ${VISITOR_TOKEN}) `,
      view.token,
    ),
    h(
      'div',
      { class: 'button-row' },
      view.enterStaff,
      view.staff.post,
      view.staff.leave,
    ),
    view.staff.status,
    h('h4', { class: 'inbox-title' }, 'Team, a namespace per name'),
    h('label', { class: 'field' }, 'Team name ', view.team),
    h(
      'div',
      { class: 'button-row' },
      view.joinTeam,
      view.teamDoor.post,
      view.teamDoor.leave,
    ),
    view.teamDoor.status,
    view.error,
    h('h4', { class: 'inbox-title' }, 'Notes received'),
    view.notes.box,
  );
  return view;
}
type NotesView = ReturnType<typeof render>;

/**
 * `io(path, options)` for this demo: the page's `io()` with the lesson's namespace
 * in front (`/namespaces-and-middleware`, or its class's, or none on the learner's own server), on the lobby's own
 * connection, with the lobby's `auth` (the name, in a class the student's key)
 * added to what the caller sends.
 */
function lessonIo(lobby: NotesSocket, namespace: string) {
  type Auth = (send: (data: object) => void) => void;
  return (path: string, { auth }: { auth: Auth }): NotesSocket =>
    lobby.io.socket(`${namespace}${path}`, {
      auth: (send) => auth((data) => send({ ...(lobby.auth as object), ...data })),
    });
}

function follow(socket: NotesSocket, where: Door, view: NotesView) {
  socket.on('connect', () => {
    where.status.textContent = `In the ${where.label.toLowerCase()} (${socket.id}).`;
    where.post.disabled = false;
    if (where.leave) where.leave.disabled = false;
  });
  // #region refused
  // Refused by a middleware: the message is the server's own. No retry follows.
  socket.on('connect_error', (error) => {
    where.status.textContent = `Refused: ${error.message}`;
  });
  // #endregion
  socket.on('disconnect', () => {
    where.status.textContent = `Left the ${where.label.toLowerCase()}.`;
    where.post.disabled = true;
    if (where.leave) where.leave.disabled = true;
  });
  socket.on('note:new', ({ from, text }) =>
    view.notes.append(h('li', {}, `${where.label} · ${from}: ${text}`)),
  );
}

/** Posts the note through `socket`; a refusal shows under the controls. */
async function post(socket: NotesSocket | undefined, view: NotesView) {
  if (!socket?.connected) return;
  const answer = await socket.emitWithAck('note:post', { text: view.text.value });
  view.error.textContent = answer.ok ? '' : answer.error;
}

function wire(client: DemoClient, view: NotesView) {
  const lobby = client.socket as NotesSocket;
  view.lobby.socket = lobby;
  follow(lobby, view.lobby, view);

  // One socket per namespace, made once: after a refusal or a leave, the same socket tries again.
  const opened = new Map<string, NotesSocket>();
  const io = lessonIo(lobby, client.root);
  const open = (
    where: Door,
    path: string,
    make = () => io(path, { auth: (send) => send({}) }),
  ) => {
    let socket = opened.get(path);
    if (!socket) {
      socket = make();
      opened.set(path, socket);
      follow(socket, where, view);
      client.watch(socket, where.label);
    } else if (socket.connected) {
      return; // already in
    } else if (!socket.active) {
      socket.connect();
    }
    where.socket = socket;
    where.status.textContent = `Knocking on ${path}…`;
  };
  const token = view.token;
  view.enterStaff.addEventListener('click', () =>
    open(
      view.staff,
      STAFF_PATH,
      () =>
        // #region client
        // One more socket on the lobby's connection. `auth` as a function: each
        // attempt sends the token as it is typed at that moment.
        io('/staff', { auth: (send) => send({ token: token.value.trim() }) }),
      // #endregion
    ),
  );
  view.joinTeam.addEventListener('click', () => {
    const name = view.team.value.trim();
    if (!TEAM_PATH.test(teamPath(name))) {
      view.error.textContent = TEAM_NAME_HINT;
      return;
    }
    view.error.textContent = '';
    // Another team is another namespace: leave the old one, open the new.
    if (view.teamDoor.label !== `Team ${name}`) view.teamDoor.socket?.disconnect();
    view.teamDoor.label = `Team ${name}`;
    open(view.teamDoor, teamPath(name));
  });
  for (const where of [view.lobby, view.staff, view.teamDoor]) {
    where.post.addEventListener('click', () => post(where.socket, view));
    where.leave?.addEventListener('click', () => where.socket?.disconnect());
  }
}

const namespacesClient: LessonClient = {
  slug: SLUG,
  names: ['Ada', 'Bo'],
  mount(client) {
    wire(client, render(client));
  },
};

export default namespacesClient;
