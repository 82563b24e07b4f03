import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { newLesson } from '../scripts/new-lesson.ts';

const run = promisify(execFile);

/** A copy of the project (its sources and tests, with this node_modules) to make lessons in. */
function copyOfProject() {
  const root = mkdtempSync(join(tmpdir(), 'new-lesson-'));
  for (const part of ['src', 'test', 'scripts', 'e2e', 'package.json', 'tsconfig.json', 'biome.json', '.gitignore']) {
    cpSync(resolve(part), join(root, part), { recursive: true });
  }
  symlinkSync(resolve('node_modules'), join(root, 'node_modules'));
  return root;
}

describe('npm run new-lesson', () => {
  let root: string;
  before(() => {
    root = copyOfProject();
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  test('makes a lesson folder whose server tests pass, and which the folder checks accept', async () => {
    newLesson(root, 'first-steps', 'First steps');
    const node = process.execPath;
    const tests = ['src/lessons/first-steps/server.test.ts', 'test/lessons.test.ts'];
    // The folder checks of the lessons that exist already are not this test's business: only the new one's.
    // Without NODE_TEST_CONTEXT: the runner in the child reports for itself, not to this one.
    const { NODE_TEST_CONTEXT: _, ...env } = process.env;
    const { stdout } = await run(
      node,
      ['--test', '--test-reporter=tap', '--test-name-pattern=first-steps|server list|own folder', ...tests],
      {
        cwd: root,
        env,
      },
    );
    assert.match(stdout, /# fail 0/);
    assert.match(stdout, /# pass [1-9]/);
    const index = readFileSync(join(root, 'src/lessons/index.ts'), 'utf8');
    assert.match(index, /import \* as firstSteps from '\.\/first-steps\/server\.ts';/);
    assert.match(index, /firstSteps,?\s*\]/);
    assert.match(readFileSync(join(root, 'src/lessons/first-steps/lesson.mdx'), 'utf8'), /^title: First steps$/m);
    // In the project's style: the linter and formatter pass on the new folder.
    await run(join(root, 'node_modules/.bin/biome'), ['ci', 'src/lessons/first-steps', 'src/lessons/index.ts'], {
      cwd: root,
    });
  });

  test('the new lesson comes last in the course', () => {
    const order = (slug: string) =>
      Number(/^order: (\d+)$/m.exec(readFileSync(join(root, `src/lessons/${slug}/lesson.mdx`), 'utf8'))![1]);
    newLesson(root, 'second-steps');
    assert.equal(order('second-steps'), order('first-steps') + 1);
  });

  test('a slug that is taken, or not a slug, is refused with a sentence', () => {
    assert.throws(() => newLesson(root, 'first-steps'), /src\/lessons\/first-steps\/ exists already/);
    assert.throws(() => newLesson(root, 'First Steps'), /lowercase letters, digits and single dashes/);
    assert.throws(() => newLesson(root, 'instructor'), /the site's own names/);
  });
});
