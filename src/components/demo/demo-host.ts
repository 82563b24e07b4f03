import type { Socket } from 'socket.io-client';
import { memberClientName } from '../../shared/namespaces.ts';
import { GROUP_CHANGED } from '../class/class-groups.ts';
import { currentClass, demoNamespace } from '../class/class-session.ts';
import { onClassReset, onClassState } from '../class/class-signals.ts';
import { showChatLock } from './chat-lock.ts';
import { type ClientPanel, createClientPanel, watchNamespace, watchSocket } from './client-panel.ts';
import type { DeliveryOptions } from './connect.ts';
import {
  DEMO_SERVER,
  DEMO_SERVER_CHOSEN,
  type DemoServerChange,
  type InPageServer,
  workshopConnector,
  yourServerConnector,
} from './demo-server.ts';
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
  /** The lesson's namespace on the server this client is on (`/rooms`, a class's, or '' on the learner's own): other paths go under it. */
  root: string;
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
  /**
   * Leave a client that the server disconnected (`io server disconnect`) disconnected, as
   * Socket.IO does, instead of connecting it again for a fresh start: the lesson shows that.
   */
  staysDisconnected?: boolean;
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
 * The demo starts on the workshop's server; when the learner's own server
 * runs in the page (a server exercise), it starts again on that one.
 */
