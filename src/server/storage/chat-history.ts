import type { ChatMessage } from '../../shared/lessons/chat.ts';

/**
 * Where chat keeps its messages. The lesson code only sees this interface:
 * today it is in memory; a durable store (`node:sqlite`, Redis) can take its
 * place without a change to the lesson.
 */
export interface ChatHistory {
  /** The next message id; ids only ever increase. */
  nextId(): Promise<number>;
  /** Keeps a room's message (join and leave notices included, private messages never). */
  add(room: string, message: ChatMessage): Promise<void>;
  /** The room's last `limit` messages, oldest first. */
  recent(room: string, limit: number): Promise<ChatMessage[]>;
}

/** Keeps what `recent` can return, per room, and forgets the rest. */
export function memoryChatHistory(keepPerRoom = 200): ChatHistory {
  const rooms = new Map<string, ChatMessage[]>();
  let lastId = 0;
  return {
    async nextId() {
      return ++lastId;
    },
    async add(room, message) {
      const messages = rooms.get(room) ?? [];
      messages.push(message);
      if (messages.length > keepPerRoom) messages.splice(0, messages.length - keepPerRoom);
      rooms.set(room, messages);
    },
    async recent(room, limit) {
      return (rooms.get(room) ?? []).slice(-limit);
    },
  };
}
