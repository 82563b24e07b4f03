import { nameKey } from '../../server/plumbing/name-key.ts';
import type { LessonNamespace } from '../../server/plumbing/types.ts';
import {
  type ChatHistory,
  memoryChatHistory,
} from '../../server/storage/chat-history.ts';
import {
  type ChatMessage,
  type ClientToServerEvents,
  chat,
  HISTORY_LENGTH,
  ROOM_LIST_DELAY_MS,
  type ServerToClientEvents,
  type SystemMessage,
  TYPING_TIMEOUT_MS,
} from './contract.ts';

export const contract = chat;

/** Who a socket is in the chat, kept in `socket.data`. */
interface Member {
  name: string;
  room: string;
}

type ChatNamespace = LessonNamespace<
  ClientToServerEvents,
  ServerToClientEvents,
  { member: Member }
>;
/** What the rules need of a socket. */
type ChatSocket = {
  id: string;
  join(room: string): unknown;
  leave(room: string): unknown;
};

export function register(
  io: ChatNamespace,
  { history = memoryChatHistory() }: { history?: ChatHistory } = {},
) {
  // #region server
  const { refuseJoin, claimName, releaseName, memberById, soon } = roomRules(io);

  // #region online
  // Who is in a room, asked of Socket.IO itself (with an adapter: of every server).
  async function usersIn(room: string) {
    const sockets = await io.in(room).fetchSockets();
    return sockets.flatMap((s) => {
      const member = s.data.member;
      return member ? [{ id: s.id, name: member.name }] : [];
    });
  }

  // Everyone in the room gets the new list, whoever came or went included.
  const sendRoomData = soon(async (room) => {
    io.to(room).emit('roomData', { room, users: await usersIn(room) });
  });

  // A join or leave notice is kept in the room's history like any message.
  async function notice(room: string, text: string): Promise<SystemMessage> {
    const id = await history.nextId();
    const message = { id, system: true as const, text, at: Date.now() };
    await history.add(room, message);
    return message;
  }
  // #endregion

  io.on('connection', (socket) => {
    // Back from a short drop, connection state recovery (lesson `reconnection`) gives a socket
    // its rooms and `socket.data` again. The room was told it left, so it starts over: the
    // page joins again.
    if (socket.recovered && socket.data.member) {
      const { member } = socket.data;
      socket.leave(member.room);
      releaseName(socket, member);
      socket.data.member = undefined;
    }

    // #region typing
    let typingTimer: ReturnType<typeof setTimeout> | undefined;
    function stopTyping({ name, room }: Member) {
      if (!typingTimer) return;
      clearTimeout(typingTimer);
      typingTimer = undefined;
      socket.to(room).volatile.emit('typing', { user: name, typing: false });
    }

    socket.on('typing', (typing, ack) => {
      const member = socket.data.member;
      if (!member) return ack?.({ ok: false, error: 'Join a room first.' });
      if (typing) {
        // Tell the others once, then keep it alive while the typing goes on.
        const others = socket.to(member.room).volatile;
        if (!typingTimer) others.emit('typing', { user: member.name, typing: true });
        clearTimeout(typingTimer);
        typingTimer = setTimeout(() => stopTyping(member), TYPING_TIMEOUT_MS);
      } else {
        stopTyping(member);
      }
      ack?.({ ok: true });
    });
    // #endregion

    // #region leave
    async function leave(member: Member) {
      stopTyping(member);
      socket.leave(member.room);
      releaseName(socket, member);
      const left = await notice(member.room, `${member.name} left`);
      socket.to(member.room).emit('message', left);
      sendRoomData(member.room);
    }
    // #endregion

    // #region join
    socket.on('join', async ({ name, room }, ack) => {
      const refused = await refuseJoin(socket, name, room); // the room's name, and yours
      if (refused) return ack?.({ ok: false, error: refused });

      const before = socket.data.member;
      socket.data.member = { name, room };
      claimName(socket, { name, room }); // from here on, the name is taken
      const past = await history.recent<ChatMessage>(room, HISTORY_LENGTH);
      const again = before?.room === room && before.name === name; // a double click
      if (again) return ack?.({ ok: true, history: past });
      if (before) await leave(before); // a second join moves the user
      socket.join(room);
      // A broadcast: the others read "Ada joined"; Ada knows.
      socket.to(room).emit('message', await notice(room, `${name} joined`));
      sendRoomData(room);
      ack?.({ ok: true, history: past });
    });
    // #endregion

    // #region send
    socket.on('sendMessage', async (text, ack) => {
      const member = socket.data.member;
      if (!member)
        return ack?.({ ok: false, error: 'Join a room before sending messages.' });
      stopTyping(member);
      const id = await history.nextId();
      const message = { id, user: member.name, text, at: Date.now() };
      await history.add(member.room, message);
      // The sender shows its own message already: the others get it by broadcast,
      // and the sender gets the ack, its delivery receipt.
      socket.to(member.room).emit('message', message);
      ack?.({ ok: true, id, at: message.at });
    });
    // #endregion

    // #region private
    socket.on('privateMessage', async ({ to, text }, ack) => {
      const member = socket.data.member;
      if (!member)
        return ack?.({ ok: false, error: 'Join a room before sending messages.' });
      const recipient = await memberById(to);
      if (recipient?.room !== member.room) {
        return ack?.({
          ok: false,
          error: 'That person is not in this room (any more).',
        });
      }
      stopTyping(member);
      const id = await history.nextId();
      const message = {
        id,
        user: member.name,
        text,
        at: Date.now(),
        to: recipient.name,
      };
      // Only these two sockets: the recipient's room (its id) and the sender's own.
      io.to([to, socket.id]).emit('message', { ...message, private: true });
      ack?.({ ok: true, id });
    });
    // #endregion

    // #region disconnect
    socket.on('disconnect', async () => {
      if (socket.data.member) await leave(socket.data.member);
    });
    // #endregion
  });

  /**
   * The chat's rules that the lesson's text does not show: how a name is held in a room,
   * what a room may not be called, and how often the Online list goes out.
   * All of it asks Socket.IO (`io.in(room).fetchSockets()`), so it holds on one
   * server and on several sharing an adapter.
   */
  function roomRules(io: ChatNamespace) {
    const socketsIn = (room: string) => io.in(room).fetchSockets();
    // Whoever holds a name in a room also sits in a room of that name: asking whether it is
    // taken is then one small question, not the list of everyone. Room names have no control
    // characters, so nobody can join this one. Names are compared as people see them: "Ada",
    // "ADA" and "Аda" (with a Cyrillic А) are one name (see `nameKey`).
    const nameRoom = (room: string, name: string) =>
      `\u0000${room}\u0000${nameKey(name)}`;
    const listsDue = new Set<string>();

    return {
      /** Why `socket` may not join `room` as `name`, or undefined. */
      async refuseJoin(
        socket: ChatSocket,
        name: string,
        room: string,
      ): Promise<string | undefined> {
        // Every socket sits in a room named by its id (20 characters): joining that one would overhear its private messages.
        if (room.length === 20 && (await socketsIn(room)).some((s) => s.id === room)) {
          return 'That name is not free for a room: pick another.';
        }
        if ((await socketsIn(nameRoom(room, name))).some((s) => s.id !== socket.id)) {
          return `Someone in ${room} is already called ${name}: pick another name.`;
        }
      },
      claimName: (socket: ChatSocket, { name, room }: Member) =>
        socket.join(nameRoom(room, name)),
      releaseName: (socket: ChatSocket, { name, room }: Member) =>
        socket.leave(nameRoom(room, name)),
      /** The chatter behind a socket id; none if `id` is a room of several, or nobody's. */
      async memberById(id: string) {
        return (await socketsIn(id)).find((s) => s.id === id)?.data.member;
      },
      /**
       * Sends `list(room)` once for the comings and goings of ROOM_LIST_DELAY_MS: a class
       * arriving at once gets one list, not one per arrival (n lists of n names to n people).
       */
      soon(list: (room: string) => Promise<void>) {
        return (room: string) => {
          if (listsDue.has(room)) return;
          listsDue.add(room);
          setTimeout(() => {
            listsDue.delete(room);
            // If asking fails (a server or Redis away), the next change sends the list again.
            list(room).catch(() => {});
          }, ROOM_LIST_DELAY_MS);
        };
      },
    };
  }
  // #endregion
}