export function startDemo<Stage extends DemoStage | undefined>(root: HTMLElement, lesson: LessonClient<Stage>) {
  const list = root.querySelector<HTMLElement>('[data-clients]')!;
  const add = root.querySelector<HTMLButtonElement>('[data-add-client]')!;
  const note = root.querySelector<HTMLElement>('[data-demo-note]')!;
  const stageElement = root.querySelector<HTMLElement>('[data-stage]')!;
  const server = root.querySelector<HTMLElement>('[data-demo-server]')!;
  const switchServer = root.querySelector<HTMLButtonElement>('[data-server-switch]')!;
  const clients: DemoClient<Stage>[] = [];
  let connector = workshopConnector(lesson.slug);
  let stage: Stage;
  let spareNames: string[] = [];
  let opened = 0;
  /** The first clients still to be added, each in a task of its own after the first. */
  let due: string[] = [];
  /** The learner's server running in the page, if any, and the one the demo uses (the same, or none). */
  let offered: InPageServer | undefined;
  /** In a class: the instructor has locked the chat (on the workshop's server, not the learner's own). */
  let chatLocked = false;
  const showLock = (client: DemoClient<Stage>) => showChatLock(client.controls, chatLocked && !connector.yours);

  function addClient(name?: string) {
    // In a class, the server names each client after the student ("Ada", "Ada's client 2"): so does its panel.
    const member = connector.yours ? undefined : currentClass()?.name;
    const label = member ? memberClientName(member, opened + 1) : (name ?? `Client ${opened + 1}`);
    const first = opened++ === 0;
    const path = lesson.pathOf?.(opened - 1) ?? '';
    const { classKey } = demoNamespace(lesson.slug);
    const auth = {
      ...lesson.socketOptions?.auth,
      ...(name && { name }),
      ...(classKey && { classKey, client: opened }),
    };
    const socket = connector.open(path, auth, lesson.socketOptions);
    const panel = createClientPanel(label, {
      worksOffline: lesson.worksOffline,
      action: lesson.worksOffline && !lesson.ownFaultControls ? createOfflineSwitch(socket) : undefined,
      onRemove: first ? undefined : () => removeClient(client),
      onRename:
        name && !member
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
    const { yours } = connector;
    const watch = (other: Socket, otherLabel: string) => {
      watchNamespace(other, panel, otherLabel);
      reportTraffic(other, number, yours);
    };
    const client: DemoClient<Stage> = {
      socket,
      controls: panel.controls,
      panel,
      stage,
      path,
      root: connector.root,
      neighbours: () => [...clients],
      watch,
    };
    watchSocket(socket, panel);
    reportTraffic(socket, number, yours);
    if (!lesson.staysDisconnected) reconnectAfterReset(socket, () => clients.includes(client));
    stage?.track?.(client);
    lesson.mount(client);
    clients.push(client);
    showLock(client);
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

  /** A fresh demo on `connector`'s server: the stage drawn again, the first clients connected. */
  function begin() {
    for (const client of clients.splice(0)) {
      client.socket.io.engine?.close(); // with its other namespaces: the whole connection goes
      client.socket.disconnect();
    }
    list.replaceChildren();
    stageElement.replaceChildren();
    stage = lesson.stage ? lesson.stage(stageElement) : (undefined as Stage);
    stageElement.hidden = !lesson.stage;
    spareNames = [...MORE_NAMES];
    opened = 0;
    const [first, ...others] = lesson.names ?? [];
    addClient(first);
    // The others each in a task of their own, so that a page's start stays in short tasks
    // (a client is a panel, a socket and, in the React lesson, an app to mount).
    due = others;
    for (const _ of others) setTimeout(addDue);
    server.textContent = connector.yours ? 'your server' : "the workshop's server";
    switchServer.hidden = !offered;
    switchServer.textContent = connector.yours ? "Back to the workshop's server" : 'Connect to your server';
  }

  /** The next of the first clients, if one is still due (a later `begin` replaced the list). */
  function addDue() {
    const name = due.shift();
    if (name === undefined) return;
    try {
      addClient(name);
    } catch {
      note.textContent = 'The demo could not load. Reload the page to try again.';
    }
  }

  async function use(next: InPageServer | undefined, why: string) {
    const chosen = next ? await yourServerConnector(next) : workshopConnector(lesson.slug);
    if (next && next !== offered) return; // that server stopped while its transport loaded
    connector = chosen;
    begin();
    note.textContent = why;
  }

  add.hidden = false;
  add.addEventListener('click', () => {
    while (due.length) addDue(); // the first clients keep their places and names
    const named = lesson.names?.length ? spareNames.shift() : undefined;
    const client = addClient(named);
    note.textContent = `${client.panel.label()} added, with its own connection.`;
    client.panel.element.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  });
  document.addEventListener(DEMO_SERVER, (event) => {
    const { lesson: slug, server: started } = (event as CustomEvent<DemoServerChange>).detail;
    if (slug !== lesson.slug) return;
    offered = started;
    if (started) void use(started, 'The demo started again, connected to your server.');
    else if (connector.yours) void use(undefined, "Your server stopped: the demo is back on the workshop's server.");
    else switchServer.hidden = true;
  });
  switchServer.addEventListener('click', () => {
    const toYours = !connector.yours && offered;
    void use(
      toYours ? offered : undefined,
      toYours ? 'The demo started again, connected to your server.' : "The demo is back on the workshop's server.",
    ).then(() => switchServer.focus());
    document.dispatchEvent(new CustomEvent(DEMO_SERVER_CHOSEN, { detail: { lesson: lesson.slug, yours: !!toYours } }));
  });
  // The student's group changed (a split, a move): this demo starts again in the group's space.
  document.addEventListener(GROUP_CHANGED, (event) => {
    if (connector.yours) return;
    const { group } = (event as CustomEvent<{ group: number | null }>).detail;
    void use(
      undefined,
      group === null
        ? 'The class is one group again: the demo started again with the whole class.'
        : `You are in group ${group} now: the demo started again with your group.`,
    );
  });
  // The instructor steers the class: a lock shows on every client at once, and a reset
  // of this lesson starts the demo again from nothing (the server has forgotten it all).
  onClassState((state) => {
    chatLocked = state.chatLocked;
    for (const client of clients) showLock(client);
  });
  onClassReset((slug) => {
    if (slug !== lesson.slug || connector.yours) return;
    begin();
    note.textContent = 'The instructor reset this demo: it starts again from nothing.';
  });
  begin();
}

/**
 * When the server itself closes a demo's connection (an instructor's reset),
 * come back for a fresh start. A refusal after that (the class has ended)
 * shows on the panel and is not retried.
 */
function reconnectAfterReset(socket: Socket, stillShown: () => boolean) {
  socket.on('disconnect', (reason) => {
    // Not a client the demo has let go meanwhile (a reset starts the demo again with new ones).
    if (reason === 'io server disconnect') setTimeout(() => stillShown() && socket.connect(), 300);
  });
}
