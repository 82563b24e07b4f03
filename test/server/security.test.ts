import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { io, type Socket } from 'socket.io-client';
import { MAX_MESSAGE_BYTES } from '../../src/server/app.ts';
import { THEME_SCRIPT_HASH } from '../../src/server/static-files.ts';
import { chatters, collect, connected, nextEvent, type Running, startApp, until } from '../harness.ts';

test('a page of another site cannot open a socket here; the same origin and listed origins can', async () => {
  const server = await startApp({ allowedOrigins: ['https://partner.example'] });
  try {
    const open = (origin: string, transports: ('polling' | 'websocket')[]) =>
      connected(
        io(`${server.url}/sockets-intro`, {
          extraHeaders: { origin },
          transports,
          forceNew: true,
          reconnection: false,
        }),
      );
    for (const transports of [['polling'], ['websocket']] as const) {
      await assert.rejects(open('https://evil.example', [...transports]), `evil over ${transports}`);
      await assert.rejects(open('not a url', [...transports]));
      await open(server.url, [...transports]);
      await open('https://partner.example', [...transports]);
    }
    await server.client('/sockets-intro'); // no Origin at all: not a browser
  } finally {
    await server.close();
  }
});

test('an oversized message closes that client only', async () => {
  const server = await startApp();
  try {
    const [ada, bo] = (await chatters(server, ['Ada', 'Bo'])) as [Socket, Socket];
    const dropped = nextEvent<string>(ada, 'disconnect');
    ada.emit('sendMessage', 'x'.repeat(MAX_MESSAGE_BYTES + 1));
    assert.match(await dropped, /transport (close|error)/);
    const heard = collect(bo, 'message', 200);
    assert.deepEqual(await heard, [], 'nothing of it reached Bo');
    assert.equal(bo.connected, true);
    assert.equal((await bo.emitWithAck('sendMessage', 'still here')).ok, true);
  } finally {
    await server.close();
  }
});

test('pages carry a Content-Security-Policy and the other security headers', async () => {
  const site = mkdtempSync(join(tmpdir(), 'workshop-site-'));
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>t</title>');
  const server = await startApp({ staticDir: site });
  try {
    for (const path of ['/', '/missing/']) {
      const response = await fetch(server.url + path);
      const csp = response.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'self'/, path);
      const scripts = csp.match(/script-src ([^;]*)/)?.[1];
      assert.equal(
        scripts,
        `'self' 'wasm-unsafe-eval' ${THEME_SCRIPT_HASH}`,
        `${path}: no inline script but the theme's (and WebAssembly for the search)`,
      );
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(response.headers.get('referrer-policy'), 'same-origin');
    }
  } finally {
    await server.close();
    rmSync(site, { recursive: true, force: true });
  }
});

test("an exercise's page is sandboxed by its own CSP, connects nowhere, and only this site may frame it", async () => {
  const site = mkdtempSync(join(tmpdir(), 'workshop-site-'));
  mkdirSync(join(site, 'sandbox', 'exercise'), { recursive: true });
  mkdirSync(join(site, '_astro'));
  writeFileSync(join(site, 'sandbox', 'exercise', 'index.html'), '<!doctype html><title>sandbox</title>');
  writeFileSync(join(site, '_astro', 'runtime.abc123.js'), 'export {};');
  const server = await startApp({ staticDir: site });
  try {
    const page = await fetch(`${server.url}/sandbox/exercise/`);
    assert.equal(page.status, 200);
    const csp = page.headers.get('content-security-policy') ?? '';
    assert.match(csp, /^sandbox allow-scripts;/, 'an opaque origin, whoever opens it');
    assert.match(csp, /connect-src 'none'/);
    assert.match(csp, /frame-ancestors 'self'/);
    assert.doesNotMatch(csp, /allow-same-origin/);
    assert.equal(page.headers.get('x-frame-options'), 'SAMEORIGIN');
    // Its module script comes from an opaque origin, so the site's scripts allow any origin to read them.
    const script = await fetch(`${server.url}/_astro/runtime.abc123.js`, { headers: { origin: 'null' } });
    assert.equal(script.headers.get('access-control-allow-origin'), '*');
    // The same page asked for by an encoded path is still the sandbox's.
    const encoded = await fetch(`${server.url}/%73andbox/exercise/`);
    assert.equal(encoded.status, 200);
    assert.match(encoded.headers.get('content-security-policy') ?? '', /^sandbox allow-scripts;/);
    // Every other page keeps the strict policy.
    assert.match((await fetch(`${server.url}/`)).headers.get('content-security-policy') ?? '', /^default-src 'self'/);
  } finally {
    await server.close();
    rmSync(site, { recursive: true, force: true });
  }
});

