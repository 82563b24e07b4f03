import { transform } from 'sucrase';
import { firstErrorLine, guardLoops } from './loop-guard.ts';

export type Prepared = { code: string } | { error: string; line?: number };

/**
 * The learner's code as the sandbox runs it: TypeScript's types stripped (not
 * checked; plain JavaScript passes through), line for line, and every loop
 * guarded. Loaded on the first Run: the transpiler is most of its weight.
 */
export function prepareCode(code: string): Prepared {
  let plain: string;
  try {
    plain = transform(code, { transforms: ['typescript'], disableESTransforms: true }).code;
  } catch (error) {
    const { message, loc } = error as Error & { loc?: { line: number } };
    return { error: `SyntaxError: ${message.replace(/\s*\(\d+:\d+\)$/, '')}`, line: firstErrorLine(code) ?? loc?.line };
  }
  return { code: guardLoops(plain) };
}

/** `import { Server } from "socket.io"` (or `import { Server as S }`, `import * as sio`) on one line. */
const IMPORT = /^(\s*)import\s+(?:\{([^}]*)\}|\*\s+as\s+([\w$]+)|([\w$]+))\s+from\s+(['"])([^'"]+)\5\s*;?/;

/**
 * A server exercise's code: prepared as above, and its imports of `socket.io`
 * read from the frame's copy of the package, on the same line. The frame has
 * no other package; an import of one is refused with its line.
 */
export function prepareServerCode(code: string, packageGlobal: string, packageName: string): Prepared {
  const lines = code.split('\n');
  for (const [index, line] of lines.entries()) {
    const found = IMPORT.exec(line);
    if (!found) continue;
    const [whole, indent, names, star, only, , from] = found;
    if (from !== packageName && from !== `${packageName}/`)
      return {
        error: `Here your server can import only from '${packageName}', not '${from}': the page has no other package.`,
        line: index + 1,
      };
    const binding =
      names !== undefined ? `{ ${names.trim().replace(/\s+as\s+/g, ': ')} }` : (star ?? `{ default: ${only} }`);
    lines[index] = `${indent}const ${binding} = ${packageGlobal};${line.slice(whole!.length)}`;
  }
  return prepareCode(lines.join('\n'));
}

/** An import at the start of a line, over lines if it must: default, `* as`, `{ … }`, or a default and `{ … }`; or a bare `import 'x'`. */
const ANY_IMPORT =
  /^([ \t]*)import\s+(?:(?:([\w$]+)\s*,?\s*)?(?:\{([^}]*)\}|\*\s+as\s+([\w$]+))?\s*from\s+)?(['"])([^'"\n]+)\5[ \t]*;?/gm;

/**
 * A test file as the test frame runs it: TypeScript's types stripped first
 * (so `import { io, type Socket }` loses its type), then each import of a
 * module the frame has read from that module's global (`modules`: name to
 * global), on the lines it took, then every loop guarded. An import of any
 * other module is refused with its line.
 */
export function prepareTestCode(code: string, modules: Record<string, string>): Prepared {
  let plain: string;
  try {
    plain = transform(code, { transforms: ['typescript'], disableESTransforms: true }).code;
  } catch (error) {
    const { message, loc } = error as Error & { loc?: { line: number } };
    return { error: `SyntaxError: ${message.replace(/\s*\(\d+:\d+\)$/, '')}`, line: firstErrorLine(code) ?? loc?.line };
  }
  let refused: Prepared | undefined;
  const rewritten = plain.replace(
    ANY_IMPORT,
    (whole, indent: string, only?: string, names?: string, star?: string, _q?: string, from?: string, at?: number) => {
      const global = modules[from!];
      if (!global) {
        const known = Object.keys(modules).filter((name) => !name.startsWith('./server'));
        refused ??= {
          error: `Here a test can import only from ${known.map((name) => `'${name}'`).join(', ')} and './server.js', not '${from}'.`,
          line: plain.slice(0, at).split('\n').length,
        };
        return whole;
      }
      const bindings = [
        only && `const ${only} = ${global}.default ?? ${global};`,
        names?.trim() &&
          `const { ${names
            .trim()
            .replace(/\s+as\s+/g, ': ')
            .replace(/\s+/g, ' ')} } = ${global};`,
        star && `const ${star} = ${global};`,
      ].filter(Boolean);
      // As many lines as the import took, so that every line after it keeps its number.
      return indent + bindings.join(' ') + '\n'.repeat(whole.split('\n').length - 1);
    },
  );
  return refused ?? { code: guardLoops(rewritten) };
}
