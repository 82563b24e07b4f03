import { SERVER_MODULE, SERVER_MODULE_GLOBAL } from '../../shared/server-sandbox.ts';
import { byData, createLogBox, h } from '../demo/dom.ts';
import { createEditor } from '../exercise/editor.ts';
import { handlerErrorText } from '../exercise/handler-error.ts';
import { type Prepared, prepareCode, prepareServerCode } from '../exercise/prepare-code.ts';
import { type InPageServer, runServerSandbox } from '../exercise/server-sandbox.ts';
import { startClient } from './client-run.ts';
import { DEFAULT_CLIENT, DEFAULT_CLIENTS, DEFAULT_SERVER } from './defaults.ts';
import { clampClients, decodeCode, encodeCode, hasCode, type PlaygroundCode, ShareError } from './share.ts';

/** Enough lines to follow a run; older ones drop off. */
const MAX_LINES = 400;
/** Links longer than this may be cut by the apps they are pasted into. */
const LONG_LINK = 8000;

type Level = 'log' | 'info' | 'warn' | 'error';

/**
 * The playground: server code and client code side by side, run together in
 * the page. Run starts the server code on the real socket.io in a sandboxed
 * frame; once it has run, each client gets a sandboxed page of its own whose
 * `io()` connects to it. The code lives in the address (the hash) only.
 */
