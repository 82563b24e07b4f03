import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { afterEach, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Socket } from 'socket.io-client';
import { ADMIN_UI_PATH } from '../../src/server/admin-ui/files.ts';
import { ADMIN_USERNAME, SIGN_IN } from '../../src/server/admin-ui/instrument.ts';
import { nextEvent, nextMatching, type Running, SERVERS, settle, startApp } from '../harness.ts';

const run = promisify(execFile);
const TOKEN = 'test-token-for-the-instructor';
const signIn = { username: ADMIN_USERNAME, password: TOKEN };
// Pages are served only with a site folder; one that does not exist is enough here.
const SITE = '/nonexistent-site-for-admin-ui-tests';

/** What the admin UI hears every 2 s from each server: counts, not sockets. */
interface ServerStats {
  serverId: string;
  namespaces: { name: string; socketsCount: number }[];
  aggregatedEvents: { type: string; count: number }[];
}

/** An admin UI's socket, signed in, with what the server sends it on arrival. */
async function signedIn(server: Running, on = 0) {
  const admin = server.open('/admin', signIn, undefined, on);
  const [config, stats] = await Promise.all([
    nextEvent<{ supportedFeatures: string[] }>(admin, 'config', 3000),
    nextEvent<ServerStats>(admin, 'server_stats', 5000),
  ]);
  return { admin, config, stats };
}

/** The next stats from a server that count `count` sockets on `namespace`. */
const statsWith = (admin: Socket, namespace: string, count = 1) =>
  nextMatching<ServerStats>(
    admin,
    'server_stats',
    (stats) => stats.namespaces.some((n) => n.name === namespace && n.socketsCount === count),
    5000,
  );

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

  test('the instructor signs in with the token, read-only, and sees how many sockets each lesson has', async () => {
    server = await startApp({ instructorToken: TOKEN });
    await server.client('/debugging', { name: 'Ada' });
    const { admin, config } = await signedIn(server);
    // Counts only (production mode): no socket's details, no event's arguments.
    assert.deepEqual(config.supportedFeatures, ['AGGREGATED_EVENTS']);
    await statsWith(admin, '/debugging');
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

  test("the admin UI counts a student's sockets and events, and never learns the student's name or class key", async () => {
    server = await startApp({ instructorToken: TOKEN });
    const instructor = await server.client('/instructor', { token: TOKEN });
    const { code } = await instructor.emitWithAck('class:create', { title: 'Class' });
    const key = 'student-key-00000001';
    await server.client(`/class/${code}`, { name: 'Adaline', key });
    const { admin } = await signedIn(server);
    const heard: unknown[] = [];
    admin.onAny((...args) => heard.push(args));
    const demo = await server.client(`/class/${code}/debugging`, { classKey: key });
    await statsWith(admin, `/class/${code}/debugging`);
    await demo.emitWithAck('increment');
    const counted = await nextMatching<ServerStats>(
      admin,
      'server_stats',
      (stats) => stats.aggregatedEvents.some((e) => e.type === 'packetsIn' && e.count > 0),
      5000,
    );
    assert.ok(counted);
    const everything = JSON.stringify(heard);
    assert.ok(!everything.includes(key), 'the class key was sent to the admin UI');
    assert.ok(!everything.includes('Adaline'), "a student's name was sent to the admin UI");
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

describe('the admin UI, under attack', () => {
  test('a deeply nested event on any namespace does not end the server (the admin UI copies no arguments)', async () => {
    const { stdout } = await run(
      process.execPath,
      [fileURLToPath(new URL('./admin-ui-deep.fixture.ts', import.meta.url))],
      {
        timeout: 15_000,
      },
    );
    assert.match(stdout, /still running/);
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

  test("an admin signed in on one server gets the other server's counts too", async () => {
    server = await startApp({ instructorToken: TOKEN }, { servers: SERVERS[1].count });
    await server.client('/debugging', { name: 'Bo' }, undefined, 1);
    const { admin } = await signedIn(server, 0);
    // Each server sends its own stats, under its own id; Bo's, from the other server, count him.
    const servers = new Set<string>();
    await nextMatching<ServerStats>(
      admin,
      'server_stats',
      (stats) => {
        servers.add(stats.serverId);
        return servers.size === 2 && stats.namespaces.some((n) => n.name === '/debugging' && n.socketsCount === 1);
      },
      8000,
    );
  });

  test('a session begun on one server is good on the other', async () => {
    server = await startApp({ instructorToken: TOKEN }, { servers: SERVERS[1].count });
    const admin = server.open('/admin', signIn, undefined, 0);
    const sessionId = await nextEvent<string>(admin, 'session', 3000);
    const elsewhere = await server.client('/admin', { sessionId }, undefined, 1);
    assert.equal(elsewhere.connected, true);
  });
});
