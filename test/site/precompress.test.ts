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
import { COMPRESS_LATER_ENV, COMPRESSED_MARK } from '../../src/shared/compressed-site.ts';

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
  let served = await get();
  while (served.encoding === null) served = await get();
  assert.deepEqual(served, { encoding: 'br', body: page });
});
