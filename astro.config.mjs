// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { searchIndex } from './src/integrations/search-index.ts';
import { socketIoDevServer } from './src/integrations/socket-io-dev-server.ts';

export default defineConfig({
  integrations: [mdx(), socketIoDevServer(), searchIndex()],
  markdown: {
    // Code in lesson text gets the same light and dark themes as the cut regions.
    shikiConfig: { themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' }, defaultColor: false },
  },
  devToolbar: { enabled: false },
  // Never inline a script into the page: the server's CSP allows only the site's own files.
  vite: { build: { assetsInlineLimit: 0 } },
});
