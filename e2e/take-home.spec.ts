import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { io, type Socket } from 'socket.io-client';
import { parse } from 'yaml';
import { freePort } from '../scripts/redis-server.ts';
import { expect, lessonSlugs, test } from './demo.ts';

/**
 * "Take it home": every lesson's zip, made in the page, is a project that
 * installs from the registry, starts with `npm start` on the PORT it is
 * given, serves a plain HTML client, and does what the lesson's server does
 * (driven as its frontmatter's `takeHome` says).
 */
const run = promisify(execFile);

/** How a lesson's project is driven (see `takeHome` in src/content.config.ts). */
interface Drive {
  namespace?: string;
  emit: [string, ...unknown[]];
  hears: string;
}

function driveOf(slug: string): Drive {
  const text = readFileSync(`src/lessons/${slug}/lesson.mdx`, 'utf8');
  const front = parse(text.split(/^---$/m)[1]!) as { takeHome?: Drive };
  if (!front.takeHome) throw new Error(`src/lessons/${slug}/lesson.mdx says no takeHome: how its project is driven`);
  return front.takeHome;
}

/** Starts the project with `npm start` and waits for the line it prints once it listens. */
async function start(folder: string, port: number): Promise<ChildProcess> {
  const child = spawn('npm', ['start'], { cwd: folder, env: { ...process.env, PORT: String(port) }, detached: true });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start said, in 20 s:\n${output}`)), 20_000);
    const read = (chunk: Buffer) => {
      output += chunk;
      if (output.includes(`http://localhost:${port}`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`npm start ended (${code}):\n${output}`)));
  });
  return child;
}

/** Takes the lesson home from its page, and unpacks the zip into a new folder: the project's folder. */
async function takeItHome(page: Page, slug: string): Promise<string> {
  await page.goto(`/lessons/${slug}/`);
  const [download] = await Promise.all([
    // The zip is made in the page in well under a second: a lost click should fail fast, not at the test's 2 minutes.
    page.waitForEvent('download', { timeout: 15_000 }),
    page.getByRole('button', { name: 'Take it home' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`socket-workshop-${slug}.zip`);
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded' })).toContainText(`socket-workshop-${slug}.zip`);
  const root = mkdtempSync(join(tmpdir(), `take-home-${slug}-`));
  for (const [path, bytes] of Object.entries(unzipSync(new Uint8Array(readFileSync(await download.path()))))) {
    if (path.endsWith('/')) continue;
    mkdirSync(join(root, dirname(path)), { recursive: true });
    writeFileSync(join(root, path), bytes);
  }
  return join(root, `socket-workshop-${slug}`);
}

/**
 * Installed dependencies, by what a project's package.json asks: every lesson's
 * project asks the same (express and socket.io, at the workshop's versions), so a
 * worker installs them from the registry once, and each project gets that
 * `node_modules` (a link) instead of installing the same again: 15 installs
 * were a third of this file's time.
 */
const installed = new Map<string, string>();
test.afterAll(() => {
  for (const folder of installed.values()) rmSync(folder, { recursive: true, force: true });
});

/** `npm install` of the project's dependencies (from the registry, once each: see `installed`). */
async function install(folder: string) {
  const { dependencies } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  const key = JSON.stringify(dependencies);
  let cache = installed.get(key);
  if (!cache) {
    cache = mkdtempSync(join(tmpdir(), 'take-home-dependencies-'));
    writeFileSync(join(cache, 'package.json'), JSON.stringify({ private: true, dependencies }));
    await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: cache, timeout: 90_000 });
    installed.set(key, cache);
  }
  symlinkSync(join(cache, 'node_modules'), join(folder, 'node_modules'), 'dir');
}

/** The project's dependencies installed and `npm start` on a free port; `stop` ends it and removes the folder. */
async function installAndStart(folder: string) {
  await install(folder);
  const port = await freePort();
  const child = await start(folder, port);
  return {
    port,
    stop() {
      if (child.pid) process.kill(-child.pid); // npm and the node under it
      rmSync(dirname(folder), { recursive: true, force: true });
    },
  };
}

const connected = (socket: Socket) =>
  new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });

for (const slug of lessonSlugs())
  test(`${slug}: the "Take it home" zip installs, starts on its PORT, and does what the lesson's server does`, async ({
    page,
  }) => {
    test.setTimeout(120_000); // an npm install from the registry
    const drive = driveOf(slug);
    const folder = await takeItHome(page, slug);
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
    expect(manifest.scripts.start).toBe('node server.js');
    expect(readFileSync(join(folder, 'README.md'), 'utf8').trim().split('\n').length).toBeLessThanOrEqual(5);
    expect(readFileSync(join(folder, 'public/index.html'), 'utf8')).toContain('src="/socket.io/socket.io.js"');

    const project = await installAndStart(folder);
    const sockets: Socket[] = [];
    try {
      // Two clients: the first sends as the frontmatter says, either may hear the answer.
      const url = `http://localhost:${project.port}${drive.namespace ?? ''}`;
      const [ada, bo] = ['Ada', 'Bo'].map((name) => io(url, { auth: { name }, forceNew: true }));
      sockets.push(ada!, bo!);
      await Promise.all([connected(ada!), connected(bo!)]);
      const [event, ...args] = drive.emit;
      const answered = new Promise<unknown>((resolve) => ada!.emit(event, ...args, resolve));
      const heard =
        drive.hears === 'ack'
          ? answered
          : new Promise((resolve) => {
              ada!.once(drive.hears, resolve);
              bo!.once(drive.hears, resolve);
            });
      const answer = await heard;
      if (drive.hears === 'ack') expect(answer).toMatchObject({ ok: true });

      // The plain HTML client, in the browser: it loads the server's own client and connects.
      await page.goto(`http://localhost:${project.port}/`);
      await expect(page.getByText(/connected(?!: false)/).first()).toBeVisible();
    } finally {
      for (const socket of sockets) socket.disconnect();
      project.stop();
    }
  });

test('the take-home client of a lesson sends with a button and shows what the server answers', async ({ page }) => {
  test.setTimeout(120_000);
  const project = await installAndStart(await takeItHome(page, 'sockets-intro'));
  try {
    await page.goto(`http://localhost:${project.port}/`);
    const log = page.getByRole('log', { name: 'Log' });
    await expect(log).toContainText('welcome');
    await page.getByRole('button', { name: 'increment' }).click();
    await expect(log).toContainText('number:change 1');
  } finally {
    project.stop();
  }
});
