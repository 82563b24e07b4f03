import type { Socket } from 'socket.io-client';
import type { DemoClient, LessonClient } from '../../components/demo/demo-host.ts';
import { createLogBox, h } from '../../components/demo/dom.ts';
import { type AdapterStage, createAdapterSwitch } from './adapter-switch.ts';
import {
  type ClientToServerEvents,
  type Message,
  NODE_PATHS,
  nodeLabel,
  type ServerToClientEvents,
} from './events.ts';

type NodeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Clients take turns: the first on node 1, the second on node 2, and so on. */
const pathOf = (index: number) => NODE_PATHS[index % NODE_PATHS.length]!;

/** One client's controls: which node it is on, a broadcast to send, and what reached it. */
function render(client: DemoClient<AdapterStage>, node: string) {
  const view = {
    text: h('input', {
      type: 'text',
      maxlength: 500,
      autocomplete: 'off',
      value: `Hello from ${client.panel.label()}`,
    }),
    send: h('button', { type: 'button' }, 'Broadcast'),
    error: h('p', { class: 'field-error', role: 'alert' }),
    messages: createLogBox('Messages', 'inbox'),
  };
  client.controls.append(
    h('p', { class: 'node-badge' }, `Connected to ${node}`),
    h('label', { class: 'field' }, 'Message ', view.text),
    h('div', { class: 'button-row' }, view.send),
    view.error,
    h('h4', { class: 'inbox-title' }, 'Messages'),
    view.messages.box,
  );
  return view;
}
type NodeView = ReturnType<typeof render>;

// #region client
function listen(socket: NodeSocket, view: NodeView) {
  // The client does not know there are two servers: it broadcasts,
  // and hears what reaches it.
  view.send.addEventListener('click', async () => {
    const answer = await socket.emitWithAck('message:send', { text: view.text.value });
    view.error.textContent = answer.ok ? '' : answer.error;
  });
  socket.on('message:new', ({ from, text, node }: Message) => {
    view.messages.append(h('li', {}, `${from} (on ${node}): ${text}`));
  });
}
// #endregion

const scalingClient: LessonClient<AdapterStage> = {
  slug: 'scaling-out',
  names: ['Ada', 'Bo'],
  pathOf,
  stage: createAdapterSwitch,
  mount(client) {
    const view = render(client, nodeLabel(client.path));
    listen(client.socket as NodeSocket, view);
  },
};

export default scalingClient;
