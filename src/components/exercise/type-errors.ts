import { type Diagnostic, linter } from '@codemirror/lint';
import type { Extension } from '@codemirror/state';
import { EditorView, type ViewUpdate } from '@codemirror/view';
import type { CheckRequest, TypeProblem } from '../../type-check/checker.ts';
import { h } from '../demo/dom.ts';

/** What an exercise with `typecheck: true` carries (Exercise.astro): the lesson's files its code may import, and its names. */
export interface TypeCheckSetup {
  lessonFiles: Record<string, string>;
  names: string[];
}

/** How long typing must pause before the code is checked: a check never runs per keystroke. */
const PAUSE_MS = 400;

/**
 * The learner's TypeScript, type-checked as they type (strict, against the
 * lesson's maps and Socket.IO's own types) by TypeScript in a worker: errors
 * underlined in the editor, with their message on hover, and listed below it
 * in a list named "Type errors" that screen readers reach too. The worker
 * (TypeScript itself, a megabyte) is fetched when the editor is first used,
 * never before.
 */
export function typeErrors(editorBox: HTMLElement, kind: CheckRequest['kind'], setup: TypeCheckSetup): Extension {
  // Live, not a `status`: the exercise's own status says whether the code runs.
  const summary = h('p', { class: 'type-check-state', 'aria-live': 'polite' });
  const list = h('ul', { class: 'type-errors', 'aria-label': 'Type errors' });
  summary.textContent = 'Type checking starts when you use the editor.';
  editorBox.after(h('div', { class: 'type-check' }, summary, list));
  const checker = lazyChecker();
  let used = false;

  const show = (view: EditorView, errors: TypeProblem[]) => {
    const said = errors.length
      ? `${errors.length} type error${errors.length === 1 ? '' : 's'}: see the list below the editor.`
      : 'No type errors.';
    if (summary.textContent !== said) summary.textContent = said;
    list.replaceChildren(
      ...errors.map((error) => {
        const go = h('button', { type: 'button', class: 'quiet' }, `Line ${error.line}: ${error.message}`);
        go.addEventListener('click', () => {
          view.dispatch({ selection: { anchor: error.from, head: error.to }, scrollIntoView: true });
          view.focus();
        });
        return h('li', {}, go);
      }),
    );
  };

  return [
    EditorView.updateListener.of((update) => {
      if (!used && (update.docChanged || (update.focusChanged && update.view.hasFocus))) used = true;
    }),
    linter(
      async (view): Promise<Diagnostic[]> => {
        if (!used) return [];
        const code = view.state.doc.toString();
        if (summary.textContent?.startsWith('Type checking starts')) summary.textContent = 'Loading the type checker…';
        let errors: TypeProblem[];
        try {
          errors = await checker({ kind, code, ...setup });
        } catch (error) {
          summary.textContent = `The type checker did not work (${(error as Error).message}); your code still runs.`;
          list.replaceChildren();
          return [];
        }
        if (view.state.doc.toString() !== code) return []; // typed on meanwhile: the next check follows
        show(view, errors);
        const length = view.state.doc.length;
        return errors.map((error) => ({
          from: Math.min(error.from, length),
          to: Math.min(Math.max(error.to, error.from + 1), length),
          severity: 'error',
          message: error.message,
          source: `TypeScript (TS${error.code})`,
        }));
      },
      {
        delay: PAUSE_MS,
        // The first focus counts as use: check the code as it is then.
        needsRefresh: (update: ViewUpdate) => update.focusChanged && update.view.hasFocus,
      },
    ),
  ];
}

/** The worker, started at the first check; each answer matched to its request by id. */
function lazyChecker() {
  let worker: Worker | undefined;
  let nextId = 0;
  const waiting = new Map<number, { resolve: (errors: TypeProblem[]) => void; reject: (error: Error) => void }>();
  const failAll = (why: string) => {
    for (const { reject } of waiting.values()) reject(new Error(why));
    waiting.clear();
    worker?.terminate();
    worker = undefined; // a later check tries again
  };
  return (request: CheckRequest) =>
    new Promise<TypeProblem[]>((resolve, reject) => {
      if (!worker) {
        worker = new Worker(import.meta.env.TYPE_CHECKER_SCRIPT);
        worker.addEventListener(
          'message',
          (event: MessageEvent<{ id: number; errors?: TypeProblem[]; failed?: string }>) => {
            const { id, errors, failed } = event.data;
            const waiter = waiting.get(id);
            waiting.delete(id);
            if (errors) waiter?.resolve(errors);
            else waiter?.reject(new Error(failed ?? 'no answer'));
          },
        );
        worker.addEventListener('error', () => failAll('it did not load'));
      }
      const id = ++nextId;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, request });
    });
}
