import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { bundleInPage } from '../src/integrations/in-page-server.ts';
import { expect, test } from './demo.ts';

/**
 * Spike: the real socket.io server (4.8, bundled for the browser) runs inside the page, and
 * real socket.io-client sockets talk to it over MessagePorts. No network: the page is set
 * from a string and gets its scripts as strings (bundled as the site's in-page server is).
 */
const socketIoClient = fileURLToPath(
  new URL('../node_modules/socket.io-client/dist/socket.io.min.js', import.meta.url),
);

declare global {
  interface Window {
    // biome-ignore lint/suspicious/noExplicitAny: the page's globals, from the bundles
    [name: string]: any;
  }
}

let serverBundle: string;
let clientBundle: string;
test.beforeAll(async () => {
  [serverBundle, clientBundle] = await Promise.all([
    bundleInPage('server-entry.ts', 'InPageServer'),
    bundleInPage('client-entry.ts', 'InPageClient'),
  ]);
});

/** Loads the bundles, starts a Server with connection state recovery, connects three clients. */
async function startInPage(page: Page) {
  await page.setContent('<!doctype html><html lang="en"><title>in-page server</title><body></body></html>');
  const loadStarted = Date.now();
  await page.addScriptTag({ content: serverBundle });
  await page.addScriptTag({ content: clientBundle });
  await page.addScriptTag({ path: socketIoClient });
  const loadMs = Date.now() - loadStarted;
  const runMs = await page.evaluate(async () => {
    const started = performance.now();
    const { Server, InPageEngine } = window.InPageServer;
    const engine = new InPageEngine();
    const server = new Server({ serveClient: false, connectionStateRecovery: {} });
    server.bind(engine);
    // The lesson code a learner would write, as on Node.
    // biome-ignore lint/suspicious/noExplicitAny: a page script
    server.on('connection', (socket: any) => {
      socket.on('shout', (text: string) => socket.broadcast.emit('shout', text));
      socket.on('join', (room: string, ack: () => void) => {
        socket.join(room);
        ack();
      });
      socket.on('tell room', (room: string, text: string) => server.to(room).emit('room news', text));
      socket.on('double', (n: number, ack: (n: number) => void) => ack(n * 2));
    });
    const InPage = window.InPageClient.inPageTransport(() => {
      const { port1, port2 } = new MessageChannel();
      engine.accept(port2);
      return port1;
    });
    const clients = [1, 2, 3].map(() => window.io('http://in-page.invalid', { transports: [InPage], forceNew: true }));
    await Promise.all(
      // biome-ignore lint/suspicious/noExplicitAny: a page script
      clients.map((c: any) => new Promise((resolve) => c.once('connect', resolve))),
    );
    Object.assign(window, { server, engine, clients });
    return performance.now() - started;
  });
  test.info().annotations.push({
    type: 'timing',
    description: `scripts loaded in ${loadMs} ms; Run to three clients connected in ${runMs.toFixed(1)} ms`,
  });
  console.log(`in-page: scripts ${loadMs} ms, Run to connected ${runMs.toFixed(1)} ms`);
}

/** Each client's events of `name`, collected in the page. */
const collect = (page: Page, name: string) =>
  page.evaluate((name) => {
    window.heard ??= {};
    window.heard[name] = [[], [], []];
    // biome-ignore lint/suspicious/noExplicitAny: a page script
    window.clients.forEach((c: any, i: number) => {
      c.on(name, (v: unknown) => window.heard[name][i].push(v));
    });
  }, name);
const heard = (page: Page, name: string) => page.evaluate((name) => window.heard[name], name);

test.beforeEach(async ({ page }) => {
  await startInPage(page);
});

test('three socket.io-client sockets connect to the server running in the page, each with its own id', async ({
  page,
}) => {
  const ids = await page.evaluate(() => ({
    // biome-ignore lint/suspicious/noExplicitAny: a page script
    client: window.clients.map((c: any) => c.id),
    server: window.server.of('/').sockets.size,
  }));
  expect(new Set(ids.client).size).toBe(3);
  expect(ids.server).toBe(3);
});

test('io.emit reaches every client', async ({ page }) => {
  await collect(page, 'news');
  await page.evaluate(() => window.server.emit('news', 'hello all'));
  await expect.poll(() => heard(page, 'news')).toEqual([['hello all'], ['hello all'], ['hello all']]);
});

test('socket.broadcast.emit reaches the others but not the sender', async ({ page }) => {
  await collect(page, 'shout');
  await page.evaluate(() => window.clients[0].emit('shout', 'hi'));
  await expect.poll(() => heard(page, 'shout')).toEqual([[], ['hi'], ['hi']]);
});

test('after join, io.to(room).emit reaches only the sockets in the room', async ({ page }) => {
  await collect(page, 'room news');
  await page.evaluate(async () => {
    await window.clients[1].emitWithAck('join', 'blue');
    await window.clients[2].emitWithAck('join', 'blue');
    window.clients[0].emit('tell room', 'blue', 'blue only');
  });
  await expect.poll(() => heard(page, 'room news')).toEqual([[], ['blue only'], ['blue only']]);
});

test('emitWithAck gets the server’s answer back', async ({ page }) => {
  expect(await page.evaluate(() => window.clients[0].emitWithAck('double', 21))).toBe(42);
});

test('after its connection drops, a client reconnects with its session recovered: same id, rooms kept, missed events delivered', async ({
  page,
}) => {
  await collect(page, 'news');
  const before = await page.evaluate(async () => {
    await window.clients[0].emitWithAck('join', 'kept');
    // Recovery starts from the offset of the last event a client got: it needs one first.
    window.server.emit('news', 'before');
    return window.clients[0].id;
  });
  await expect.poll(() => heard(page, 'news').then((h) => h[0])).toEqual(['before']);
  const after = await page.evaluate(async () => {
    const c = window.clients[0];
    const reconnected = new Promise((resolve) => c.io.once('reconnect', resolve));
    c.io.engine.close(); // the transport drops, as when a network goes away
    window.server.emit('news', 'while away');
    await reconnected;
    await new Promise((resolve) => (c.connected ? resolve(null) : c.once('connect', resolve)));
    return { id: c.id, recovered: c.recovered, inRoom: window.server.of('/').adapter.rooms.get('kept')?.has(c.id) };
  });
  expect(after).toEqual({ id: before, recovered: true, inRoom: true });
  await expect.poll(() => heard(page, 'news').then((h) => h[0])).toEqual(['before', 'while away']);
});

test('the server pings and the client answers, so a connection outlives pingInterval + pingTimeout', async ({
  page,
}) => {
  // A fresh server with short heartbeats: a missing ping or pong would close within 300 ms.
  const connected = await page.evaluate(async () => {
    const { Server, InPageEngine } = window.InPageServer;
    const engine = new InPageEngine({ pingInterval: 100, pingTimeout: 200 });
    const server = new Server({ serveClient: false });
    server.bind(engine);
    const InPage = window.InPageClient.inPageTransport(() => {
      const { port1, port2 } = new MessageChannel();
      engine.accept(port2);
      return port1;
    });
    const c = window.io('http://in-page.invalid', { transports: [InPage], forceNew: true, reconnection: false });
    await new Promise((resolve) => c.once('connect', resolve));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return c.connected && server.of('/').sockets.size === 1;
  });
  expect(connected).toBe(true);
});
