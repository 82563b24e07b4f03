import { buildSite, finishCompression, siteBuildState } from '../../scripts/site-build.ts';

/**
 * Builds the site into `dist/` when it is missing or older than its sources,
 * as `npm start` does: a browser bench of a stale build would time old code.
 */
export async function ensureBuiltSite(root = process.cwd()) {
  const site = siteBuildState(root);
  if (site === 'fresh') return finishCompression(root);
  console.log(site === 'stale' ? 'The site changed since the last build: building it again…' : 'Building the site…');
  if (buildSite(root, ['ignore', 'ignore', 'inherit']) !== 0)
    throw new Error('The site did not build (see above), so the in-page bench cannot run.');
}
