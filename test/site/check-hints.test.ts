import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const LESSONS = 'src/lessons';
const slugs = readdirSync(LESSONS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** Each exercise check of a lesson's frontmatter, as its lines: `- id:` six spaces in, under `exercises:`. */
function checksOf(slug: string) {
  const text = readFileSync(join(LESSONS, slug, 'lesson.mdx'), 'utf8');
  const frontmatter = text.split(/^---$/m)[1] ?? '';
  const exercises = frontmatter.split(/^exercises:$/m)[1]?.split(/^\S/m)[0] ?? '';
  return exercises
    .split(/^(?= {6}- id: )/m)
    .slice(1)
    .map((item) => ({ id: /- id: (\S+)/.exec(item)![1]!, hint: /^ {8}hint: (.+)$/m.exec(item)?.[1] }));
}

test('every check of every exercise has a hint, its code names in pairs of backticks', () => {
  let checks = 0;
  for (const slug of slugs) {
    for (const { id, hint } of checksOf(slug)) {
      checks++;
      assert.ok(hint, `${slug}: check "${id}" has no hint`);
      assert.equal((hint.match(/`/g) ?? []).length % 2, 0, `${slug}: check "${id}" has a backtick left open`);
    }
  }
  assert.ok(checks >= slugs.length * 2, `only ${checks} checks found in ${slugs.length} lessons`);
});
