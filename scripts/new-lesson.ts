/**
 * `npm run new-lesson <slug> [-- --title "A title"]`: a new lesson folder,
 * `src/lessons/<slug>/`, with every part a lesson has (text, contract, server
 * module, demo, exercise, server tests and browser spec), working from the
 * start, and its line in `src/lessons/index.ts`. Then rewrite it into the lesson.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { lessonFiles } from './new-lesson/files.ts';

/** Names a lesson cannot take: the site's own routes and namespaces. */
const RESERVED = new Set(['class', 'instructor', 'playground', 'sandbox', 'lessons', 'socket-io', 'index']);

export function newLesson(root: string, slug: string, title?: string): string[] {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(slug) || slug.length > 40) {
    throw new Error(
      `"${slug}" cannot name a lesson: use lowercase letters, digits and single dashes, like "first-app".`,
    );
  }
  if (RESERVED.has(slug)) throw new Error(`"${slug}" is one of the site's own names; pick another.`);
  const lessons = join(root, 'src/lessons');
  const folder = join(lessons, slug);
  if (existsSync(folder)) throw new Error(`src/lessons/${slug}/ exists already.`);

  const orders = readdirSync(lessons, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(lessons, entry.name, 'lesson.mdx')))
    .map((entry) =>
      Number(/^order:\s*(\d+)/m.exec(readFileSync(join(lessons, entry.name, 'lesson.mdx'), 'utf8'))?.[1] ?? 0),
    );
  const camel = slug.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  const files = lessonFiles({
    slug,
    camel,
    title: title?.trim() || slug[0]!.toUpperCase() + slug.slice(1).replaceAll('-', ' '),
    order: Math.max(0, ...orders) + 1,
  });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, name)), { recursive: true });
    writeFileSync(join(folder, name), text);
  }
  addToList(join(lessons, 'index.ts'), slug, camel);
  // In the project's style from the start, so that `npm run lint` passes on it.
  execFileSync(join(root, 'node_modules/.bin/biome'), ['check', '--write', folder, join(lessons, 'index.ts')], {
    cwd: root,
    stdio: 'ignore',
  });
  return Object.keys(files).map((name) => `src/lessons/${slug}/${name}`);
}

/** Imports the lesson's server module in the list, and puts it last. */
function addToList(path: string, slug: string, camel: string) {
  const source = readFileSync(path, 'utf8');
  const list = /(export const lessonModules: LessonModule\[\] = \[)([^\]]*)(\];)/;
  const match = list.exec(source);
  if (!match)
    throw new Error(`${path} has no "export const lessonModules: LessonModule[] = [...]" to add the lesson to.`);
  // Laid out by the formatter afterwards (newLesson runs Biome on the list).
  const entries = match[2]!.trim().replace(/,$/, '');
  const items = entries ? `${entries}, ${camel}` : camel;
  const lastImport = [...source.matchAll(/^import .*;$/gm)].at(-1)!;
  const at = lastImport.index + lastImport[0].length;
  const withImport = `${source.slice(0, at)}\nimport * as ${camel} from './${slug}/server.ts';${source.slice(at)}`;
  writeFileSync(path, withImport.replace(list, `$1${items}$3`));
}

if (import.meta.main) {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { title: { type: 'string' } } });
  const slug = positionals[0];
  if (!slug) {
    console.error('Say the new lesson\'s slug: npm run new-lesson -- my-topic [--title "My topic"]');
    process.exit(1);
  }
  try {
    const made = newLesson(process.cwd(), slug, values.title);
    console.log(`Made src/lessons/${slug}/ (and its line in src/lessons/index.ts):\n  ${made.join('\n  ')}`);
    console.log(
      `It runs as it is: npm start, then /lessons/${slug}/. Its tests: node --test src/lessons/${slug}/server.test.ts`,
    );
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
