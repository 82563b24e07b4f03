import type { Socket } from 'socket.io-client';
import { h } from './dom.ts';
import { createEventLog } from './event-log.ts';

export type ConnectionState = 'connecting' | 'connected' | 'disconnected';

/**
 * The frame every demo client gets: a region named after the client, its
 * connection state and transport, a slot for the lesson's own controls and
 * the client's event log. The lesson fills `controls`; the frame keeps them
 * disabled while the client is not connected.
 */
export function createClientPanel(label: string, options: { onRemove?: () => void } = {}) {
  const headingId = `client-${crypto.randomUUID()}`;
  const state = h('span', { role: 'status', 'aria-label': 'Connection', class: 'state connecting' }, 'connecting');
  const transport = h('span', { role: 'status', 'aria-label': 'Transport', class: 'transport' }, '—');
  const controls = h('fieldset', { class: 'controls', disabled: true }, h('legend', { class: 'visually-hidden' }, `${label} controls`));
  const log = createEventLog(`Event log of ${label}`);
  const remove = options.onRemove
    ? h('button', { type: 'button', class: 'remove', 'aria-label': `Remove ${label}`, onclick: options.onRemove }, '✕')
    : null;

  const element = h(
    'section',
    { class: 'client-panel', 'aria-labelledby': headingId },
    h('header', {}, h('h3', { id: headingId }, label), remove),
    h(
      'p',
      { class: 'wire' },
      h('span', {}, 'Connection: ', state),
      h('span', {}, 'Transport: ', transport),
    ),
    controls,
    h('details', { class: 'log', open: true }, h('summary', {}, 'Events sent and received'), log.element),
  );

  function setState(next: ConnectionState) {
    state.textContent = next;
    state.className = `state ${next}`;
    controls.disabled = next !== 'connected';
  }

  return { element, controls, log, setState, setTransport: (name: string) => (transport.textContent = name) };
}

export type ClientPanel = ReturnType<typeof createClientPanel>;

/**
 * Shows on the panel what the socket does on the wire: connection state, the
 * transport (long-polling first, then the upgrade to WebSocket) and every
 * event in and out, without a line of this in the lesson code.
 */
export function watchSocket(socket: Socket, panel: ClientPanel) {
  const engineOf = () => socket.io.engine;
  socket.on('connect', () => {
    panel.setState('connected');
    const engine = engineOf();
    panel.setTransport(engine.transport.name);
    panel.log.add('note', `connected over ${engine.transport.name}`, [socket.id]);
    engine.once('upgrade', (transport: { name: string }) => {
      panel.setTransport(transport.name);
      panel.log.add('note', `upgraded to ${transport.name}`);
    });
  });
  socket.on('disconnect', (reason) => {
    panel.setState('disconnected');
    panel.setTransport('—');
    panel.log.add('note', 'disconnected', [reason]);
  });
  socket.on('connect_error', (error) => {
    panel.setState('disconnected');
    panel.log.add('note', 'could not connect', [error.message]);
  });
  socket.onAny((event, ...args) => panel.log.add('received', event, args));
  socket.onAnyOutgoing((event, ...args) => panel.log.add('sent', event, args));
}
