import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chatters, startApp, until } from '../harness.ts';

test('the logs tell what happened, at every level, but never what people wrote', async () => {
  const records: { level: string; args: unknown[] }[] = [];
  const record =
    (level: string) =>
    (...args: unknown[]) =>
      void records.push({ level, args });
  const logger = { error: record('error'), warn: record('warn'), info: record('info'), debug: record('debug') };
  const server = await startApp({ instructorToken: 'logging-test-token', logger: logger as never });
  try {
    const instructor = await server.client('/instructor', { token: 'logging-test-token' });
    const { code } = await instructor.emitWithAck('class:create', { title: 'Logged' });
    await instructor.emitWithAck('class:announce', { code, text: 'secret announcement' });
    const [ada] = await chatters(server, ['Ada', 'Bo']);
    await ada!.emitWithAck('sendMessage', 'secret chat line');
    await ada!.emitWithAck('privateMessage', { to: 'nobody', text: 'secret private line' });
    await ada!.emitWithAck('no-such-event', 'secret payload');
    await instructor.emitWithAck('class:end', { code });
    await until(() => JSON.stringify(records).includes('class ended'), 'the end of the class logged');

    const text = JSON.stringify(records);
    assert.match(text, /class created/);
    assert.match(text, /class ended/);
    assert.match(text, /unknown event refused/);
    for (const secret of ['secret announcement', 'secret chat line', 'secret private line', 'secret payload']) {
      assert.ok(!text.includes(secret), `"${secret}" was logged`);
    }
  } finally {
    await server.close();
  }
});
