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

/** Where a frame's script is served, named by its content as Vite names the rest. */
const fileFor = (name: string, code: string) =>
  `_astro/${name}.${createHash('sha256').update(code).digest('hex').slice(0, 10)}.js`;

/** The frames' scripts: the learner's server (`frame-runtime.ts`), and a test file run against a server (`test-runtime.ts`). */
const SCRIPTS = [
  { name: 'in-page-server', entry: 'frame-runtime.ts', env: 'IN_PAGE_SERVER_SCRIPT' },
  { name: 'in-page-tests', entry: 'test-runtime.ts', env: 'IN_PAGE_TEST_SCRIPT' },
] as const;

/**
 * The in-page server's scripts (`frame-runtime.ts` or `test-runtime.ts`, with
 * socket.io) are built with esbuild, not Vite: they need their own stand-ins
 * for Node's modules, which must not touch the site's other code. Pages read
 * their addresses as `import.meta.env.IN_PAGE_SERVER_SCRIPT` and
 * `IN_PAGE_TEST_SCRIPT`; the dev server serves them, the build writes them
 * into `_astro/` (before `precompress` runs).
 */
export function inPageServer(): AstroIntegration {
  const built = new Map<string, string>(); // file -> code
  // Begun as the config loads: esbuild works in its own process while Astro starts up.
  const bundling = Promise.all(SCRIPTS.map(({ entry }) => bundleInPage(entry)));
  bundling.catch(() => {}); // reported where the hook awaits it
  return {
    name: 'socket-workshop:in-page-server',
    hooks: {
      'astro:config:setup': async ({ updateConfig, logger }) => {
        const define: Record<string, string> = {};
        const codes = await bundling;
        for (const [i, { name, env }] of SCRIPTS.entries()) {
          const code = codes[i]!;
          const file = fileFor(name, code);
          built.set(file, code);
          const gzip = gzipSync(code).length;
          logger.info(`${file}: ${(code.length / 1024).toFixed(1)} KB, ${(gzip / 1024).toFixed(1)} KB gzip`);
          define[`import.meta.env.${env}`] = JSON.stringify(`/${file}`);
        }
        updateConfig({ vite: { define } });
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const code = built.get(req.url?.slice(1) ?? '');
          if (code === undefined) return next();
          res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
          res.end(code);
        });
      },
      'astro:build:done': ({ dir }) => {
        for (const [file, code] of built) {
          const path = join(fileURLToPath(dir), file);
          mkdirSync(join(path, '..'), { recursive: true });
          writeFileSync(path, code);
        }
      },
    },
  };
}
