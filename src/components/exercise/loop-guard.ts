import { parser } from '@lezer/javascript';

const typescript = parser.configure({ dialect: 'ts' });

/**
 * The line where the code stops parsing. The transpiler's own position is
 * often the start of the enclosing function (a missing `)` on line 3 came out
 * as line 1); this parser, which recovers where the error is, finds the line.
 */
export function firstErrorLine(code: string): number | undefined {
  let at: number | undefined;
  typescript.parse(code).iterate({
    enter(node) {
      if (at !== undefined) return false;
      if (node.type.isError) at = node.from;
    },
  });
  return at === undefined ? undefined : code.slice(0, at).split('\n').length;
}

import { LOOP_GUARD } from '../../shared/sandbox.ts';

/**
 * Puts a call to the guard at the start of every loop body, on the line where
 * the body starts, so line numbers stay the learner's. A loop that keeps the
 * page busy too long then stops with an error naming its line, in any browser
 * (Chromium also runs the frame in a process of its own; others may not).
 * Code that does not parse is left as it is: the browser reports its error.
 */
export function guardLoops(code: string): string {
  const tree = parser.parse(code);
  const inserts: { at: number; text: string }[] = [];
  let broken = false;
  tree.iterate({
    enter(node) {
      if (node.type.isError) broken = true;
      if (!['ForStatement', 'WhileStatement', 'DoStatement'].includes(node.name)) return;
      // The body: last in `for (…) body` and `while (…) body`, second in `do body while (…)`.
      const body = node.name === 'DoStatement' ? node.node.firstChild?.nextSibling : node.node.lastChild;
      if (!body) return;
      const line = code.slice(0, body.from).split('\n').length;
      inserts.push({ at: body.from, text: `{${LOOP_GUARD}(${line}); ` }, { at: body.to, text: ' }' });
    },
  });
  if (broken || !inserts.length) return code;
  inserts.sort((a, b) => b.at - a.at); // from the end, so earlier offsets stay right
  return inserts.reduce((out, { at, text }) => out.slice(0, at) + text + out.slice(at), code);
}
