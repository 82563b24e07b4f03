import type { Socket } from 'socket.io-client';
import { currentClass } from '../../components/class/class-session.ts';
import type { LessonClient } from '../../components/demo/demo-host.ts';
import { type ChatView, createChatView } from './chat-view.ts';
import type { ClientToServerEvents, ServerToClientEvents } from './events.ts';

type ChatSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Names to start with, one per in-page chatter. */
const SUGGESTED = ['Ada', 'Bo', 'Cy', 'Di', 'Ed', 'Flo'];
/** While someone keeps typing, say so again before the server's 3-second timeout. */
const TYPING_REPEAT_MS = 2000;

const chatClient: LessonClient = {
  slug: 'chat',
  mount({ controls, socket, neighbours, panel }) {
    // In a class, each chatter is the student, under the name the server gives it ("Ada", "Ada's client 2").
    const view = createChatView(
      controls,
      (currentClass() && panel.label()) ||
        SUGGESTED[neighbours().length % SUGGESTED.length]!,
    );
    wireForms(view, createChat(socket, view));
  },
};

// #region client
function createChat(socket: ChatSocket, view: ChatView) {
  let me: { name: string; room: string } | undefined; // who we joined as, and where

  socket.on('message', (message) => view.addMessage(message));
  socket.on('roomData', ({ users }) => view.showOnline(users, socket.id));
  socket.on('typing', ({ user, typing }) => view.showTyping(user, typing));

  // Every connection starts outside the rooms here (the room heard that we left):
  // join again. The answer's history shows what was said meanwhile (up to 50).
  socket.on('disconnect', () => view.connectionLost());
  socket.on('connect', () => me && join(me.name, me.room));

  function join(name: string, room: string) {
    socket.emit('join', { name, room }, (answer) => {
      if (!answer.ok) return view.showError(answer.error);
      me = { name, room };
      view.joined(name, room, answer.history); // the room's last 50 messages
    });
  }

  function send(text: string) {
    const line = view.addOwnMessage(text); // shown at once, as "sending…"
    socket.emit('sendMessage', text, (answer) => {
      if (answer.ok) return line.delivered(answer.id, answer.at); // the ack: a receipt
      line.failed();
      view.showError(answer.error);
      view.text.value ||= text; // nothing typed is lost
    });
  }

  function sendPrivate(to: string, text: string) {
    // The server sends a private message back to its sender too; the ack marks it.
    socket.emit('privateMessage', { to, text }, (answer) => {
      if (answer.ok) view.markDelivered(answer.id);
      else view.showError(answer.error);
    });
  }

  // Volatile: if the connection cannot take it right now, it is dropped, not sent
  // late. "Ada is typing" a minute after she stopped would be wrong.
  const typing = (now: boolean) => socket.volatile.emit('typing', now);

  return { join, send, sendPrivate, typing };
}
// #endregion

function wireForms(view: ChatView, chat: ReturnType<typeof createChat>) {
  let typingSince = 0;

  view.joinForm.addEventListener('submit', (event) => {
    event.preventDefault();
    chat.join(view.joinName().trim(), view.joinRoom().trim());
  });

  view.text.addEventListener('input', () => {
    const typing = view.text.value.trim() !== '';
    if (typing && Date.now() - typingSince > TYPING_REPEAT_MS) {
      typingSince = Date.now();
      chat.typing(true);
    } else if (!typing && typingSince) {
      typingSince = 0;
      chat.typing(false);
    }
  });

  view.composer.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = view.text.value;
    view.showError('');
    view.text.value = '';
    typingSince = 0; // the server stops the typing notice on send
    if (view.to.value) chat.sendPrivate(view.to.value, text);
    else chat.send(text);
    view.text.focus();
  });
}

export default chatClient;