export async function startPlayground(root: HTMLElement) {
  const find = byData(root);
  const state = find('state');
  const shareState = find('share-state');
  const [run, stop, copy] = [
    find<HTMLButtonElement>('run'),
    find<HTMLButtonElement>('stop'),
    find<HTMLButtonElement>('copy'),
  ];
  const clientsInput = find<HTMLInputElement>('clients');
  const clientList = find('client-list');
  const serverConsole = createLogBox('Server console', 'exercise-console playground-console', MAX_LINES);
  const clientConsole = createLogBox('Client console', 'exercise-console playground-console', MAX_LINES);
  find('server-console').replaceChildren(serverConsole.box);
  find('client-console').replaceChildren(clientConsole.box);

  let initial: PlaygroundCode = { server: DEFAULT_SERVER, client: DEFAULT_CLIENT, clients: DEFAULT_CLIENTS };
  let loaded = '';
  if (hasCode(location.hash)) {
    try {
      initial = await decodeCode(location.hash);
      loaded = 'The code from the link is in the editors: Run starts it.';
    } catch (error) {
      loaded = error instanceof ShareError ? error.message : 'The code in this link could not be read.';
    }
  }
  const serverEditor = createEditor(find('server-editor'), initial.server, 'Server code', () => keepInAddress());
  const clientEditor = createEditor(find('client-editor'), initial.client, 'Client code', () => keepInAddress());
  clientsInput.value = String(initial.clients);
  const current = (): PlaygroundCode => ({
    server: serverEditor.state.doc.toString(),
    client: clientEditor.state.doc.toString(),
    clients: clampClients(clientsInput.value),
  });
  const setCode = (code: PlaygroundCode) => {
    for (const [editor, text] of [
      [serverEditor, code.server],
      [clientEditor, code.client],
    ] as const)
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text } });
    clientsInput.value = String(code.clients);
  };

  // The address follows the code (without a new history entry), so a reload or a copied address keeps it.
  let addressTimer: ReturnType<typeof setTimeout> | undefined;
  let addressWrites = 0;
  async function writeAddress() {
    clearTimeout(addressTimer);
    const thisWrite = ++addressWrites;
    const hash = await encodeCode(current());
    if (thisWrite === addressWrites) history.replaceState(history.state, '', hash);
    return hash;
  }
  function keepInAddress() {
    shareState.textContent = ''; // a link copied before this change no longer holds the code
    clearTimeout(addressTimer);
    addressTimer = setTimeout(() => void writeAddress(), 400);
  }
  clientsInput.addEventListener('change', keepInAddress);
  // Another playground link pasted into this tab's address bar: its code replaces this.
  window.addEventListener('hashchange', async () => {
    if (!hasCode(location.hash)) return;
    try {
      setCode(await decodeCode(location.hash));
      shareState.textContent = 'The code from the link is in the editors: Run starts it.';
    } catch (error) {
      shareState.textContent = error instanceof ShareError ? error.message : 'The code in this link could not be read.';
    }
  });

  const line = (level: Level, text: string, who?: string) =>
    h('li', { class: `console-${level}` }, who ? h('span', { class: 'console-who' }, `${who}: `) : null, text);
  const printServer = (level: Level, text: string) => serverConsole.append(line(level, text));
  const printClient = (level: Level, text: string, who?: string) => clientConsole.append(line(level, text, who));
  const at = (message: string, lineNumber?: number) => (lineNumber ? `Line ${lineNumber}: ${message}` : message);

  let running: { stop: () => void } | undefined;
  const ended = (why: string) => {
    running?.stop();
    running = undefined;
    stop.disabled = true;
    state.textContent = why;
  };

  function start() {
    running?.stop();
    running = undefined;
    serverConsole.clear();
    clientConsole.clear();
    const code = current();
    const read = (prepareOne: () => Prepared): Prepared => {
      try {
        return prepareOne(); // a syntax error comes with the line where parsing stops
      } catch (error) {
        return { error: `The code could not be read: ${(error as Error).message}` };
      }
    };
    const server = read(() => prepareServerCode(code.server, SERVER_MODULE_GLOBAL, SERVER_MODULE));
    const client = read(() => prepareCode(code.client));
    if ('error' in server) printServer('error', at(server.error, server.line));
    if ('error' in client) printClient('error', at(client.error, client.line));
    if ('error' in server || 'error' in client)
      return ended('Not running: fix the error shown in its console, then Run again.');
    void writeAddress();
    clientsInput.value = String(code.clients);
    clientList.replaceChildren();
    running = startRun(server.code, client.code, code.clients);
    stop.disabled = false;
    state.textContent = 'Starting the server…';
  }

  /** The server, then its clients once the server code has run; stopping stops all. */
  function startRun(serverCode: string, clientCode: string, count: number) {
    const clients: { stop: () => void }[] = [];
    let thisServer: InPageServer | undefined;
    const handle = {
      stop() {
        for (const client of clients.splice(0)) client.stop();
        thisServer?.stop();
      },
    };
    const stopped = (why: string) => {
      if (running === handle) ended(why);
    };
    thisServer = runServerSandbox(
      find('server-frame'),
      serverCode,
      {},
      {
        log: printServer,
        error: (message, lineNumber, during) => {
          if (during === 'start') {
            printServer('error', at(message, lineNumber));
            return stopped('Not running: the server code stopped with the error shown in the server console.');
          }
          printServer('error', at(handlerErrorText(message), lineNumber));
        },
        started: (listening) => {
          if (!listening)
            printServer(
              'warn',
              "The server code never calls io.on('connection', …) (or .on('connection') on a namespace): clients can connect, but nothing answers them.",
            );
          for (let n = 1; n <= count; n++) {
            const who = `Client ${n}`;
            clients.push(
              startClient(clientList, who, clientCode, thisServer!, {
                log: (level, text) => printClient(level, text, who),
                error: (message, lineNumber) => printClient('error', at(message, lineNumber), who),
                stopped: (why) => printClient('error', why, who),
              }),
            );
          }
          state.textContent = `Running: the server and ${count === 1 ? 'its client' : `its ${count} clients`}, each client in a page of its own below.`;
        },
        unhandled: (namespace, event) =>
          printServer(
            'warn',
            `A client sent \`${event}\`${namespace === '/' ? '' : ` on ${namespace}`}; the server code has no handler for it.`,
          ),
        stopped: (why) => {
          printServer('error', why);
          stopped('Stopped.');
        },
      },
    );
    return handle;
  }

  run.addEventListener('click', () => start());
  for (const editor of [serverEditor, clientEditor])
    editor.contentDOM.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        start();
      }
    });
  stop.addEventListener('click', () => {
    ended('Stopped: the server and its clients are closed.');
    run.focus();
  });
  copy.addEventListener('click', async () => {
    await writeAddress();
    const long = location.href.length > LONG_LINK ? ' It is long: some apps cut links this long.' : '';
    try {
      await navigator.clipboard.writeText(location.href);
      shareState.textContent = `Link copied: it holds the code of both editors and the number of clients.${long}`;
    } catch {
      shareState.textContent = `The address bar now holds the link to this code: copy it from there.${long}`;
    }
  });
  run.disabled = copy.disabled = false;
  state.textContent = 'Not running.';
  shareState.textContent = loaded;
}
