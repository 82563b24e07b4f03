import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { build, type Plugin } from 'esbuild';
import { typeFiles } from '../type-check/type-files.ts';

const kit = fileURLToPath(new URL('../type-check/', import.meta.url));

/** What typescript.js requires only when it runs on Node (its `sys`); never called in a worker. */
const nodeOnly: Plugin = {
  name: 'type-checker-node-only',
  setup(b) {
    b.onResolve({ filter: /^(node:)?(fs|path|os|crypto|inspector|perf_hooks)$/ }, () => ({
      path: 'node-only',
      namespace: 'type-checker',
    }));
    b.onResolve({ filter: /^type-check:files$/ }, () => ({ path: 'files', namespace: 'type-checker' }));
    b.onLoad({ filter: /^node-only$/, namespace: 'type-checker' }, () => ({ contents: 'module.exports = {};' }));
    b.onLoad({ filter: /^files$/, namespace: 'type-checker' }, () => ({
      contents: JSON.stringify(typeFiles()),
      loader: 'json',
    }));
  },
};

/** The worker's script: TypeScript, the checker and its declaration files, in one classic script. */
export async function bundleTypeChecker(): Promise<string> {
  const result = await build({
    entryPoints: [join(kit, 'worker.ts')],
    bundle: true,
    minify: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    plugins: [nodeOnly],
    logLevel: 'error',
  });
  return result.outputFiles[0]!.text;
}

/**
 * The type checker of a lesson's exercise editor (frontmatter `typecheck:
 * true`), built with esbuild as the in-page server is: a worker script named
 * by its content, `_astro/type-checker.<hash>.js`, that only such an editor
 * fetches, once it is used. Pages read its address as
 * `import.meta.env.TYPE_CHECKER_SCRIPT`.
 */
export function typeChecker(): AstroIntegration {
  let code = '';
  let file = '';
  // Begun as the config loads: esbuild works in its own process while Astro starts up.
  const bundling = bundleTypeChecker();
  bundling.catch(() => {}); // reported where the hook awaits it
  return {
    name: 'socket-workshop:type-checker',
    hooks: {
      'astro:config:setup': async ({ updateConfig, logger }) => {
        code = await bundling;
        file = `_astro/type-checker.${createHash('sha256').update(code).digest('hex').slice(0, 10)}.js`;
        const gzip = gzipSync(code).length;
        logger.info(`${file}: ${(code.length / 1024).toFixed(1)} KB, ${(gzip / 1024).toFixed(1)} KB gzip`);
        updateConfig({ vite: { define: { 'import.meta.env.TYPE_CHECKER_SCRIPT': JSON.stringify(`/${file}`) } } });
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
