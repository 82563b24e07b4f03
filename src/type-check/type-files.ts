import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/**
 * The declaration files the page's type checker reads, by their path in its
 * own file system: TypeScript's lib (ES2022, no DOM), a small DOM, stand-ins
 * for the Node modules socket.io's types import, and the real types of
 * socket.io and socket.io-client with their dependencies. Run at build time
 * (the bundle carries them as strings) and by the tests; comments are
 * removed, since nobody reads them there, which halves their weight.
 */
export function typeFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  const add = (path: string, text: string) => (files[path] = stripComments(path, text));

  const lib = dirname(createRequire(import.meta.url).resolve('typescript'));
  for (const name of libChain('es2022', lib))
    add(`/lib/lib.${name}.d.ts`, readFileSync(join(lib, `lib.${name}.d.ts`), 'utf8'));

  const ambient = fileURLToPath(new URL('./ambient/', import.meta.url));
  for (const name of readdirSync(ambient)) add(`/ambient/${name}`, readFileSync(join(ambient, name), 'utf8'));

  const from = createRequire(createRequire(import.meta.url).resolve('socket.io'));
  for (const [name, types] of PACKAGES) {
    const root = packageRoot(name, from);
    files[`/node_modules/${name}/package.json`] = JSON.stringify({ name, types });
    const dir = join(root, dirname(types));
    for (const file of declarations(dir)) {
      add(`/node_modules/${name}/${relative(root, file)}`, readFileSync(file, 'utf8'));
    }
  }
  return files;
}

/** The packages whose types the learner's code meets, each with its entry declaration file. */
const PACKAGES = [
  ['socket.io', 'dist/index.d.ts'],
  ['socket.io-client', 'build/esm/index.d.ts'],
  ['engine.io', 'build/engine.io.d.ts'],
  ['engine.io-client', 'build/esm/index.d.ts'],
  ['engine.io-parser', 'build/esm/index.d.ts'],
  ['socket.io-parser', 'build/esm/index.d.ts'],
  ['socket.io-adapter', 'dist/index.d.ts'],
  ['@socket.io/component-emitter', 'lib/cjs/index.d.ts'],
] as const;

function packageRoot(name: string, from: NodeJS.Require): string {
  for (const base of from.resolve.paths(name) ?? []) {
    try {
      const root = join(base, name);
      readFileSync(join(root, 'package.json'));
      return root;
    } catch {}
  }
  throw new Error(`The type checker needs ${name}'s types, and ${name} is not installed.`);
}

function declarations(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return declarations(path);
    return entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** `es2022` and every lib it references, in the order they are found. */
function libChain(name: string, dir: string, seen = new Set<string>()): string[] {
  if (seen.has(name)) return [];
  seen.add(name);
  const text = readFileSync(join(dir, `lib.${name}.d.ts`), 'utf8');
  const refs = [...text.matchAll(/\/\/\/\s*<reference lib="([\w.]+)"\s*\/>/g)].map((m) => m[1]!.toLowerCase());
  return [name, ...refs.flatMap((ref) => libChain(ref, dir, seen))];
}

/** The file printed again without its comments; references (`/// <reference lib>`) are kept. */
function stripComments(path: string, text: string): string {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const references = text.match(/^\/\/\/\s*<reference [^>]*\/>/gm) ?? [];
  const printed = ts.createPrinter({ removeComments: true }).printFile(source);
  return [...references, printed].join('\n');
}
