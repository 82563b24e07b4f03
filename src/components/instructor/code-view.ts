import type { SharedCode } from '../../shared/class-help-values.ts';
import { byData, h } from '../demo/dom.ts';
import type { InstructorSocket } from './instructor-socket.ts';

const VIEW_CODE = 'socket-workshop:view-code';

/**
 * A "View code" button for a student, for any list of students (the roster,
 * the raised hands): it asks the dashboard's code view to open, by a DOM
 * event, so that the list needs nothing else.
 */
export function viewCodeButton(name: string): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'quiet' }, 'View code');
  button.addEventListener('click', () =>
    button.dispatchEvent(new CustomEvent(VIEW_CODE, { bubbles: true, detail: { name } })),
  );
  return button;
}

function ago(at: number, now: number): string {
  const minutes = Math.floor(Math.max(0, now - at) / 60_000);
  const clock = new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  if (minutes < 1) return `changed less than a minute ago (${clock})`;
  return `changed ${minutes} min ago (${clock})`;
}

/**
 * The read-only view of a student's exercise code: what their pages last
 * shared (the newest exercise first, the others a pick away), its exercise,
 * and when it last changed. Plain text in a `<pre>`: nothing of it runs.
 */
export function startCodeView(
  root: HTMLDialogElement,
  socket: InstructorSocket,
  watched: () => string | null,
  titleOf: (slug: string) => string | undefined,
) {
  const $ = byData(root);
  const select = $<HTMLSelectElement>('code-view-select');
  let student = '';
  let shared: SharedCode[] = [];

  function showOne(index: number) {
    const one = shared[index];
    $('code-view-code').textContent = one?.code ?? '';
    $('code-view-code').hidden = !one;
    $('code-view-about').textContent = one
      ? `${one.title} · ${titleOf(one.lesson) ?? one.lesson} · ${ago(one.updatedAt, Date.now())}`
      : `${student} has not written in an exercise yet (in this class, since the last few edits).`;
  }

  function load(name: string) {
    const code = watched();
    if (!code) return;
    student = name;
    socket.emit('code:view', { code, name }, (answer) => {
      if (!answer.ok) {
        $('code-view-about').textContent = answer.error;
        return;
      }
      const picked = select.value;
      shared = answer.shared;
      $('code-view-title').textContent = `Code of ${answer.name}`;
      select.replaceChildren(
        ...shared.map((one, i) =>
          h(
            'option',
            { value: `${one.lesson}/${one.exercise}` },
            `${one.title} (${titleOf(one.lesson) ?? one.lesson})${i === 0 ? ' · latest' : ''}`,
          ),
        ),
      );
      $('code-view-pick').hidden = shared.length < 2;
      // A refresh stays on the exercise in view.
      const again = shared.findIndex((one) => `${one.lesson}/${one.exercise}` === picked);
      select.selectedIndex = Math.max(0, again);
      showOne(select.selectedIndex);
      if (!root.open) root.showModal();
    });
  }

  document.addEventListener(VIEW_CODE, (event) => {
    select.value = '';
    load((event as CustomEvent<{ name: string }>).detail.name);
  });
  select.addEventListener('change', () => showOne(select.selectedIndex));
  $('code-view-refresh').addEventListener('click', () => load(student));
  $('code-view-close').addEventListener('click', () => root.close());
}
