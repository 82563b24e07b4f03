import type { DatabaseSync } from 'node:sqlite';
/**
 * What a store needs of a message: an id that only ever increases, and when it
 * was written (ms since the epoch). The rest is the lesson's, kept as JSON.
 */
export interface StoredMessage {
  id: number;
  at: number;
}

/**
 * Where a lesson keeps its messages. The lesson code only sees this interface:
 * in memory, SQLite or Redis, without a change to the lesson. Each namespace
 * has its own, so what a lesson reads back is what it stored: `M` names it
 * (`history.recent<ChatMessage>(…)`).
 */
export interface ChatHistory {
  /** The next message id; ids only ever increase. */
  nextId(): Promise<number>;
  /**
   * Keeps a room's message (join and leave notices included, private messages
   * never), under the `clientId` its sender gave it, if any.
   */
  add<M extends StoredMessage>(room: string, message: M, clientId?: string): Promise<void>;
  /** The message stored under this client id, if any: a retried send finds its first copy. */
  sentAs<M extends StoredMessage>(clientId: string): Promise<M | undefined>;
  /**
   * The room's last `limit` messages, oldest first; given `after` (the last id
   * a client saw), only what it may have missed since (see `missedSince`).
   */
  recent<M extends StoredMessage>(room: string, limit: number, after?: number): Promise<M[]>;
  /** Forgets every room's messages (an instructor's reset). */
  clear(): Promise<void>;
}

/**
 * In a cluster, ids are handed out by one counter but messages are stored and
 * sent by several processes, so a client can see id 23 before id 22, or lose
 * 22 with the process that was sending it (its sender's retry then sends the
 * stored copy again). A client coming back "after 23" therefore also gets what
 * was written shortly before 23; it skips the ids it already has.
 */
export const REORDER_WINDOW_MS = 60_000;

/** What a client that last saw id `after` may have missed, from a room's messages in id order. */
export function missedSince<M extends StoredMessage>(messages: M[], limit: number, after?: number): M[] {
  if (!after) return messages.slice(-limit);
  const cursor = messages.findLast((m) => m.id <= after);
  const since = cursor ? cursor.at - REORDER_WINDOW_MS : Infinity;
  return messages.filter((m) => m.id > after || (m.id < after && m.at >= since)).slice(-limit);
}

/** How many of a room's newest messages a store reads to answer a returning client (the Redis store keeps as many). */
export const KEEP_PER_ROOM = 200;

/** Keeps what `recent` can return, per room, and forgets the rest. */
export function memoryChatHistory(keepPerRoom = KEEP_PER_ROOM): ChatHistory {
  const rooms = new Map<string, StoredMessage[]>();
  const byClientId = new Map<string, StoredMessage>();
  const clientIds = new WeakMap<StoredMessage, string>();
  let lastId = 0;
  return {
    async nextId() {
      return ++lastId;
    },
    async add(room, message, clientId) {
      const messages = rooms.get(room) ?? [];
      // In id order, as the other stores keep them (an id handed out earlier may be stored later).
      const at = messages.findLastIndex((m) => m.id < message.id) + 1;
      messages.splice(at, 0, message);
      if (clientId) {
        byClientId.set(clientId, message);
        clientIds.set(message, clientId);
      }
      const dropped = messages.splice(0, Math.max(0, messages.length - keepPerRoom));
      for (const old of dropped) byClientId.delete(clientIds.get(old) ?? '');
      rooms.set(room, messages);
    },
    async sentAs<M extends StoredMessage>(clientId: string) {
      return byClientId.get(clientId) as M | undefined;
    },
    async recent<M extends StoredMessage>(room: string, limit: number, after?: number) {
      return missedSince((rooms.get(room) ?? []) as M[], limit, after);
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
 * disk; ids come from one counter that only goes up, across restarts. A
 * room keeps its newest `KEEP_PER_ROOM` messages.
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
  const newest = db.prepare(
    'SELECT message FROM (SELECT id, message FROM chat_messages WHERE space = ? AND room = ? ORDER BY id DESC LIMIT ?) ORDER BY id',
  );
  const clear = db.prepare('DELETE FROM chat_messages WHERE space = ?');
  // A room keeps its newest KEEP_PER_ROOM, as the other stores do: a busy or flooded room cannot fill the disk.
  const trim = db.prepare(`
    DELETE FROM chat_messages WHERE space = ? AND room = ? AND id <= (
      SELECT id FROM chat_messages WHERE space = ? AND room = ? ORDER BY id DESC LIMIT 1 OFFSET ?)`);
  return (space) => ({
    async nextId() {
      return Number(next.get()!.id);
    },
    async add(room, message, clientId) {
      insert.run(message.id, space, room, JSON.stringify(message), clientId ?? null);
      trim.run(space, room, space, room, KEEP_PER_ROOM);
    },
    async sentAs<M extends StoredMessage>(clientId: string) {
      const row = sentAs.get(space, clientId);
      return row && (JSON.parse(String(row.message)) as M);
    },
    async recent<M extends StoredMessage>(room: string, limit: number, after?: number) {
      const rows = newest.all(space, room, after ? KEEP_PER_ROOM : limit);
      const messages = rows.map((row) => JSON.parse(String(row.message)) as M);
      return missedSince(messages, limit, after);
    },
    async clear() {
      clear.run(space);
    },
  });
}
