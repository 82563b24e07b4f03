import type { Socket } from 'socket.io-client';
import type { DemoClient, LessonClient } from '../../components/demo/demo-host.ts';
import { createLogBox, h } from '../../components/demo/dom.ts';
import type { AckResponse } from '../../shared/acks.ts';
import type {
  ClientToServerEvents,
  Message,
  MessageKind,
  ServerToClientEvents,
} from './events.ts';
import { createFanOut, type FanOutStage } from './fanout.ts';

type EmitSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const KIND_LABEL: Record<MessageKind, string> = {
  self: 'to self',
  all: 'to all',
  others: 'to others',
  direct: 'to you only',
};

const KIND_OF_EVENT: Record<string, MessageKind> = {
  'emit:self': 'self',
  'emit:all': 'all',
  'emit:others': 'others',
  'emit:to': 'direct',
};

/** One client's controls: a text box, the four ways to send, and an inbox. */
function render(client: DemoClient<FanOutStage>) {
  const name = client.panel.label();
  const view = {
    text: h('input', {
      type: 'text',
      maxlength: 500,
      autocomplete: 'off',
      value: `Hi from ${name}`,
    }),
    recipient: h('select', {}),
    self: h('button', { type: 'button' }, 'Emit to self'),
    all: h('button', { type: 'button' }, 'Emit to all'),
    others: h('button', { type: 'button' }, 'Broadcast to others'),
    to: h('button', { type: 'button' }, 'Send to...'),
    error: h('p', { class: 'field-error', role: 'alert' }),
    inbox: createLogBox('Inbox', 'inbox'),
    showAck: (_response: AckResponse) => {},
  };
  client.controls.append(
    h('label', { class: 'field' }, 'Message ', view.text),
    h('div', { class: 'button-row' }, view.self, view.all, view.others),
    h(
      'div',
      { class: 'button-row' },
      view.to,
      h(
        'label',
        { class: 'inline' },
        h('span', { class: 'visually-hidden' }, 'Recipient'),
        view.recipient,
      ),
    ),
    view.error,
    h('h4', { class: 'inbox-title' }, 'Inbox'),
    view.inbox.box,
  );
  return view;
}

type EmitView = ReturnType<typeof render>;

/**
 * Shows each ack next to the buttons, and tells the fan-out diagram about
 * each accepted send. Acks come back in the order the events went out. The
 * learner's own server (in this page, `root` '') may answer some sends and
 * not others, so there a send is drawn as it goes: every client it can reach
 * is on this page, and the diagram shows who did receive it.
 */
function followAcks(client: DemoClient<FanOutStage>, view: EmitView) {
  const socket = client.socket as EmitSocket;
  const ownServer = client.root === '';
  const pending: { kind: MessageKind; text: string; to?: string }[] = [];
  const from = () => ({ id: socket.id!, name: client.panel.label() });
  socket.onAnyOutgoing((event: string, payload: { text?: string; to?: string }) => {
    const kind = KIND_OF_EVENT[event];
    if (!kind) return;
    const text = String(payload?.text ?? '');
    if (ownServer) client.stage.sent(from(), kind, text, payload?.to);
    else pending.push({ kind, text: text.trim(), to: payload?.to });
  });
  socket.on('disconnect', () => (pending.length = 0));
  view.showAck = (response) => {
    view.error.textContent = response?.ok === false ? response.error : '';
    const sent = pending.shift();
    if (response?.ok && sent) client.stage.sent(from(), sent.kind, sent.text, sent.to);
  };
}

const emitClient: LessonClient<FanOutStage> = {
  slug: 'emit-vs-broadcast',
  names: ['Ada', 'Bo', 'Cy'],
  stage: createFanOut,
  mount(client) {
    const view = render(client);
    followAcks(client, view);
    listen(client.socket, view);
    send(client.socket, view);
  },
};

// #region client
function listen(socket: EmitSocket, view: EmitView) {
  // Every message says who sent it and how: the inbox shows both.
  socket.on('message', ({ from, kind, text }: Message) => {
    const sender = h('strong', {}, from.name);
    view.inbox.append(h('li', {}, sender, ` ${KIND_LABEL[kind]}: `, text));
  });

  // The server sends the whole list whenever someone comes or goes.
  socket.on('clients', (clients) => {
    const others = clients.filter((client) => client.id !== socket.id);
    const options = others.map((c) => h('option', { value: c.id }, c.name));
    view.recipient.replaceChildren(...options);
  });
}

function send(socket: EmitSocket, view: EmitView) {
  const text = () => view.text.value;
  const ack = view.showAck;
  // The last argument is the ack: the server answers { ok } or { ok: false, error }.
  view.self.onclick = () => socket.emit('emit:self', { text: text() }, ack);
  view.all.onclick = () => socket.emit('emit:all', { text: text() }, ack);
  view.others.onclick = () => socket.emit('emit:others', { text: text() }, ack);
  view.to.onclick = () => {
    socket.emit('emit:to', { to: view.recipient.value, text: text() }, ack);
  };
}
// #endregion

export default emitClient;
