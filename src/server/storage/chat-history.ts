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
  /**
   * Keeps a room's message (join and leave notices included, private messages
   * never), under the `clientId` its sender gave it, if any.
   */
  add(room: string, message: ChatMessage, clientId?: string): Promise<void>;
  /** The message stored under this client id, if any: a retried send finds its first copy. */
  sentAs(clientId: string): Promise<ChatMessage | undefined>;
  /** The room's last `limit` messages (only those after id `after`, when given), oldest first. */
  recent(room: string, limit: number, after?: number): Promise<ChatMessage[]>;
  /** Forgets every room's messages (an instructor's reset). */
  clear(): Promise<void>;
}

/** Keeps what `recent` can return, per room, and forgets the rest. */
export function memoryChatHistory(keepPerRoom = 200): ChatHistory {
  const rooms = new Map<string, ChatMessage[]>();
  const byClientId = new Map<string, ChatMessage>();
  const clientIds = new WeakMap<ChatMessage, string>();
  let lastId = 0;
  return {
    async nextId() {
      return ++lastId;
    },
    async add(room, message, clientId) {
      const messages = rooms.get(room) ?? [];
      messages.push(message);
      if (clientId) {
        byClientId.set(clientId, message);
        clientIds.set(message, clientId);
      }
      const dropped = messages.splice(0, Math.max(0, messages.length - keepPerRoom));
      for (const old of dropped) byClientId.delete(clientIds.get(old) ?? '');
      rooms.set(room, messages);
    },
    async sentAs(clientId) {
      return byClientId.get(clientId);
    },
    async recent(room, limit, after = 0) {
      return (rooms.get(room) ?? []).filter((m) => m.id > after).slice(-limit);
    },
    async clear() {
      rooms.clear();
      byClientId.clear();
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
  // Databases from before client message ids get the column.
  const columns = db.prepare('SELECT name FROM pragma_table_info(?)').all('chat_messages');
  if (!columns.some((c) => c.name === 'client_id')) db.exec('ALTER TABLE chat_messages ADD COLUMN client_id TEXT');
  db.exec(
    'CREATE UNIQUE INDEX IF NOT EXISTS chat_messages_by_client_id ON chat_messages (space, client_id) WHERE client_id IS NOT NULL',
  );

  const next = db.prepare('UPDATE chat_ids SET id = id + 1 RETURNING id');
  const insert = db.prepare('INSERT INTO chat_messages (id, space, room, message, client_id) VALUES (?, ?, ?, ?, ?)');
  const sentAs = db.prepare('SELECT message FROM chat_messages WHERE space = ? AND client_id = ?');
  const recent = db.prepare(
    'SELECT message FROM (SELECT id, message FROM chat_messages WHERE space = ? AND room = ? AND id > ? ORDER BY id DESC LIMIT ?) ORDER BY id',
  );
  const clear = db.prepare('DELETE FROM chat_messages WHERE space = ?');
  return (space) => ({
    async nextId() {
      return Number(next.get()!.id);
    },
    async add(room, message, clientId) {
      insert.run(message.id, space, room, JSON.stringify(message), clientId ?? null);
    },
    async sentAs(clientId) {
      const row = sentAs.get(space, clientId);
      return row && (JSON.parse(String(row.message)) as ChatMessage);
    },
    async recent(room, limit, after = 0) {
      return recent.all(space, room, after, limit).map((row) => JSON.parse(String(row.message)) as ChatMessage);
    },
    async clear() {
      clear.run(space);
    },
  });
}
