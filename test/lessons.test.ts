import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { extractRegion } from '../src/components/code/regions.ts';
import { lessonModules } from '../src/lessons/index.ts';
import { connected, type Running, startApp } from './harness.ts';

/** What a lesson folder holds: its text, contract, server, demo, tests (exercises are checked from the frontmatter). */
export const LESSON_PARTS = [
  'lesson.mdx',
  'contract.ts',
  'server.ts',
  'Demo.astro',
  'client.ts',
  'server.test.ts',
  'demo.spec.ts',
];

const LESSONS = 'src/lessons';
const folders = readdirSync(LESSONS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** Every `.ts`/`.astro`/`.mdx` file under `dir`, from the project root. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|astro|mdx)$/.test(entry.name))
    .map((entry) => relative('.', join(entry.parentPath, entry.name)));
}

/** The files `file` imports (relative specifiers only), from the project root. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
  return specifiers.map((specifier) => relative('.', resolve(dirname(file), specifier)));
}

describe('a lesson is one folder', () => {
  test('there are lessons, each a folder in src/lessons/', () => {
    assert.ok(folders.length >= 8, `only ${folders.length} lesson folders`);
  });

  for (const slug of folders) {
    test(`${slug} holds every part of a lesson, and the files its exercises name`, () => {
      const missing = LESSON_PARTS.filter((part) => !existsSync(join(LESSONS, slug, part)));
      const text = readFileSync(join(LESSONS, slug, 'lesson.mdx'), 'utf8');
      // A server exercise's solution, `{ region: name }`, is a region of server.ts, not a file.
      for (const [, file] of text.matchAll(/^\s+(?:starter|solution):\s*([^\s{]\S*)/gm)) {
        if (!existsSync(join(LESSONS, slug, file!))) missing.push(file!);
      }
      assert.ok(/^\s+starter:/m.test(text), `${slug} has no exercise`);
      assert.deepEqual(missing, [], `src/lessons/${slug}/ lacks ${missing.join(', ')}`);
    });
  }

  test('the server list holds every lesson folder once, and nothing else', () => {
    const listed = lessonModules.map((lesson) => lesson.contract.slug).sort();
    assert.deepEqual(listed, [...folders].sort(), 'src/lessons/index.ts and the folders disagree');
  });

  test('each lesson has its own place in the order, and assumes only lessons that come before it', () => {
    const front = (slug: string) => readFileSync(join(LESSONS, slug, 'lesson.mdx'), 'utf8');
    const order = new Map(folders.map((slug) => [slug, Number(/^order: (\d+)$/m.exec(front(slug))?.[1])]));
    assert.equal(new Set(order.values()).size, folders.length, `two lessons share an order: ${[...order]}`);
    for (const slug of folders) {
      const assumes =
        /^assumes: \[(.*)\]$/m
          .exec(front(slug))?.[1]
          ?.split(',')
          .map((s) => s.trim()) ?? [];
      for (const before of assumes.filter(Boolean))
        assert.ok(order.get(before)! < order.get(slug)!, `${slug} assumes ${before}, which is not an earlier lesson`);
    }
  });

  test('each lesson’s server module is the one in its own folder', () => {
    const index = readFileSync(join(LESSONS, 'index.ts'), 'utf8');
    for (const slug of folders) assert.match(index, new RegExp(`from '\\./${slug}/server\\.ts'`), slug);
  });
});

describe('the layers', () => {
  const kit = [
    'src/shared',
    'src/components',
    'src/in-page-server',
    'src/server',
    'src/layouts',
    'src/integrations',
  ].flatMap(sources);
  /** The app on top, which may know the lessons: the server app and the pages. */
  const top = new Set(['src/server/app.ts']);

  test('nothing below the lessons imports from a lesson', () => {
    const upward = kit
      .filter((file) => !top.has(file))
      .flatMap((file) =>
        importsOf(file)
          .filter((to) => to.startsWith(`${LESSONS}/`))
          .map((to) => `${file} → ${to}`),
      );
    assert.deepEqual(upward, []);
  });

  test('a lesson imports from the kit and its own folder, never from another lesson or the app', () => {
    const wrong = folders.flatMap((slug) =>
      sources(join(LESSONS, slug)).flatMap((file) =>
        importsOf(file)
          .filter(
            (to) =>
              (to.startsWith(`${LESSONS}/`) && !to.startsWith(`${LESSONS}/${slug}/`)) ||
              to === 'src/server/app.ts' ||
              to.startsWith('src/server/class-mode/') ||
              to.startsWith('src/pages/'),
          )
          .map((to) => `${file} → ${to}`),
      ),
    );
    assert.deepEqual(wrong, []);
  });
});

/** What a shown line must not hold: the workshop's own types, casts, Socket.IO's private parts. */
const NOT_PLAIN = [
  /\b(?:LessonServices|LessonChild|LessonNamespace|LessonModule|AnyNamespace|AnySocket|WithAcks)\b/,
  /\bas (?:unknown|any)\b/,
  /\._nsps\b/,
  // On a Server, `io.sockets` is the main namespace and `io.adapter` a setter: a TypeError when copied.
  /\bio\.sockets\.(?:get|has|values|keys|size|forEach)\b/,
  /\bio\.adapter\./,
];
/** A client may send no callback: an `ack(...)` unguarded (no `ack?.(`, no `typeof ack`) throws in Socket.IO's dispatch. */
const UNGUARDED_ACK = /(?:^|[^\w.?'])ack\((?!\))/;

test("no file reaches into Socket.IO's private namespace list (_nsps): the app keeps its own", () => {
  const users = ['src', 'test', 'scripts', 'bench', 'e2e']
    .flatMap(sources)
    .filter((file) => file !== 'test/lessons.test.ts' && /\._nsps\b/.test(readFileSync(file, 'utf8')));
  assert.deepEqual(users, []);
});

describe('the code shown on the pages is plain Socket.IO', () => {
  for (const slug of folders) {
    test(`${slug} shows no workshop type, cast or private Socket.IO API`, () => {
      const text = readFileSync(join(LESSONS, slug, 'lesson.mdx'), 'utf8');
      const shown = [...text.matchAll(/<SourceRegion file="([^"]+)" region="([^"]+)"/g)];
      const found = shown.flatMap(([, file, region]) =>
        extractRegion(readFileSync(file!, 'utf8'), region!, file)
          .split('\n')
          .filter((line, _, lines) => {
            const guarded = lines.some((other) => other.includes('typeof ack'));
            return NOT_PLAIN.some((pattern) => pattern.test(line)) || (!guarded && UNGUARDED_ACK.test(line));
          })
          .map((line) => `${file}#${region}: ${line.trim()}`),
      );
      assert.deepEqual(found, []);
    });
  }
});

describe('every lesson folder is served', () => {
  let server: Running;
  before(async () => {
    server = await startApp();
  });
  after(() => server.close());

  for (const slug of folders) {
    test(`a client reaches /${slug}`, async () => {
      const socket = server.open(`/${slug}`);
      await connected(socket);
      socket.disconnect();
    });
  }
});
