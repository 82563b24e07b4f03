import type { Socket } from 'socket.io-client';
import type { DemoClient } from '../../components/demo/demo-host.ts';
import { h } from '../../components/demo/dom.ts';
import type { ClientToServerEvents, ServerToClientEvents } from './events.ts';

type NodeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const SAYS = {
  on: 'Adapter on: a broadcast on one node is handed to the other, which sends it to its own clients.',
  off: 'Adapter off: each node knows only its own clients, so a broadcast stays on the node it was sent on.',
};

/**
 * The demo-wide view of `scaling-out`: the two nodes and the switch for the
 * adapter between them. The switch is the server's: it says what the nodes
 * last said, and a change goes through whichever client here is connected.
 */
export function createAdapterSwitch(element: HTMLElement) {
  const toggle = h('input', { type: 'checkbox', role: 'switch', disabled: true });
  const says = h(
    'p',
    { role: 'status', 'aria-label': 'Adapter', class: 'adapter-says' },
    'Waiting for the nodes…',
  );
  const error = h('p', { class: 'field-error', role: 'alert' });
  element.append(
    h('h3', {}, 'Two servers'),
    h(
      'div',
      { class: 'nodes' },
      h('span', { class: 'node' }, 'Node 1'),
      h('label', { class: 'adapter-toggle' }, toggle, ' Adapter between the nodes'),
      h('span', { class: 'node' }, 'Node 2'),
    ),
    says,
    error,
  );
  const clients: DemoClient[] = [];
  const show = ({ on }: { on: boolean }) => {
    toggle.disabled = false;
    toggle.checked = on;
    says.textContent = on ? SAYS.on : SAYS.off;
  };
  toggle.addEventListener('change', async () => {
    const via = clients.find((client) => client.socket.connected)?.socket as
      | NodeSocket
      | undefined;
    if (!via) {
      toggle.checked = !toggle.checked;
      error.textContent =
        'No client here is connected: the switch cannot reach the servers.';
      return;
    }
    const answer = await via.emitWithAck('adapter:set', { on: toggle.checked });
    error.textContent = answer.ok ? '' : answer.error;
  });
  return {
    track(client: DemoClient) {
      clients.push(client);
      (client.socket as NodeSocket).on('adapter:state', show);
    },
  };
}

export type AdapterStage = ReturnType<typeof createAdapterSwitch>;
