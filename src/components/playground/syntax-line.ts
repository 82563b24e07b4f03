import { ensureSyntaxTree } from '@codemirror/language';
import type { EditorView } from 'codemirror';

/**
 * Where in an editor's code a syntax error is, from the editor's own parser.
 * The transpiler puts any error inside an arrow function's body on the line
 * where the call around it starts (it reads the arrow function twice), and
 * Socket.IO code lives inside `io.on('connection', (socket) => …)`; the
 * editor's parser marks the token that does not fit.
 */
export function syntaxErrorLine(editor: EditorView): number | undefined {
  const tree = ensureSyntaxTree(editor.state, editor.state.doc.length, 500);
  let at: number | undefined;
  tree?.iterate({
    enter(node) {
      if (at !== undefined) return false;
      if (node.type.isError) at = node.from;
    },
  });
  return at === undefined ? undefined : editor.state.doc.lineAt(at).number;
}
