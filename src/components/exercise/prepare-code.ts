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
