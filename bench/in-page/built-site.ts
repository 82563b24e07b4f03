import { join } from 'node:path';
import { buildSite, siteBuildState, siteCompressed } from '../../scripts/site-build.ts';
import { compressSite } from '../../src/integrations/precompress.ts';

/**
 * Builds the site into `dist/` when it is missing or older than its sources,
 * as `npm start` does: a browser bench of a stale build would time old code.
 */
export async function ensureBuiltSite(root = process.cwd()) {
  const site = siteBuildState(root);
  if (site === 'fresh') {
    // A start stopped before it compressed the site: compressed, as `npm start` serves it.
    if (!siteCompressed(root)) await compressSite(join(root, 'dist'));
    return;
  }
  console.log(site === 'stale' ? 'The site changed since the last build: building it again…' : 'Building the site…');
  if (buildSite(root, ['ignore', 'ignore', 'inherit']) !== 0)
    throw new Error('The site did not build (see above), so the in-page bench cannot run.');
}
