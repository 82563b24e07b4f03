import { buildSite, compressSiteInBackground, siteBuildState, siteCompressed } from './site-build.ts';

/**
 * `npm start`: builds the site when `dist/` is missing or older than its
 * sources, then starts the companion server on the built site. The build
 * leaves the `.br` and `.gz` copies of its files for after the server
 * listens: the first page comes 1.5 s sooner, uncompressed until they are there.
 */
const root = new URL('..', import.meta.url).pathname;
const site = siteBuildState(root);

if (site !== 'fresh') {
  console.log(
    site === 'stale'
      ? '\n  The site changed since the last build: building it again…\n'
      : '\n  Building the site (first start)…\n',
  );
  const status = buildSite(root, 'inherit', { compressLater: true });
  if (status !== 0) {
    console.error('\n  The build failed (see above), so the server was not started.\n');
    process.exit(status ?? 1);
  }
}

// `npm run cluster`: a primary process that starts the workers, each one `index.ts`.
await import(process.argv.includes('--cluster') ? '../src/server/cluster.ts' : '../src/server/index.ts');

// Also after a start that stopped while compressing: its copies may be cut short.
if (!siteCompressed(root)) compressSiteInBackground(root);
