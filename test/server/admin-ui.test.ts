import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import type { Socket } from 'socket.io-client';
import { ADMIN_UI_PATH } from '../../src/server/admin-ui/files.ts';
import { ADMIN_USERNAME, SIGN_IN } from '../../src/server/admin-ui/instrument.ts';
import { nextEvent, nextMatching, type Running, SERVERS, settle, startApp } from '../harness.ts';

const TOKEN = 'test-token-for-the-instructor';
const signIn = { username: ADMIN_USERNAME, password: TOKEN };
// Pages are served only with a site folder; one that does not exist is enough here.
const SITE = '/nonexistent-site-for-admin-ui-tests';

interface Described {
  id: string;
  nsp: string;
  data: Record<string, unknown>;
}

/** An admin UI's socket, signed in, with what the server sends it on arrival. */
async function signedIn(server: Running, on = 0) {
  const admin = server.open('/admin', signIn, undefined, on);
  const [config, sockets] = await Promise.all([
    nextEvent<{ supportedFeatures: string[] }>(admin, 'config', 3000),
    nextEvent<Described[]>(admin, 'all_sockets', 5000),
  ]);
  return { admin, config, sockets };
}

describe('the admin UI, with an instructor token', () => {
  let server: Running;
  afterEach(async () => {
    await server.close();
  });

  test('a client on /admin without the password is refused and told how to sign in', async () => {
    server = await startApp({ instructorToken: TOKEN });
    await assert.rejects(server.client('/admin'), { message: SIGN_IN });
    await assert.rejects(server.client('/admin', { sessionId: 'made-up' }), { message: SIGN_IN });
  });

  test('a wrong password, or the token under another username, is refused', async () => {
    server = await startApp({ instructorToken: TOKEN });
    for (const auth of [
      { username: ADMIN_USERNAME, password: 'guess' },
      { username: ADMIN_USERNAME, password: 42 },
      { username: 'admin', password: TOKEN },
    ])
      await assert.rejects(server.client('/admin', auth), { message: 'invalid credentials' });
  });

  test('wrong passwords count as guesses: an address that keeps guessing is barred, even with the token', async () => {
    server = await startApp({
      instructorToken: TOKEN,
      guesses: { slowAfter: 10, blockAfter: 3, windowMs: 60_000, blockMs: 60_000 },
    });
    const from = '127.0.9.9';
    for (let i = 0; i < 3; i++)
      await assert.rejects(server.client('/admin', { username: ADMIN_USERNAME, password: `guess ${i}` }, from));
    await assert.rejects(server.client('/admin', signIn, from), (error: Error) => error.message !== '');
    const other = await server.client('/admin', signIn, '127.0.9.10');
    assert.equal(other.connected, true);
  });

  test('the instructor signs in with the token, read-only, and sees the sockets of the lessons', async () => {
    server = await startApp({ instructorToken: TOKEN });
    await server.client('/debugging', { name: 'Ada' });
    const { config, sockets } = await signedIn(server);
    assert.deepEqual(config.supportedFeatures.sort(), ['AGGREGATED_EVENTS', 'ALL_EVENTS']);
    assert.ok(sockets.some((s) => s.nsp === '/debugging' && s.data.name === 'Ada'));
  });

  test('a read-only admin cannot disconnect a student', async () => {
    server = await startApp({ instructorToken: TOKEN });
    const ada = await server.client('/debugging', { name: 'Ada' });
    const { admin } = await signedIn(server);
    admin.emit('_disconnect', '/debugging', true);
    admin.emit('leave', '/debugging', ada.id);
    await settle(300); // nothing is to happen: give it the time to
    assert.equal(ada.connected, true);
    assert.deepEqual(await ada.emitWithAck('increment'), { ok: true });
  });

  test('a signed-in browser comes back with its session id, without the password', async () => {
    server = await startApp({ instructorToken: TOKEN });
    const admin = server.open('/admin', signIn);
    const sessionId = await nextEvent<string>(admin, 'session', 3000);
    const again = await server.client('/admin', { sessionId });
    assert.equal(again.connected, true);
  });

  test("the admin UI sees a student's events, and never the student's class key", async () => {
    server = await startApp({ instructorToken: TOKEN });
    const instructor = await server.client('/instructor', { token: TOKEN });
    const { code } = await instructor.emitWithAck('class:create', { title: 'Class' });
    const key = 'student-key-00000001';
    await server.client(`/class/${code}`, { name: 'Ada', key });
    const { admin, sockets } = await signedIn(server);
    assert.ok(sockets.some((s) => s.nsp === `/class/${code}` && s.data.name === 'Ada'));
    const arrived = nextEvent<Described>(admin, 'socket_connected', 3000);
    const demo = await server.client(`/class/${code}/debugging`, { classKey: key });
    assert.equal((await arrived).data.name, 'Ada');
    const heard = nextMatching<string>(admin, 'event_received', (nsp) => nsp === `/class/${code}/debugging`, 3000);
    await demo.emitWithAck('increment');
    await heard;
    const everything = JSON.stringify([sockets, await arrived]);
    assert.ok(!everything.includes(key), 'the class key was sent to the admin UI');
  });

  test('the UI is served at /admin-ui/ from this server, loading nothing from elsewhere', async () => {
    server = await startApp({ instructorToken: TOKEN, staticDir: SITE });
    const page = await fetch(server.url + ADMIN_UI_PATH);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    const html = await page.text();
    assert.doesNotMatch(html, /https?:\/\//);
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    assert.ok(assets.some((a) => a.startsWith('js/')) && assets.includes('mdi/css/materialdesignicons.min.css'));
    for (const asset of assets) {
      const response = await fetch(new URL(asset, server.url + ADMIN_UI_PATH));
      assert.equal(response.status, 200, asset);
    }
    const icons = await (await fetch(`${server.url}${ADMIN_UI_PATH}mdi/css/materialdesignicons.min.css`)).text();
    const font = /url\("\.\.\/fonts\/([^"?]+\.woff2)/.exec(icons)?.[1];
    assert.equal((await fetch(`${server.url}${ADMIN_UI_PATH}mdi/fonts/${font}`)).status, 200);
    assert.equal(
      (await fetch(`${server.url}/admin-ui`, { redirect: 'manual' })).headers.get('location'),
      ADMIN_UI_PATH,
    );
    assert.equal((await fetch(`${server.url}${ADMIN_UI_PATH}../package.json`)).status, 404);
    assert.equal((await fetch(`${server.url}${ADMIN_UI_PATH}mdi/package.json`)).status, 404);
  });
});

