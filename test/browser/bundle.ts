import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';
import { bundleInPage } from '../../src/integrations/in-page-server.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const here = (path: string) => `${root}${path}`;

/** What the page calls on the bundle's global: the tests' names, and one test run. */
export const FIDELITY_GLOBAL = 'Fidelity';

/**
 * The contract tests of lesson `slug` (`src/lessons/<slug>/contract.test.ts`)
 * with its own `server.ts`, for a browser page: bundled as the in-page
 * server's frame is (the real socket.io, Node's modules stubbed), with
 * node:test, node:assert and the contract harness swapped for the browser's
 * (`src/in-page-server/`). The script sets `window.Fidelity` = `{ names, run }`.
 */
export function bundleContractTests(slug: string): Promise<string> {
  const entry = here(`test/browser/${slug}.fidelity-entry.ts`);
  const swaps: Plugin = {
    name: 'fidelity-swaps',
    setup(b) {
      b.onResolve({ filter: /^node:test$/ }, () => ({ path: here('src/in-page-server/node-test.ts') }));
      b.onResolve({ filter: /^node:assert(\/strict)?$/ }, () => ({ path: here('src/in-page-server/assert.ts') }));
      b.onResolve({ filter: /\/contract-harness\.ts$/ }, () => ({ path: here('test/browser/contract-harness.ts') }));
      // Node's harness (the app, Redis, HTTP) cannot run in a page: a contract test does without it.
      b.onResolve({ filter: /\/harness\.ts$/ }, (args) => ({
        errors: [{ text: `${args.importer} imports test/harness.ts: use test/events.ts and test/contract-harness.ts` }],
      }));
      b.onResolve({ filter: /\.fidelity-entry\.ts$/ }, (args) => ({ path: args.path, namespace: 'fidelity-entry' }));
      b.onLoad({ filter: /.*/, namespace: 'fidelity-entry' }, () => ({
        resolveDir: root,
        loader: 'ts',
        contents: [
          `import * as lesson from './src/lessons/${slug}/server.ts';`,
          `import { useLesson } from './test/browser/contract-harness.ts';`,
          `import './src/lessons/${slug}/contract.test.ts';`,
          `export { names, run } from './src/in-page-server/node-test.ts';`,
          'useLesson(lesson);',
        ].join('\n'),
      }));
    },
  };
  return bundleInPage(entry, FIDELITY_GLOBAL, { plugins: [swaps] });
}
