import { compressSite } from '../src/integrations/precompress.ts';

/**
 * `node scripts/compress-site.ts <dir>`: writes the `.br` and `.gz` copies of a
 * built site (see `compressSite`). `npm start` runs it beside its server, at
 * the lowest priority, after a build that left them out.
 */
const dir = process.argv[2] ?? 'dist';
// Started by `npm start`: stop when it does (its IPC channel closes).
process.on('disconnect', () => process.exit(1));
if (process.send && !process.connected) process.exit(1); // it stopped before this line
process.channel?.unref(); // and the channel alone keeps it from ending
const { files, seconds } = await compressSite(dir);
// Run by hand, it says so; under `npm start`, its output is left out.
console.log(`  ${files} files of the site compressed in ${seconds.toFixed(1)} s.`);
