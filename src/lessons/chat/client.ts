import type { Socket } from 'socket.io-client';
import { SERVER_PROBLEM, TOO_FAST } from '../../shared/acks.ts';
import type { ClientToServerEvents, ServerToClientEvents } from './contract.ts';
import type { LessonClient } from '../../components/demo/demo-host.ts';
import { currentClass } from '../../components/class/class-session.ts';
import { createChatView, type ChatView } from './chat-view.ts';

type ChatSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type OwnLine = ReturnType<ChatView['addOwnMessage']>;

/** Names to start with, one per in-page chatter. */
const SUGGESTED = ['Ada', 'Bo', 'Cy', 'Di', 'Ed', 'Flo'];
/** While someone keeps typing, say so again before the server's 3-second timeout. */
const TYPING_REPEAT_MS = 2000;

const chatClient: LessonClient = {
  slug: 'chat',
  worksOffline: true, // what is written offline waits in the outbox
  mount({ controls, socket, neighbours }) {
    // In a class, the first chatter is the student, under their class name (the server holds them to it).
    const first = neighbours().length === 0;
    const view = createChatView(controls, (first && currentClass()?.name) || SUGGESTED[neighbours().length % SUGGESTED.length]!);
    wireForms(socket, view, createChat(socket, view));
  },
};

const missedMessages = (n: number) => (n === 1 ? '1 missed message' : `${n} missed messages`);

// #region client
/** How long to wait for the server's receipt before sending a message again. */
const ACK_TIMEOUT_MS = 5000;

function createChat(socket: ChatSocket, view: ChatView) {
  let me: { name: string; room: string } | undefined; // who we joined as, and where
  let inRoom = false; // the server has us in the room, on this connection
  let lastId = 0; // the newest message we saw: where to pick up after a long absence
  let missed = 0;
  const outbox: { text: string; clientId: string; line: OwnLine }[] = []; // written, not yet acked
  const saw = (id: number) => (lastId = Math.max(lastId, id));

  socket.on('message', (message) => {
    saw(message.id);
    if (view.addMessage(message) && !inRoom) missed++; // replayed on a recovered connection
  });
  socket.on('roomData', ({ users }) => view.showOnline(users, socket.id));
  socket.on('typing', ({ user, typing }) => view.showTyping(user, typing));

  socket.on('disconnect', () => {
    inRoom = false;
    missed = 0;
    view.showOutbox(outbox.length, false);
  });
  socket.on('connect', () => {
    if (!me) return;
    // Back within two minutes: the server kept us in the room and has replayed what we missed.
    if (socket.recovered) return backInRoom(`Reconnected: ${missedMessages(missed)} caught up.`);
    // Later than that, or the server restarted: join again, asking for what came after `lastId`.
    join(me.name, me.room, lastId);
  });

  function join(name: string, room: string, after?: number) {
    socket.emit('join', { name, room, after }, (answer) => {
      // Coming back, a server that has just lost a peer (or its storage) may fail for a moment: try again.
      if (!answer.ok && after !== undefined && answer.error === SERVER_PROBLEM) {
        return void setTimeout(() => socket.connected && join(name, room, after), 1000);
      }
      if (!answer.ok) return view.showError(answer.error);
      for (const message of answer.history) saw(message.id);
      if (after === undefined || room !== me?.room) {
        view.joined(name, room, answer.history); // the room's last 50 messages
      } else {
        const caughtUp = answer.history.filter((message) => view.addMessage(message)).length;
        view.note(`Back in ${room}: ${missedMessages(caughtUp)} caught up.`);
      }
      me = { name, room };
      backInRoom();
    });
  }

  function backInRoom(note?: string) {
    inRoom = true;
    if (note) view.note(note);
    void flush();
  }

  function send(text: string) {
    outbox.push({ text, clientId: crypto.randomUUID(), line: view.addOwnMessage(text) }); // shown as "sending…"
    void flush();
  }

  // One at a time, in order, and only while in the room. A message without a
  // receipt in time is sent again with the same client id: the server keeps it once.
  let flushing = false;
  async function flush() {
    if (flushing) return;
    flushing = true;
    while (inRoom && outbox[0]) {
      view.showOutbox(outbox.length, true);
      const next = outbox[0];
      try {
        const answer = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('sendMessage', next.text, next.clientId);
        if (!answer.ok && answer.error === TOO_FAST) {
          await new Promise((resolve) => setTimeout(resolve, 1000));
          continue;
        }
        outbox.shift();
        if (answer.ok) {
          saw(answer.id);
          next.line.delivered(answer.id, answer.at); // the ack is the delivery receipt
        } else {
          next.line.failed();
          view.showError(answer.error);
          view.text.value ||= next.text; // nothing typed is lost
        }
      } catch {
        // No receipt in time, or the connection dropped: the loop (or the reconnect) sends it again.
      }
    }
    flushing = false;
    view.showOutbox(outbox.length, socket.connected);
  }

  function sendPrivate(to: string, text: string) {
    if (!inRoom) return view.showError('You are offline: a private message needs a connection.');
    // The server sends a private message back to its sender too; the ack marks it.
    socket.emit('privateMessage', { to, text }, (answer) => {
      if (answer.ok) view.markDelivered(answer.id);
      else view.showError(answer.error);
    });
  }

  return { join, send, sendPrivate, inRoom: () => inRoom };
}
// #endregion

function wireForms(socket: ChatSocket, view: ChatView, chat: ReturnType<typeof createChat>) {
  let typingSince = 0;

  view.joinForm.addEventListener('submit', (event) => {
    event.preventDefault();
    chat.join(view.joinName().trim(), view.joinRoom().trim());
  });

  view.text.addEventListener('input', () => {
    if (!chat.inRoom()) return;
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
    if (view.to.value) chat.sendPrivate(view.to.value, text);
    else chat.send(text);
    view.text.focus();
  });
}

export default chatClient;
