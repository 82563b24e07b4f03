import type { Socket } from 'socket.io-client';
import { lessonNamespace } from '../../shared/contract.ts';
import { createClientPanel, watchSocket } from './client-panel.ts';
import { connectClient } from './connect.ts';

/** What a lesson's demo adds to each client: its controls, wired to its socket. */
export interface LessonClient {
  slug: string;
  /** Builds the lesson's controls into `controls` and wires them to `socket`. */
  mount: (controls: HTMLFieldSetElement, socket: Socket<any, any>) => void;
}

/** Enough to see a fan-out; more would only crowd the page. */
const MAX_CLIENTS = 6;

/**
 * Runs a lesson's demo inside `root` (rendered by `DemoFrame.astro`): the
 * first client at once, then one more per "Add a client", each with its own
 * connection and panel, removable. Clients are numbered for this page only.
 */
export function startDemo(root: HTMLElement, lesson: LessonClient) {
  const list = root.querySelector<HTMLElement>('[data-clients]')!;
  const add = root.querySelector<HTMLButtonElement>('[data-add-client]')!;
  const note = root.querySelector<HTMLElement>('[data-demo-note]')!;
  let opened = 0;
  let open = 0;

  function addClient() {
    const label = `Client ${++opened}`;
    const socket = connectClient(lessonNamespace(lesson.slug));
    const panel = createClientPanel(label, {
      onRemove:
        opened === 1
          ? undefined
          : () => {
              socket.disconnect();
              panel.element.remove();
              open--;
              refresh();
              add.focus();
              note.textContent = `${label} disconnected and removed.`;
            },
    });
    watchSocket(socket, panel);
    lesson.mount(panel.controls, socket);
    list.append(panel.element);
    open++;
    refresh();
    return panel;
  }

  function refresh() {
    add.disabled = open >= MAX_CLIENTS;
    add.title = add.disabled ? `At most ${MAX_CLIENTS} clients on one page.` : '';
  }

  add.hidden = false;
  add.addEventListener('click', () => {
    const panel = addClient();
    note.textContent = `${panel.element.querySelector('h3')?.textContent} added, with its own connection.`;
    panel.element.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  });
  addClient();
}
