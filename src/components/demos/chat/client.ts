import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../shared/lessons/chat.ts';
import type { LessonClient } from '../../demo/demo-host.ts';
import { createChatView, type ChatView } from './chat-view.ts';

type ChatSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Names to start with, one per in-page chatter. */
const SUGGESTED = ['Ada', 'Bo', 'Cy', 'Di', 'Ed', 'Flo'];
/** While someone keeps typing, say so again before the server's 3-second timeout. */
const TYPING_REPEAT_MS = 2000;

const chatClient: LessonClient = {
  slug: 'chat',
  mount({ controls, socket, neighbours }) {
    const view = createChatView(controls, SUGGESTED[neighbours().length % SUGGESTED.length]!);
    listen(socket, view);
    wireForms(socket, view);
  },
};

// #region client
function join(socket: ChatSocket, view: ChatView, name: string, room: string) {
  socket.emit('join', { name, room }, (answer) => {
    if (!answer.ok) return view.showError(answer.error);
    view.joined(name.trim(), room.trim(), answer.history); // the room's last 50 messages
  });
}

function listen(socket: ChatSocket, view: ChatView) {
  socket.on('message', (message) => view.addMessage(message));
  socket.on('roomData', ({ users }) => view.showOnline(users, socket.id));
  socket.on('typing', ({ user, typing }) => view.showTyping(user, typing));
}

function send(socket: ChatSocket, view: ChatView, text: string, to: string) {
  if (to) {
    // The server sends a private message back to its sender too; the ack marks it.
    socket.emit('privateMessage', { to, text }, (answer) => {
      if (answer.ok) view.markDelivered(answer.id);
      else view.showError(answer.error);
    });
    return;
  }
  const line = view.addOwnMessage(text); // shown at once, marked "sending…"
  socket.emit('sendMessage', text, (answer) => {
    if (answer.ok) return line.delivered(answer.id, answer.at); // the ack is the delivery receipt
    line.failed();
    view.showError(answer.error);
    view.text.value ||= text; // nothing typed is lost
  });
}
// #endregion

function wireForms(socket: ChatSocket, view: ChatView) {
  let joinedAs: { name: string; room: string } | undefined;
  let typingSince = 0;

  view.joinForm.addEventListener('submit', (event) => {
    event.preventDefault();
    joinedAs = { name: view.joinName(), room: view.joinRoom() };
    join(socket, view, joinedAs.name, joinedAs.room);
  });
  // A new connection is a new socket the server does not know: join again.
  socket.on('connect', () => {
    if (joinedAs && socket.recovered !== true) join(socket, view, joinedAs.name, joinedAs.room);
  });

  view.text.addEventListener('input', () => {
    const typing = view.text.value.trim() !== '';
    if (typing && Date.now() - typingSince > TYPING_REPEAT_MS) {
      typingSince = Date.now();
      socket.emit('typing', true);
    } else if (!typing && typingSince) {
      typingSince = 0;
      socket.emit('typing', false);
    }
  });

  view.composer.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = view.text.value;
    view.showError('');
    view.text.value = '';
    typingSince = 0; // the server stops the typing notice on send
    send(socket, view, text, view.to.value);
    view.text.focus();
  });
}

export default chatClient;
