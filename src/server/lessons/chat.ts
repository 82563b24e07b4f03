import {
  chat,
  HISTORY_LENGTH,
  TYPING_TIMEOUT_MS,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SystemMessage,
} from '../../shared/lessons/chat.ts';
import type { LessonNamespace } from '../plumbing/types.ts';
import { memoryChatHistory, type ChatHistory } from '../storage/chat-history.ts';

export const contract = chat;

/** Who is in the chat: their name and room, by socket id. */
interface Member {
  name: string;
  room: string;
}

// #region server
export function register(
  io: LessonNamespace<ClientToServerEvents, ServerToClientEvents>,
  { history = memoryChatHistory() }: { history?: ChatHistory } = {},
) {
  const members = new Map<string, Member>();
  const typingTimers = new Map<string, ReturnType<typeof setTimeout>>();

  // #region helpers
  const usersIn = (room: string) =>
    [...members].filter(([, m]) => m.room === room).map(([id, m]) => ({ id, name: m.name }));

  // Everyone in the room gets the new list whenever someone comes, goes or moves.
  const sendRoomData = (room: string) => io.to(room).emit('roomData', { room, users: usersIn(room) });

  // A join or leave notice is kept in the room's history like any message.
  async function notice(room: string, text: string): Promise<SystemMessage> {
    const message = { id: await history.nextId(), system: true as const, text, at: Date.now() };
    await history.add(room, message);
    return message;
  }
  // #endregion

  io.on('connection', (socket) => {
    // #region typing
    function stopTyping(member: Member) {
      const timer = typingTimers.get(socket.id);
      if (!timer) return;
      clearTimeout(timer);
      typingTimers.delete(socket.id);
      socket.to(member.room).emit('typing', { user: member.name, typing: false });
    }

    socket.on('typing', (typing, ack) => {
      const member = members.get(socket.id);
      if (!member) return ack({ ok: false, error: 'Join a room first.' });
      if (typing) {
        // Tell the others once, then keep it alive while the typing goes on.
        if (!typingTimers.has(socket.id)) socket.to(member.room).emit('typing', { user: member.name, typing: true });
        clearTimeout(typingTimers.get(socket.id));
        typingTimers.set(socket.id, setTimeout(() => stopTyping(member), TYPING_TIMEOUT_MS));
      } else {
        stopTyping(member);
      }
      ack({ ok: true });
    });
    // #endregion

    // #region leave
    async function leave(member: Member) {
      stopTyping(member);
      socket.leave(member.room);
      socket.to(member.room).emit('message', await notice(member.room, `${member.name} left`));
      sendRoomData(member.room);
    }
    // #endregion

    // #region join
    socket.on('join', async ({ name, room }, ack) => {
      const taken = usersIn(room).some((u) => u.id !== socket.id && u.name.toLowerCase() === name.toLowerCase());
      if (taken) return ack({ ok: false, error: `Someone in ${room} is already called ${name}: pick another name.` });

      const before = members.get(socket.id);
      if (before?.room === room && before.name === name) {
        return ack({ ok: true, history: await history.recent(room, HISTORY_LENGTH) });
      }
      members.set(socket.id, { name, room }); // from here on, the name is taken
      if (before) await leave(before); // a second join moves the user

      socket.join(room);
      const past = await history.recent(room, HISTORY_LENGTH);
      // A broadcast: the others read "Ada joined"; Ada knows.
      socket.to(room).emit('message', await notice(room, `${name} joined`));
      sendRoomData(room);
      ack({ ok: true, history: past });
    });
    // #endregion

    // #region send
    socket.on('sendMessage', async (text, ack) => {
      const member = members.get(socket.id);
      if (!member) return ack({ ok: false, error: 'Join a room before sending messages.' });
      stopTyping(member);
      const message = { id: await history.nextId(), user: member.name, text, at: Date.now() };
      await history.add(member.room, message);
      // The sender shows its own message already: the others get it by broadcast,
      // and the sender gets the ack, its delivery receipt.
      socket.to(member.room).emit('message', message);
      ack({ ok: true, id: message.id, at: message.at });
    });
    // #endregion

    // #region private
    socket.on('privateMessage', async ({ to, text }, ack) => {
      const member = members.get(socket.id);
      if (!member) return ack({ ok: false, error: 'Join a room before sending messages.' });
      const recipient = members.get(to);
      if (!recipient || recipient.room !== member.room) {
        return ack({ ok: false, error: 'That person is not in this room (any more).' });
      }
      stopTyping(member);
      const message = { id: await history.nextId(), user: member.name, text, at: Date.now(), private: true as const, to: recipient.name };
      // Only these two sockets: the recipient's room (its id) and the sender's own.
      io.to([to, socket.id]).emit('message', message);
      ack({ ok: true, id: message.id });
    });
    // #endregion

    // #region disconnect
    socket.on('disconnect', async () => {
      const member = members.get(socket.id);
      if (!member) return;
      members.delete(socket.id);
      await leave(member);
    });
    // #endregion
  });
}
// #endregion
