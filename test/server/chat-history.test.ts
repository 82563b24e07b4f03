import assert from 'node:assert/strict';
import { DatabaseSync } from 'node:sqlite';
import { after, before, describe, test } from 'node:test';
import { createClient } from 'redis';
import {
  type ChatHistory,
  KEEP_PER_ROOM,
  memoryChatHistory,
  sqliteChatHistories,
} from '../../src/server/storage/chat-history.ts';
import { redisChatHistories } from '../../src/server/storage/redis-chat-history.ts';
import { startRedis } from '../redis.ts';

/** What these tests store: a store keeps any message with an id and a time. */
type Message = { id: number; user: string; text: string; at: number };
const message = (id: number, text: string): Message => ({ id, user: 'Ada', text, at: id * 1000 });

/** What every store must do, whatever it keeps the messages in. */
function behavesAsChatHistory(make: () => ChatHistory) {
  test('recent gives the last messages of a room, or only those after an id, oldest first', async () => {
    const history = make();
    for (let i = 1; i <= 6; i++) await history.add(i % 2 ? 'lobby' : 'games', message(await history.nextId(), `m${i}`));
    assert.deepEqual(
      (await history.recent<Message>('lobby', 2)).map((m) => m.text),
      ['m3', 'm5'],
    );
    const [first] = await history.recent<Message>('lobby', 50);
    assert.deepEqual(
      (await history.recent<Message>('lobby', 50, first!.id)).map((m) => m.text),
      ['m3', 'm5'],
    );
    assert.deepEqual(await history.recent<Message>('nowhere', 50), []);
  });

  test('a client back after id N also gets a message with a smaller id stored after N was sent, as in a cluster', async () => {
    const history = make();
    const [early, late] = [await history.nextId(), await history.nextId()];
    const [old, now] = [Date.now() - 5 * 60_000, Date.now()];
    await history.add('lobby', { id: await history.nextId(), user: 'Ada', text: 'long ago', at: old }); // an id after both, but old
    await history.add('lobby', { id: late, user: 'Bo', text: 'seen', at: now });
    await history.add('lobby', { id: early, user: 'Cy', text: 'stored late', at: now - 200 });
    // Back "after" the one it saw: the late-stored one comes too, oldest id first; the one it saw does not.
    const missed = await history.recent<Message>('lobby', 50, late);
    assert.deepEqual(missed.map((m) => m.text).sort(), ['long ago', 'stored late']);
    assert.ok(
      missed.every((m, i) => i === 0 || m.id > missed[i - 1]!.id),
      'in id order',
    );
  });

  test('a message kept under a client id is found by it; clear forgets it', async () => {
    const history = make();
    const id = await history.nextId();
    await history.add('lobby', message(id, 'hi'), `c-${id}`);
    assert.equal((await history.sentAs<Message>(`c-${id}`))?.text, 'hi');
    assert.equal(await history.sentAs<Message>('c-never'), undefined);
    await history.clear();
    assert.equal(await history.sentAs<Message>(`c-${id}`), undefined);
    assert.deepEqual(await history.recent<Message>('lobby', 50), []);
  });
}

let spaces = 0;
describe('chat history (memory)', () => behavesAsChatHistory(() => memoryChatHistory()));
describe('chat history (sqlite)', () =>
  behavesAsChatHistory(() => sqliteChatHistories(new DatabaseSync(':memory:'))('/chat')));
describe('chat history (redis)', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let client: ReturnType<typeof createClient>;
  before(async () => {
    redis = await startRedis();
    client = createClient({ url: redis.url });
    await client.connect();
  });
  after(async () => {
    client.destroy();
    await redis.stop();
  });
  // A space of its own per test: they share one Redis.
  behavesAsChatHistory(() => redisChatHistories(client)(`/test-${process.pid}-${++spaces}`));
});

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
  assert.deepEqual(
    (await history.recent<Message>('lobby', 50)).map((m) => m.text),
    ['old', 'new'],
  );
  assert.equal((await history.sentAs<Message>('c-8'))?.id, 8);
});

test('SQLite keeps a room to its newest messages, as the other stores do, so a flood cannot fill the disk', async () => {
  const db = new DatabaseSync(':memory:');
  const history = sqliteChatHistories(db)('/chat');
  for (let i = 0; i < KEEP_PER_ROOM + 50; i++) {
    await history.add('lobby', { id: await history.nextId(), user: 'Ada', text: `line ${i}`, at: i });
  }
  await history.add('other', { id: await history.nextId(), user: 'Bo', text: 'elsewhere', at: 0 });
  const count = (room: string) =>
    Number(db.prepare('SELECT COUNT(*) AS n FROM chat_messages WHERE room = ?').get(room)!.n);
  assert.equal(count('lobby'), KEEP_PER_ROOM);
  assert.equal(count('other'), 1);
  const newest = await history.recent<Message>('lobby', 1);
  assert.equal((newest[0] as { text: string }).text, `line ${KEEP_PER_ROOM + 49}`);
  db.close();
});
