import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { build, type Plugin } from 'esbuild';

const kit = fileURLToPath(new URL('../in-page-server/', import.meta.url));

/** Node built-ins and packages that a `Server` without an HTTP server imports but never calls. */
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

/** Swaps, at build time, what the real socket.io needs from Node for the browser's own (see `verified.md`). */
const stubs: Plugin = {
  name: 'in-page-stubs',
  setup(b) {
    const names = STUBBED.map((name) => name.replace('.', '\\.')).join('|');
    b.onResolve({ filter: new RegExp(`^(node:)?(${names})$`) }, () => ({ path: `${kit}stubs/empty.ts` }));
    b.onResolve({ filter: /^(node:)?events$/ }, () => ({ path: `${kit}stubs/events.ts` }));
    b.onResolve({ filter: /contrib\/base64id(\.js)?$/ }, () => ({ path: `${kit}stubs/base64id.ts` }));
  },
};

/**
 * Bundles `entry` (a file of `src/in-page-server/`, or an absolute path) with
 * the real `socket.io` server for the browser: one classic script (an IIFE, so
 * an opaque-origin frame loads it without CORS), minified. `plugins` run before
 * the stubs (the fidelity tests swap `node:test` and `node:assert` with them).
 */
export async function bundleInPage(
  entry: string,
  globalName?: string,
  { plugins = [] }: { plugins?: Plugin[] } = {},
): Promise<string> {
  const result = await build({
    entryPoints: [isAbsolute(entry) ? entry : join(kit, entry)],
    bundle: true,
    minify: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    globalName,
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    plugins: [...plugins, stubs],
    inject: [`${kit}stubs/globals.ts`],
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}

/** Where the server frame's script is served, named by its content as Vite names the rest. */
const fileFor = (code: string) =>
  `_astro/in-page-server.${createHash('sha256').update(code).digest('hex').slice(0, 10)}.js`;

/**
 * The in-page server's script (`frame-runtime.ts` with socket.io) is built
 * with esbuild, not Vite: it needs its own stand-ins for Node's modules,
 * which must not touch the site's other code. Pages read its address as
 * `import.meta.env.IN_PAGE_SERVER_SCRIPT`; the dev server serves it, the
 * build writes it into `_astro/` (before `precompress` runs).
 */
export function inPageServer(): AstroIntegration {
  let code = '';
  let file = '';
  return {
    name: 'socket-workshop:in-page-server',
    hooks: {
      'astro:config:setup': async ({ updateConfig, logger }) => {
        code = await bundleInPage('frame-runtime.ts');
        file = fileFor(code);
        const gzip = gzipSync(code).length;
        logger.info(`${file}: ${(code.length / 1024).toFixed(1)} KB, ${(gzip / 1024).toFixed(1)} KB gzip`);
        updateConfig({ vite: { define: { 'import.meta.env.IN_PAGE_SERVER_SCRIPT': JSON.stringify(`/${file}`) } } });
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          if (req.url !== `/${file}`) return next();
          res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
          res.end(code);
        });
      },
      'astro:build:done': ({ dir }) => {
        const path = join(fileURLToPath(dir), file);
        mkdirSync(join(path, '..'), { recursive: true });
        writeFileSync(path, code);
      },
    },
  };
}
