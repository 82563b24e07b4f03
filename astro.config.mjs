// @ts-check
import mdx from '@astrojs/mdx';
import react from '@astrojs/react';
import { defineConfig } from 'astro/config';
import { inPageServer } from './src/integrations/in-page-server.ts';
import { precompress } from './src/integrations/precompress.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { socketIoDevServer } from './src/integrations/socket-io-dev-server.ts';
import { typeChecker } from './src/integrations/type-checker.ts';

export default defineConfig({
  // The search index, the in-page server's and the type checker's scripts first: their files get compressed too.
  integrations: [
    mdx(),
    // React is for the react lesson's demo only: no other page loads it.
    react({ include: ['**/src/lessons/react/**/*.tsx'] }),
    socketIoDevServer(),
    inPageServer(),
    typeChecker(),
    searchIndex(),
    precompress(),
  ],
  // The stylesheet comes inside each page: no request to wait for before the first paint.
  build: { inlineStylesheets: 'always' },
  markdown: {
    // Code in lesson text gets the same light and dark themes as the cut regions.
    shikiConfig: {
      themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
      defaultColor: false,
    },
  },
  devToolbar: { enabled: false },
  // Never inline a script into the page: the server's CSP allows only the site's own files.
  vite: { build: { assetsInlineLimit: 0 } },
});