describe('the admin UI, without an instructor token', () => {
  test('there is none: no /admin namespace and no /admin-ui/ page', async () => {
    const server = await startApp({ staticDir: SITE });
    try {
      await assert.rejects(server.client('/admin', signIn), { message: 'Invalid namespace' });
      assert.equal((await fetch(server.url + ADMIN_UI_PATH)).status, 404);
    } finally {
      await server.close();
    }
  });
});

describe('the admin UI on two servers sharing Redis', () => {
  let server: Running;
  afterEach(async () => {
    await server.close();
  });

  test("an admin signed in on one server sees the other server's sockets and their events", async () => {
    server = await startApp({ instructorToken: TOKEN }, { servers: SERVERS[1].count });
    const bo: Socket = await server.client('/debugging', { name: 'Bo' }, undefined, 1);
    const { admin, sockets } = await signedIn(server, 0);
    assert.ok(sockets.some((s) => s.nsp === '/debugging' && s.data.name === 'Bo'));
    const heard = nextMatching<string>(admin, 'event_received', (nsp) => nsp === '/debugging', 3000);
    await bo.emitWithAck('increment');
    await heard;
  });

  test('a session begun on one server is good on the other', async () => {
    server = await startApp({ instructorToken: TOKEN }, { servers: SERVERS[1].count });
    const admin = server.open('/admin', signIn, undefined, 0);
    const sessionId = await nextEvent<string>(admin, 'session', 3000);
    const elsewhere = await server.client('/admin', { sessionId }, undefined, 1);
    assert.equal(elsewhere.connected, true);
  });
});
