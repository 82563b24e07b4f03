import assert from 'node:assert/strict';
import { DatabaseSync } from 'node:sqlite';
import { describe, test } from 'node:test';
import { memoryChatHistory, sqliteChatHistories, type ChatHistory } from '../../src/server/storage/chat-history.ts';

const message = (id: number, text: string) => ({ id, user: 'Ada', text, at: id * 1000 });

const stores: [string, () => ChatHistory][] = [
  ['memory', () => memoryChatHistory()],
  ['sqlite', () => sqliteChatHistories(new DatabaseSync(':memory:'))('/chat')],
];

for (const [kind, make] of stores) {
  describe(`chat history (${kind})`, () => {
    test('recent gives the last messages of a room, or only those after an id, oldest first', async () => {
      const history = make();
      for (let i = 1; i <= 6; i++) await history.add(i % 2 ? 'lobby' : 'games', message(await history.nextId(), `m${i}`));
      assert.deepEqual((await history.recent('lobby', 2)).map((m) => m.text), ['m3', 'm5']);
      assert.deepEqual((await history.recent('lobby', 50, 3)).map((m) => m.text), ['m5']);
      assert.deepEqual(await history.recent('nowhere', 50), []);
    });

    test('a message kept under a client id is found by it; clear forgets it', async () => {
      const history = make();
      await history.add('lobby', message(1, 'hi'), 'c-1');
      assert.equal((await history.sentAs('c-1'))?.text, 'hi');
      assert.equal(await history.sentAs('c-2'), undefined);
      await history.clear();
      assert.equal(await history.sentAs('c-1'), undefined);
    });
  });
}

test('a database from before client message ids gets the column, and keeps its messages', async () => {
  const db = new DatabaseSync(':memory:');
  db.exec(`
    CREATE TABLE chat_ids (id INTEGER NOT NULL); INSERT INTO chat_ids (id) VALUES (7);
    CREATE TABLE chat_messages (id INTEGER PRIMARY KEY, space TEXT NOT NULL, room TEXT NOT NULL, message TEXT NOT NULL);
    INSERT INTO chat_messages VALUES (7, '/chat', 'lobby', '{"id":7,"user":"Bo","text":"old","at":7}');
  `);
  const history = sqliteChatHistories(db)('/chat');
  assert.equal(await history.nextId(), 8);
  await history.add('lobby', message(8, 'new'), 'c-8');
  assert.deepEqual((await history.recent('lobby', 50)).map((m) => m.text), ['old', 'new']);
  assert.equal((await history.sentAs('c-8'))?.id, 8);
});
