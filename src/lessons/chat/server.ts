import {
  chat,
  HISTORY_LENGTH,
  ROOM_LIST_DELAY_MS,
  TYPING_TIMEOUT_MS,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SystemMessage,
} from './contract.ts';
import { nameKey } from '../../server/plumbing/name-key.ts';
import type { LessonNamespace } from '../../server/plumbing/types.ts';
import { memoryChatHistory, type ChatHistory } from '../../server/storage/chat-history.ts';

export const contract = chat;

/**
 * Who a socket is in the chat. It lives in `socket.data`, which connection
 * state recovery gives back to a socket that returns after a short drop.
 */
interface Member {
  name: string;
  room: string;
}

// #region server
export function register(
  io: LessonNamespace<ClientToServerEvents, ServerToClientEvents, { member: Member }>,
  { history = memoryChatHistory() }: { history?: ChatHistory } = {},
) {
  // #region helpers
  // Who is in a room, asked of Socket.IO itself (with an adapter, of every server).
  const socketsIn = (room: string) => io.in(room).fetchSockets();
  // Whoever holds a name in a room also sits in a room of that name: asking who holds it
  // is then one small question, not the list of everyone. (Room names have no control
  // characters, so this one cannot be a room someone joins.) Names are compared as people
  // see them: "Ada", "ADA" and "Аda" (with a Cyrillic А) are one name.
  const nameRoom = (room: string, name: string) => `\u0000${room}\u0000${nameKey(name)}`;
  async function usersIn(room: string) {
    const sockets = await socketsIn(room);
    return sockets.flatMap((s) => (s.data.member ? [{ id: s.id, name: s.data.member.name }] : []));
  }

  // Everyone in the room gets the new list whenever someone comes, goes or moves.
  // A class arriving at once gets one list, not one per arrival (with n people,
  // a list per arrival would be n lists of n names sent to n people).
  const listsDue = new Set<string>();
  function sendRoomData(room: string) {
    if (listsDue.has(room)) return;
    listsDue.add(room);
    setTimeout(() => {
      listsDue.delete(room);
      // If asking fails (a server or Redis away), the next change sends the list again.
      usersIn(room).then((users) => io.to(room).emit('roomData', { room, users }), () => {});
    }, ROOM_LIST_DELAY_MS);
  }

  // A join or leave notice is kept in the room's history like any message.
  async function notice(room: string, text: string): Promise<SystemMessage> {
    const message = { id: await history.nextId(), system: true as const, text, at: Date.now() };
    await history.add(room, message);
    return message;
  }
  // #endregion

  io.on('connection', (socket) => {
    // #region typing
    let typingTimer: ReturnType<typeof setTimeout> | undefined;
    function stopTyping({ name, room }: Member) {
      if (!typingTimer) return;
      clearTimeout(typingTimer);
      typingTimer = undefined;
      socket.to(room).emit('typing', { user: name, typing: false });
    }

    socket.on('typing', (typing, ack) => {
      const member = socket.data.member;
      if (!member) return ack({ ok: false, error: 'Join a room first.' });
      if (typing) {
        // Tell the others once, then keep it alive while the typing goes on.
        if (!typingTimer) socket.to(member.room).emit('typing', { user: member.name, typing: true });
        clearTimeout(typingTimer);
        typingTimer = setTimeout(() => stopTyping(member), TYPING_TIMEOUT_MS);
      } else {
        stopTyping(member);
      }
      ack({ ok: true });
    });
    // #endregion

    // #region leave
    async function leave(member: Member) {
      const { name, room } = member;
      stopTyping(member);
      socket.leave(room);
      socket.leave(nameRoom(room, name));
      socket.to(room).emit('message', await notice(room, `${name} left`));
      sendRoomData(room);
    }
    // #endregion

    // #region join
    socket.on('join', async ({ name, room, after }, ack) => {
      // Every socket sits in a room named by its id (20 characters): joining that one would overhear its private messages.
      const isSocketId = room.length === 20 && (await socketsIn(room)).some((s) => s.id === room);
      if (isSocketId) return ack({ ok: false, error: 'That name is not free for a room: pick another.' });
      const taken = (await socketsIn(nameRoom(room, name))).some((s) => s.id !== socket.id);
      if (taken) return ack({ ok: false, error: `Someone in ${room} is already called ${name}: pick another name.` });

      const before = socket.data.member;
      socket.data.member = { name, room };
      socket.join(nameRoom(room, name)); // from here on, the name is taken
      // `after` is the last message id the client saw: it gets what it missed.
      const past = await history.recent(room, HISTORY_LENGTH, after);
      if (before?.room === room && before.name === name) return ack({ ok: true, history: past });
      if (before) await leave(before); // a second join moves the user
      socket.join(room);
      // A broadcast: the others read "Ada joined"; Ada knows.
      socket.to(room).emit('message', await notice(room, `${name} joined`));
      sendRoomData(room);
      ack({ ok: true, history: past });
    });
    // #endregion

    // #region recovered
    // Back within two minutes of a drop: Socket.IO has given this socket its
    // rooms and `socket.data` again and replayed the broadcasts it missed.
    async function welcomeBack({ name, room }: Member) {
      socket.to(room).emit('message', await notice(room, `${name} is back`));
      sendRoomData(room);
    }
    if (socket.recovered && socket.data.member) void welcomeBack(socket.data.member);
    // #endregion

    // #region send
    socket.on('sendMessage', async (text, clientId, ack) => {
      const member = socket.data.member;
      if (!member) return ack({ ok: false, error: 'Join a room before sending messages.' });
      // A retry of a message that is already stored: the same receipt, nothing stored twice.
      // It goes out again (the first try may have died before its broadcast); pages skip ids they have.
      const earlier = clientId && (await history.sentAs(clientId));
      if (earlier) {
        socket.to(member.room).emit('message', earlier);
        return ack({ ok: true, id: earlier.id, at: earlier.at });
      }

      stopTyping(member);
      const message = { id: await history.nextId(), user: member.name, text, at: Date.now() };
      await history.add(member.room, message, clientId);
      // The sender shows its own message already: the others get it by broadcast,
      // and the sender gets the ack, its delivery receipt.
      socket.to(member.room).emit('message', message);
      ack({ ok: true, id: message.id, at: message.at });
    });
    // #endregion

    // #region private
    socket.on('privateMessage', async ({ to, text }, ack) => {
      const member = socket.data.member;
      if (!member) return ack({ ok: false, error: 'Join a room before sending messages.' });
      const recipient = (await socketsIn(to)).find((s) => s.id === to)?.data.member;
      if (recipient?.room !== member.room) return ack({ ok: false, error: 'That person is not in this room (any more).' });

      stopTyping(member);
      const message = { id: await history.nextId(), user: member.name, text, at: Date.now(), private: true as const, to: recipient.name };
      // Only these two sockets: the recipient's room (its id) and the sender's own.
      io.to([to, socket.id]).emit('message', message);
      ack({ ok: true, id: message.id });
    });
    // #endregion

    // #region disconnect
    // `socket.data.member` stays: if the socket comes back in time, it is still in the room.
    socket.on('disconnect', async () => {
      if (socket.data.member) await leave(socket.data.member);
    });
    // #endregion
  });
}
// #endregion
