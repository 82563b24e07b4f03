import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lessonPageWeights } from '../bench/page-weight.ts';
import { expect, lessonSlugs, test } from './demo.ts';

// The checks (zod) are the server's: a browser that imported them would load
// more than the whole Socket.IO client. `npm run bench` reports the weights.
test('no lesson page loads the validation library', () => {
  const weights = lessonPageWeights();
  expect(Object.keys(weights).sort()).toEqual(lessonSlugs().sort());
  for (const [slug, weight] of Object.entries(weights)) {
    expect(weight.files.length, slug).toBeGreaterThan(0);
    for (const file of weight.files) {
      expect(readFileSync(join('dist', file), 'utf8'), `${slug}: ${file}`).not.toContain('ZodError');
    }
  }
});
