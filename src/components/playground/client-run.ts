import { Manager, type Socket } from 'socket.io-client';
import { inPageTransport } from '../../in-page-server/transport.ts';
import { createClientPanel, watchNamespace, watchSocket } from '../demo/client-panel.ts';
import { h } from '../demo/dom.ts';
import { watchFrames } from '../demo/wire-frames.ts';
import { runInSandbox } from '../exercise/bridge.ts';
import type { InPageServer } from '../exercise/server-sandbox.ts';

export interface ClientHandlers {
  log: (level: 'log' | 'info' | 'warn' | 'error', text: string) => void;
  error: (message: string, line?: number) => void;
  stopped: (why: string) => void;
}

/**
 * One client of the playground: a panel (its connection, its wire inspector)
 * holding the client code's own sandboxed page, whose `io()` opens real
 * socket.io-client sockets on the in-page server. As `io()` does in a page,
 * the code's sockets share one connection, one namespace each; asking again
 * for a namespace it has opens a connection of its own.
 */
export function startClient(
  container: HTMLElement,
  label: string,
  code: string,
  server: InPageServer,
  on: ClientHandlers,
) {
  const panel = createClientPanel(label);
  const page = h('div', { class: 'client-page' });
  panel.controls.hidden = true; // the code makes its own controls, in its page
  panel.controls.before(page);
  container.append(panel.element);

  const transport = inPageTransport(server.connect);
  const newManager = () => new Manager({ transports: [transport] });
  let shared: Manager | undefined;
  const namespaces = new Set<string>();
  let first = true;

  function open(namespace: string, auth: Record<string, unknown>): Socket {
    const again = shared !== undefined && namespaces.has(namespace);
    shared ??= newManager();
    const manager = again ? newManager() : shared;
    namespaces.add(namespace);
    const socket = manager.socket(namespace, { auth });
    if (first) watchSocket(socket, panel);
    else {
      watchNamespace(socket, panel, namespace);
      if (again) watchFrames(manager, (direction, frame) => panel.frames.frame(direction, frame));
    }
    first = false;
    return socket;
  }

  const run = runInSandbox(page, code, { lesson: 'playground', namespace: '/', auth: { name: label }, open }, on);
  const frame = page.querySelector('iframe');
  if (frame) frame.title = `${label}'s page`;
  return {
    stop() {
      run.stop();
      if (first) panel.setState('disconnected'); // it never opened a socket
      page.replaceChildren(h('p', { class: 'client-idle' }, 'Stopped.'));
    },
  };
}
