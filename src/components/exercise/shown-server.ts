import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { transform } from 'sucrase';
import { extractRegion } from '../code/regions.ts';

/**
 * A region of a lesson's `server.ts` as JavaScript (types removed): what a
 * server exercise's solution is, and what a take-home project runs. Read at
 * build time; a missing file or region fails the build with its path.
 */
export function shownServerCode(lesson: string, region: string): string {
  const path = `src/lessons/${lesson}/server.ts`;
  const source = readFileSync(resolve(process.cwd(), path), 'utf8');
  return transform(extractRegion(source, region, path), {
    transforms: ['typescript'],
    disableESTransforms: true,
  }).code.trim();
}
