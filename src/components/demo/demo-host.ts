import type { Socket } from 'socket.io-client';
import { demoNamespace } from '../class/class-session.ts';
import { type ClientPanel, createClientPanel, watchNamespace, watchSocket } from './client-panel.ts';
import { connectClient, type DeliveryOptions } from './connect.ts';
import { createOfflineSwitch } from './offline-switch.ts';
import { reportTraffic } from './traffic.ts';

/** One in-page client, as a lesson's `mount` gets it. */
export interface DemoClient<Stage = DemoStage | undefined> {
  socket: Socket;
  /** Where the lesson puts this client's controls; disabled while disconnected. */
  controls: HTMLFieldSetElement;
  panel: ClientPanel;
  /** The demo-wide view the lesson's `stage` built, shared by every client. */
  stage: Stage;
  /** The clients on this page right now, this one included. */
  neighbours: () => DemoClient<Stage>[];
  /** Where under the lesson's namespace this client connected (`pathOf`), or ''. */
  path: string;
  /** Shows another namespace this client opened (on its connection) on its panel, and to "Try it". */
  watch: (socket: Socket, label: string) => void;
}

/** A demo-wide view; it may follow every in-page client as it is added. */
export interface DemoStage {
  track?: (client: DemoClient) => void;
}

/** What a lesson's demo adds to the shared frame. */
export interface LessonClient<Stage extends DemoStage | undefined = DemoStage | undefined> {
  slug: string;
  /** The demo opens with one client per name (sent as `auth.name`, renameable); else one "Client 1". */
  names?: string[];
  /**
   * The lesson queues what is done offline: its controls stay usable while
   * disconnected, and each client gets a "Go offline" switch to try it.
   */
  worksOffline?: boolean;
  /** Leave out the header's "Go offline" switch (the lesson brings its own fault controls). */
  ownFaultControls?: boolean;
  /** Where the client opened `index`-th connects, under the lesson's namespace (`/node-1`); the namespace itself by default. */
  pathOf?: (index: number) => string;
  /** Builds the demo-wide view (a diagram, a room map) once into `element`. */
  stage?: (element: HTMLElement) => Stage;
  /** Builds one client's controls and wires them to its socket. */
  mount: (client: DemoClient<Stage>) => void;
  /** What each client's socket gets besides the page's own auth: more `auth`, and `ackTimeout` with `retries`. */
  socketOptions?: DeliveryOptions & { auth?: Record<string, unknown> };
}

/** Enough to see a fan-out; more would only crowd the page. */
const MAX_CLIENTS = 6;
const MORE_NAMES = ['Di', 'Ed', 'Flo', 'Gus', 'Hal', 'Ivy'];

/**
 * Runs a lesson's demo inside `root` (rendered by `DemoFrame.astro`): its
 * first clients at once, then one more per "Add a client", each with its own
 * connection and panel, removable. Clients are named for this page only.
 */
export function startDemo<Stage extends DemoStage | undefined>(root: HTMLElement, lesson: LessonClient<Stage>) {
  const list = root.querySelector<HTMLElement>('[data-clients]')!;
  const add = root.querySelector<HTMLButtonElement>('[data-add-client]')!;
  const note = root.querySelector<HTMLElement>('[data-demo-note]')!;
  const stageElement = root.querySelector<HTMLElement>('[data-stage]')!;
  const stage = lesson.stage ? lesson.stage(stageElement) : (undefined as Stage);
  stageElement.hidden = !lesson.stage;
  const clients: DemoClient<Stage>[] = [];
  const spareNames = [...MORE_NAMES];
  let opened = 0;

  function addClient(name?: string) {
    const label = name ?? `Client ${opened + 1}`;
    const first = opened++ === 0;
    // In a class, the same lesson lives in the class's own namespace.
    const { namespace, classKey } = demoNamespace(lesson.slug);
    const path = lesson.pathOf?.(opened - 1) ?? '';
    const auth = { ...lesson.socketOptions?.auth, ...(name && { name }), ...(classKey && { classKey }) };
    const socket = connectClient(namespace + path, auth, lesson.socketOptions);
    const panel = createClientPanel(label, {
      worksOffline: lesson.worksOffline,
      action: lesson.worksOffline && !lesson.ownFaultControls ? createOfflineSwitch(socket) : undefined,
      onRemove: first ? undefined : () => removeClient(client),
      onRename: name
        ? (next) => {
            panel.setLabel(next);
            socket.auth = { name: next };
            // The name travels in the handshake, so a new name means a new connection.
            socket.disconnect().connect();
            note.textContent = `${label} is now ${next}: it reconnected with its new name.`;
          }
        : undefined,
    });
    const number = opened;
    const watch = (other: Socket, otherLabel: string) => {
      watchNamespace(other, panel, otherLabel);
      reportTraffic(other, number);
    };
    const client: DemoClient<Stage> = {
      socket,
      controls: panel.controls,
      panel,
      stage,
      path,
      neighbours: () => [...clients],
      watch,
    };
    watchSocket(socket, panel);
    reportTraffic(socket, number);
    reconnectAfterReset(socket);
    stage?.track?.(client);
    lesson.mount(client);
    clients.push(client);
    list.append(panel.element);
    refresh();
    return client;
  }

  function removeClient(client: DemoClient<Stage>) {
    client.socket.disconnect();
    client.panel.element.remove();
    clients.splice(clients.indexOf(client), 1);
    refresh();
    add.focus();
    note.textContent = `${client.panel.label()} disconnected and removed.`;
  }

  function refresh() {
    add.disabled = clients.length >= MAX_CLIENTS;
    add.title = add.disabled ? `At most ${MAX_CLIENTS} clients on one page.` : '';
  }

  add.hidden = false;
  add.addEventListener('click', () => {
    const named = lesson.names?.length ? spareNames.shift() : undefined;
    const client = addClient(named);
    note.textContent = `${client.panel.label()} added, with its own connection.`;
    client.panel.element.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  });
  if (lesson.names?.length) {
    for (const name of lesson.names) addClient(name);
  } else addClient();
}

/**
 * When the server itself closes a demo's connection (an instructor's reset),
 * come back for a fresh start. A refusal after that (the class has ended)
 * shows on the panel and is not retried.
 */
function reconnectAfterReset(socket: Socket) {
  socket.on('disconnect', (reason) => {
    if (reason === 'io server disconnect') setTimeout(() => socket.connect(), 300);
  });
}
