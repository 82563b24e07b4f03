import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * After each build, Pagefind indexes the built pages into `dist/pagefind/`
 * (what a page marks with `data-pagefind-body`: the lesson text, not the menus
 * or the live demos). The search box loads that index in the browser.
 */
export function searchIndex(): AstroIntegration {
  return {
    name: 'socket-workshop:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const pagefind = await import('pagefind');
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: fileURLToPath(dir) });
        if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: fileURLToPath(new URL('pagefind/', dir)) });
        if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(`search index: ${added.page_count} pages`);
      },
    },
  };
}
