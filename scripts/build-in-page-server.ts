/**
 * Spike: bundles the real socket.io server (and the in-page engine) for the browser, plus the
 * client transport, into dist-in-page/, and prints their sizes. esbuild comes from
 * node_modules (Astro's); it must become a devDependency before this is more than a spike.
 *
 *   node scripts/build-in-page-server.ts
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const dir = here('../src/in-page-server/');
export const outDir = here('../dist-in-page/');
export const serverBundle = `${outDir}in-page-server.js`;
export const clientBundle = `${outDir}in-page-client.js`;

/** What the server imports but never calls without an HTTP server. */
const STUBBED = [
  'http',
  'https',
  'fs',
  'zlib',
  'stream',
  'path',
  'url',
  'crypto',
  'querystring',
  'util',
  'net',
  'tls',
  'os',
  'engine.io',
  'ws',
  'accepts',
  'cors',
];

const stubs: Plugin = {
  name: 'in-page-stubs',
  setup(b) {
    const names = STUBBED.map((n) => n.replace('.', '\\.')).join('|');
    b.onResolve({ filter: new RegExp(`^(node:)?(${names})$`) }, () => ({ path: `${dir}stubs/empty.ts` }));
    b.onResolve({ filter: /^(node:)?events$/ }, () => ({ path: `${dir}stubs/events.ts` }));
    b.onResolve({ filter: /contrib\/base64id(\.js)?$/ }, () => ({ path: `${dir}stubs/base64id.ts` }));
  },
};

const common = {
  bundle: true,
  minify: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
  logLevel: 'warning',
} as const;

export async function buildInPage() {
  await build({
    ...common,
    entryPoints: [`${dir}server-entry.ts`],
    outfile: serverBundle,
    globalName: 'InPageServer',
    plugins: [stubs],
    inject: [`${dir}stubs/globals.ts`],
  });
  await build({ ...common, entryPoints: [`${dir}client-entry.ts`], outfile: clientBundle, globalName: 'InPageClient' });
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = performance.now();
  await buildInPage();
  for (const file of [serverBundle, clientBundle]) {
    const code = readFileSync(file);
    console.log(`${file.slice(outDir.length)}: ${kb(code.length)} min, ${kb(gzipSync(code).length)} gzip`);
  }
  console.log(`built in ${Math.round(performance.now() - started)} ms`);
}
