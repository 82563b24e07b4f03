import { compressSite } from '../src/integrations/precompress.ts';

/**
 * `node scripts/compress-site.ts <dir>`: writes the `.br` and `.gz` copies of a
 * built site (see `compressSite`). `npm start` runs it beside its server, at
 * the lowest priority, after a build that left them out.
 */
const dir = process.argv[2] ?? 'dist';
const { files, seconds } = await compressSite(dir);
console.log(`  ${files} files of the site compressed in ${seconds.toFixed(1)} s.`);