test('one address can hold only so many connections; closing one makes room', async () => {
  const server = await startApp({ maxConnectionsPerIp: 3 });
  try {
    const from = '127.0.5.5';
    const clients = [
      await server.client('/sockets-intro', {}, from),
      await server.client('/rooms', {}, from),
      await server.client('/chat', {}, from),
    ];
    await assert.rejects(
      server.client('/sockets-intro', {}, from),
      /too many connections|xhr poll error|websocket error/,
    );
    await server.client('/sockets-intro', {}, '127.0.5.6'); // another address has its own
    clients[0]!.disconnect();
    // The slot is free once the server hears of the close: try until it has.
    await until(() => server.app.io.engine.clientsCount === 3, 'the close heard');
    await server.client('/sockets-intro', {}, from);
  } finally {
    await server.close();
  }
});

test('behind a balancer (trustProxy) each forwarded address has its own cap; otherwise the header is ignored', async () => {
  const from = (server: Running, address: string) =>
    connected(
      io(`${server.url}/sockets-intro`, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        extraHeaders: { 'x-forwarded-for': `203.0.113.9, ${address}` },
      }),
    );
  const proxied = await startApp({ maxConnectionsPerIp: 1, trustProxy: true });
  try {
    await from(proxied, '198.51.100.1');
    await from(proxied, '198.51.100.2');
    await assert.rejects(from(proxied, '198.51.100.1'), /websocket error|too many/);
  } finally {
    await proxied.close();
  }
  const direct = await startApp({ maxConnectionsPerIp: 1 });
  try {
    await from(direct, '198.51.100.1');
    await assert.rejects(from(direct, '198.51.100.2'), /websocket error|too many/); // a made-up header buys nothing
  } finally {
    await direct.close();
  }
});

test('the installed Socket.IO packages are at least the versions with the known advisories fixed', () => {
  // `npm audit` needs the registry's audit endpoint; this floor holds offline too.
  const floors: Record<string, string> = { 'socket.io-parser': '4.2.6', 'engine.io': '6.6.2', ws: '8.17.1' };
  const newer = (a: string, b: string) => {
    const [x, y] = [a, b].map((v) => v.split('.').map(Number));
    for (let i = 0; i < 3; i++) if (x![i] !== y![i]) return x![i]! > y![i]!;
    return true;
  };
  for (const [name, floor] of Object.entries(floors)) {
    const { version } = JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string };
    assert.ok(newer(version, floor), `${name} ${version} is older than ${floor}`);
  }
});

/** A GET with the Host header a browser would send for `host` (a rebound name, say). */
function getWithHost(url: string, path: string, host: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = httpGet(`${url}${path}`, { headers: { host } }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
  });
}

test('DNS rebinding: pages and sockets answer only to the names this server is known by', async () => {
  const site = mkdtempSync(join(tmpdir(), 'workshop-site-'));
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>t</title>');
  const server = await startApp({
    staticDir: site,
    allowedHosts: ['workshop.example.org', 'https://other.example.org'],
  });
  const port = new URL(server.url).port;
  try {
    const polling = '/socket.io/?EIO=4&transport=polling';
    for (const path of ['/', polling]) {
      const rebound = await getWithHost(server.url, path, `evil.example:${port}`);
      assert.ok(rebound.status >= 400 && rebound.status < 500, `${path}: ${rebound.status}`);
    }
    const page = await getWithHost(server.url, '/', 'evil.example');
    assert.equal(page.status, 421);
    assert.match(page.body, /does not answer to the name "evil.example".*ALLOWED_HOSTS/);
    for (const host of [
      `127.0.0.1:${port}`,
      `localhost:${port}`,
      `[::1]:${port}`,
      `${hostname()}:${port}`,
      'workshop.example.org',
      'WORKSHOP.example.org.',
      'other.example.org',
      '203.0.113.5:8080',
      '[2001:db8::1]',
    ]) {
      assert.equal((await getWithHost(server.url, '/', host)).status, 200, host);
      assert.equal((await getWithHost(server.url, polling, host)).status, 200, `${host}, socket`);
    }
  } finally {
    await server.close();
    rmSync(site, { recursive: true, force: true });
  }
});
