import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { precompress } from '../../src/integrations/precompress.ts';

test('after the build, every text file of the site gets a Brotli and a gzip copy that unpack to it, big ones too', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'workshop-precompress-'));
  try {
    mkdirSync(join(dir, '_astro'));
    const files = {
      'index.html': '<!doctype html><p>Hello</p>'.repeat(50),
      '_astro/page.js': 'console.log("a page");\n'.repeat(500),
      // Over 1 MB: compressed at a lower Brotli quality, still whole.
      '_astro/big.js': Array.from({ length: 60_000 }, (_, i) => `var v${i} = ${i * 7};`).join('\n'),
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    writeFileSync(join(dir, 'photo.png'), Buffer.from([137, 80, 78, 71]));

    const said: string[] = [];
    const hook = precompress().hooks['astro:build:done'] as unknown as (options: object) => Promise<void>;
    await hook({ dir: pathToFileURL(`${dir}/`), logger: { info: (line: string) => said.push(line) } });

    for (const [name, text] of Object.entries(files)) {
      const path = join(dir, name);
      assert.equal(brotliDecompressSync(readFileSync(`${path}.br`)).toString(), text, `${name}.br`);
      assert.equal(gunzipSync(readFileSync(`${path}.gz`)).toString(), text, `${name}.gz`);
      assert.ok(readFileSync(`${path}.br`).length < text.length / 4, `${name}.br is small`);
    }
    assert.ok(!readdirSync(dir).includes('photo.png.br'), 'an image is left as it is');
    assert.match(said.join('\n'), /^3 files compressed \(br, gz\) in \d+\.\d s$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
