import type { EditorView } from '@codemirror/view';
import { byData, h } from '../demo/dom.ts';
import type { isolateHistory, undo } from './editor.ts';
import type { DiffRow } from './line-diff.ts';

const SIGN = { same: ' ', yours: '−', solution: '+' } as const;
/** Said before each changed line, for a reader who does not see its colour or its sign. */
const SAID = { same: '', yours: 'Only in yours: ', solution: 'Only in the solution: ' } as const;

function rowItem(row: DiffRow) {
  if (row.kind === 'skipped')
    return h('li', { class: 'diff-skipped' }, `… ${row.count} line${row.count === 1 ? '' : 's'} the same …`);
  return h(
    'li',
    { class: `diff-${row.kind}` },
    h('span', { class: 'diff-sign', 'aria-hidden': 'true' }, SIGN[row.kind]),
    SAID[row.kind] && h('span', { class: 'visually-hidden' }, SAID[row.kind]),
    h('code', {}, row.text || ' '),
  );
}

/**
 * "Load the solution": the solution replaces the editor's code in one
 * transaction of its own in the editor's history (so Ctrl+Z, or Undo here,
 * brings the learner's code back), and a line diff shows theirs against it.
 * While the editor shows the loaded solution unchanged, `showsSolution` says
 * so: the learner's own code stays in its saved slot.
 */
export function loadSolution(
  root: HTMLElement,
  editor: EditorView,
  // From the editor's module, loaded with it: a static import here would put CodeMirror in every page's first script.
  history: { isolateHistory: typeof isolateHistory; undo: typeof undo },
  say: (text: string) => void,
) {
  const { isolateHistory: isolated, undo: undoLast } = history;
  const find = byData(root);
  const box = find('solution-load');
  const solution = box.dataset.solution ?? '';
  const [load, back] = [find<HTMLButtonElement>('load-solution'), find<HTMLButtonElement>('undo-solution')];
  const [diff, summary, rows] = [find('diff'), find('diff-summary'), find('diff-rows')];
  let theirs: string | undefined;

  const hideDiff = () => {
    theirs = undefined;
    back.hidden = diff.hidden = true;
  };

  load.disabled = false;
  load.addEventListener('click', async () => {
    const yours = editor.state.doc.toString();
    let module: typeof import('./line-diff.ts');
    try {
      module = await import('./line-diff.ts');
    } catch {
      return say('The solution could not load (offline?). Try again.');
    }
    if (yours === solution) return say('Your code is the solution already.');
    const result = module.lineDiff(yours, solution);
    theirs = yours;
    editor.dispatch({
      changes: { from: 0, to: editor.state.doc.length, insert: solution },
      annotations: isolated.of('full'),
      userEvent: 'input.solution',
    });
    summary.textContent = `Your code (−) against the solution (+): ${module.diffSummary(result)}`;
    rows.replaceChildren(...result.rows.map(rowItem));
    back.hidden = diff.hidden = false;
    say(
      `The solution is in the editor. ${module.diffSummary(result)} Undo (or Ctrl+Z in the editor) brings your code back.`,
    );
  });
  back.addEventListener('click', () => {
    if (theirs === undefined) return;
    // Just after loading, the editor's own undo takes back exactly that step; after edits, theirs comes back as a new one.
    if (editor.state.doc.toString() !== solution || !undoLast(editor))
      editor.dispatch({
        changes: { from: 0, to: editor.state.doc.length, insert: theirs },
        annotations: isolated.of('full'),
      });
    hideDiff();
    say('Your code is back in the editor.');
    editor.focus();
  });

  return {
    /** The editor holds the solution as loaded: not the learner's code, so not saved over it. */
    showsSolution: (code: string) => theirs !== undefined && code === solution,
    /** The editor's code changed: back to the learner's own (Ctrl+Z), the diff has nothing more to say. */
    changed(code: string) {
      if (theirs !== undefined && code === theirs) hideDiff();
    },
  };
}
