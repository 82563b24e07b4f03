import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { compressSite, precompress } from '../../src/integrations/precompress.ts';
import { staticSite } from '../../src/server/static-files.ts';
import { COMPRESS_LATER_ENV, COMPRESSED_MARK, compressedCopiesReady } from '../../src/shared/compressed-site.ts';

type BuildDone = (options: object) => Promise<void>;
const buildDone = precompress().hooks['astro:build:done'] as unknown as BuildDone;

function siteFolder(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'workshop-precompress-'));
  mkdirSync(join(dir, '_astro'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

test('after the build, every text file of the site gets a Brotli and a gzip copy that unpack to it, big ones too', async () => {
  const files = {
    'index.html': '<!doctype html><p>Hello</p>'.repeat(50),
    '_astro/page.js': 'console.log("a page");\n'.repeat(500),
    // Over 1 MB: compressed at a lower Brotli quality, still whole.
    '_astro/big.js': Array.from({ length: 60_000 }, (_, i) => `var v${i} = ${i * 7};`).join('\n'),
  };
  const dir = siteFolder(files);
  try {
    writeFileSync(join(dir, 'photo.png'), Buffer.from([137, 80, 78, 71]));
    const said: string[] = [];
    await buildDone({ dir: pathToFileURL(`${dir}/`), logger: { info: (line: string) => said.push(line) } });

    for (const [name, text] of Object.entries(files)) {
      const path = join(dir, name);
      assert.equal(brotliDecompressSync(readFileSync(`${path}.br`)).toString(), text, `${name}.br`);
      assert.equal(gunzipSync(readFileSync(`${path}.gz`)).toString(), text, `${name}.gz`);
      assert.ok(readFileSync(`${path}.br`).length < text.length / 4, `${name}.br is small`);
    }
    assert.ok(!readdirSync(dir).includes('photo.png.br'), 'an image is left as it is');
    assert.ok(existsSync(join(dir, COMPRESSED_MARK)), 'the mark says the copies are all there');
    assert.match(said.join('\n'), /^3 files compressed \(br, gz\) in \d+\.\d s$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("npm start's build leaves the copies out, for after the server listens", async () => {
  const dir = siteFolder({ 'index.html': '<p>Hello</p>' });
  process.env[COMPRESS_LATER_ENV] = '1';
  try {
    const said: string[] = [];
    await buildDone({ dir: pathToFileURL(`${dir}/`), logger: { info: (line: string) => said.push(line) } });
    assert.deepEqual(readdirSync(dir).sort(), ['_astro', 'index.html']);
    assert.match(said.join('\n'), /left to compress once the server listens/);
  } finally {
    delete process.env[COMPRESS_LATER_ENV];
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the server sends the site uncompressed until every copy is written, then the Brotli copies', async (t) => {
  const page = '<!doctype html><p>Hello, class</p>'.repeat(100);
  // A copy cut short by a stopped compression, and no mark: not to be sent.
  const dir = siteFolder({ 'index.html': page, 'index.html.br': 'cut short' });
  const server = createServer(staticSite(dir));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const get = async () => {
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/`, { headers: { 'Accept-Encoding': 'br' } });
    return { encoding: response.headers.get('content-encoding'), body: await response.text() };
  };

  assert.deepEqual(await get(), { encoding: null, body: page });

  await compressSite(dir);
  const deadline = performance.now() + 5000; // it looks for the mark every 250 ms
  let served = await get();
  while (served.encoding === null && performance.now() < deadline) served = await get();
  assert.deepEqual(served, { encoding: 'br', body: page });
});

test('two compressions of one build at once (two npm starts) leave whole copies and the mark', async () => {
  const page = '<!doctype html><p>Two servers</p>'.repeat(200);
  const dir = siteFolder({ 'index.html': page, '_astro/page.js': 'console.log(1);\n'.repeat(300) });
  try {
    await Promise.all([compressSite(dir), compressSite(dir)]);
    assert.equal(brotliDecompressSync(readFileSync(join(dir, 'index.html.br'))).toString(), page);
    assert.ok(compressedCopiesReady(dir));
    assert.deepEqual(
      readdirSync(join(dir, '..')).filter((name) => name.startsWith('.compressing-')),
      [],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a compression stops when the site is built again under it: no copy or mark of the old build in the new one', async () => {
  const dir = siteFolder({ 'index.html': '<p>Old build</p>'.repeat(200) });
  try {
    const compressing = compressSite(dir);
    // The next build: a new home page (Astro empties dist/ and writes it anew).
    rmSync(join(dir, 'index.html'));
    writeFileSync(join(dir, 'index.html'), '<p>New build</p>');
    await assert.rejects(compressing, /was built again while it was compressed/);
    assert.deepEqual(readdirSync(dir).sort(), ['_astro', 'index.html']);
    assert.ok(!compressedCopiesReady(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a mark left by another build does not count', async () => {
  const dir = siteFolder({ 'index.html': '<p>Hello</p>' });
  try {
    await compressSite(dir);
    assert.ok(compressedCopiesReady(dir));
    rmSync(join(dir, 'index.html'));
    writeFileSync(join(dir, 'index.html'), '<p>Built again</p>');
    assert.ok(!compressedCopiesReady(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a file removed under a running server (the site built again) fails its request, not the process, and is then not found', async (t) => {
  const dir = siteFolder({ 'index.html': '<p>Hello</p>', '_astro/page.js': 'console.log(1);' });
  const server = createServer(staticSite(dir));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const { port } = server.address() as AddressInfo;
  const get = (path: string) => fetch(`http://127.0.0.1:${port}${path}`).then((response) => response.status);

  rmSync(join(dir, '_astro/page.js'));
  await assert.rejects(get('/_astro/page.js'));
  const deadline = performance.now() + 5000; // listed again at the next look, within 250 ms
  let status = await get('/_astro/page.js').catch(() => 0);
  while (status !== 404 && performance.now() < deadline) status = await get('/_astro/page.js').catch(() => 0);
  assert.equal(status, 404);
  assert.equal(await get('/'), 200);
});
