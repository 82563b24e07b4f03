import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ScriptSize {
  /** Relative to `dist/`. */
  file: string;
  bytes: number;
  gzip: number;
}

/**
 * The built scripts that only a server Run loads: the in-page server (the
 * real socket.io, minified by esbuild) for its frame, and the page's
 * in-page transport chunk. Gzip as `page-weight.ts` counts it.
 */
export function scriptSizes(distDir = 'dist'): { script: ScriptSize; transport: ScriptSize } {
  const folder = join(distDir, '_astro');
  const names = readdirSync(folder);
  const size = (pattern: RegExp): ScriptSize => {
    const name = names.find((n) => pattern.test(n));
    if (!name) throw new Error(`no ${pattern} in ${folder}: is the site built?`);
    const bytes = readFileSync(join(folder, name));
    return { file: `_astro/${name}`, bytes: bytes.length, gzip: gzipSync(bytes).length };
  };
  return { script: size(/^in-page-server\.[\w-]+\.js$/), transport: size(/^transport\.[\w-]+\.js$/) };
}
