import type { DatabaseSync } from 'node:sqlite';
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
  /** Forgets every room's messages (an instructor's reset). */
  clear(): Promise<void>;
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
    async clear() {
      rooms.clear();
    },
  };
}

/**
 * Chat history in SQLite: one table for every `space` (a namespace: the
 * public chat, or a class's), and a `ChatHistory` per space. A message is
 * written before `add` returns, so once its sender has the ack it is on
 * disk; ids come from one counter that only goes up, across restarts.
 */
export function sqliteChatHistories(db: DatabaseSync): (space: string) => ChatHistory {
  db.exec(`
    CREATE TABLE IF NOT EXISTS chat_ids (id INTEGER NOT NULL);
    INSERT INTO chat_ids (id) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM chat_ids);
    CREATE TABLE IF NOT EXISTS chat_messages (
      id INTEGER PRIMARY KEY,
      space TEXT NOT NULL,
      room TEXT NOT NULL,
      message TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS chat_messages_by_room ON chat_messages (space, room, id);
  `);
  const next = db.prepare('UPDATE chat_ids SET id = id + 1 RETURNING id');
  const insert = db.prepare('INSERT INTO chat_messages (id, space, room, message) VALUES (?, ?, ?, ?)');
  const recent = db.prepare(
    'SELECT message FROM (SELECT id, message FROM chat_messages WHERE space = ? AND room = ? ORDER BY id DESC LIMIT ?) ORDER BY id',
  );
  const clear = db.prepare('DELETE FROM chat_messages WHERE space = ?');
  return (space) => ({
    async nextId() {
      return Number(next.get()!.id);
    },
    async add(room, message) {
      insert.run(message.id, space, room, JSON.stringify(message));
    },
    async recent(room, limit) {
      return recent.all(space, room, limit).map((row) => JSON.parse(String(row.message)) as ChatMessage);
    },
    async clear() {
      clear.run(space);
    },
  });
}
