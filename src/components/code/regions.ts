/**
 * Cuts a named region out of a source file, so that the code a lesson shows
 * is the code that runs. Regions are marked in the source like this:
 *
 *   // #region counter
 *   ...
 *   // #endregion
 *
 * Regions may nest; the markers of inner regions are left out of the cut.
 */
const START = /^\s*(?:\/\/|\/\*|<!--)\s*#region\s+([\w-]+)/;
const END = /^\s*(?:\/\/|\/\*|<!--)\s*#endregion\b/;

export class RegionError extends Error {
  override name = 'RegionError';
}

export function extractRegion(source: string, name: string, file = 'the file'): string {
  const lines = source.split(/\r?\n/);
  const start = lines.findIndex((line) => START.exec(line)?.[1] === name);
  if (start === -1) {
    throw new RegionError(
      `Region "${name}" was not found in ${file}. Mark it with "// #region ${name}" and "// #endregion".`,
    );
  }
  const body: string[] = [];
  let depth = 1;
  for (const line of lines.slice(start + 1)) {
    if (START.test(line)) {
      depth++;
      continue;
    }
    if (END.test(line) && --depth === 0) return tidy(body);
    if (!END.test(line)) body.push(line);
  }
  throw new RegionError(`Region "${name}" in ${file} is never closed: add "// #endregion" after it.`);
}

/** Drops blank lines at both ends and the indentation that every line shares. */
function tidy(lines: string[]): string {
  while (lines.length && !lines[0]!.trim()) lines.shift();
  while (lines.length && !lines.at(-1)!.trim()) lines.pop();
  const indents = lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n');
}

/** The highlighting a file's code gets when the page does not say: a React component's is `tsx`. */
export function languageOf(file: string): 'ts' | 'tsx' {
  return file.endsWith('.tsx') ? 'tsx' : 'ts';
}
