import { diffLines } from 'diff';

/** One line of a diff: in both, only in the learner's code, or only in the solution; `skipped`: that many lines in both, left out. */
export type DiffRow = { kind: 'same' | 'yours' | 'solution'; text: string } | { kind: 'skipped'; count: number };

/** Lines in both kept around each change; longer runs in between are one `skipped` row. */
const CONTEXT = 2;

const linesOf = (value: string) => value.replace(/\n$/, '').split('\n');
/** Line ends and a missing last newline are no difference a learner should read about. */
const normalise = (code: string) => `${code.replace(/\r\n?/g, '\n').trimEnd()}\n`;

/**
 * The learner's code against the solution, line by line (jsdiff's `diffLines`,
 * Myers' algorithm), with runs of unchanged lines beyond `CONTEXT` folded.
 */
export function lineDiff(yours: string, solution: string): { rows: DiffRow[]; yours: number; solution: number } {
  const flat: { kind: 'same' | 'yours' | 'solution'; text: string }[] = [];
  for (const change of diffLines(normalise(yours), normalise(solution))) {
    const kind = change.added ? 'solution' : change.removed ? 'yours' : 'same';
    for (const text of linesOf(change.value)) flat.push({ kind, text });
  }
  const near = (index: number) =>
    flat.slice(Math.max(0, index - CONTEXT), index + CONTEXT + 1).some((row) => row.kind !== 'same');
  const rows: DiffRow[] = [];
  for (const [index, row] of flat.entries()) {
    const last = rows.at(-1);
    if (row.kind !== 'same' || near(index)) rows.push(row);
    else if (last?.kind === 'skipped') last.count++;
    else rows.push({ kind: 'skipped', count: 1 });
  }
  const count = (kind: string) => flat.filter((row) => row.kind === kind).length;
  return { rows, yours: count('yours'), solution: count('solution') };
}

const lines = (n: number) => `${n} line${n === 1 ? '' : 's'}`;

/** The diff in one sentence: "3 lines differ: 1 only in yours, 2 only in the solution." */
export function diffSummary({ yours, solution }: { yours: number; solution: number }) {
  if (!yours && !solution) return 'Your code and the solution are the same: no line differs.';
  const n = yours + solution;
  return `${lines(n)} ${n === 1 ? 'differs' : 'differ'}: ${yours} only in yours, ${solution} only in the solution.`;
}
