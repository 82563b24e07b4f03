import type { Socket } from 'socket.io-client';
import { h } from './dom.ts';
import { createInspector } from './inspector.ts';
import { watchFrames } from './wire-frames.ts';

export type ConnectionState = 'connecting' | 'connected' | 'disconnected';

export interface PanelOptions {
  /** Shown as a "Remove <label>" button. */
  onRemove?: () => void;
  /** Shown as a "Rename" form; called with the new, trimmed name. */
  onRename?: (name: string) => void;
  /** Leave the controls enabled while disconnected. */
  worksOffline?: boolean;
  /** An extra control in the header (the offline switch). */
  action?: HTMLElement;
}

/**
 * The frame every demo client gets: a region named after the client, its
 * connection state and transport, a slot for the lesson's own controls and
 * the wire inspector. The lesson fills `controls`; the frame keeps them
 * disabled while the client is not connected (unless it `worksOffline`).
 */
export function createClientPanel(label: string, options: PanelOptions = {}) {
  const headingId = `client-${crypto.randomUUID()}`;
  const heading = h('h3', { id: headingId }, label);
  const state = h('span', { role: 'status', 'aria-label': 'Connection', class: 'state connecting' }, 'connecting');
  const transport = h('span', { role: 'status', 'aria-label': 'Transport', class: 'transport' }, '—');
  const legend = h('legend', { class: 'visually-hidden' }, `${label} controls`);
  const controls = h('fieldset', { class: 'controls', disabled: true }, legend);
  const inspector = createInspector();
  const remove = options.onRemove
    ? h(
        'button',
        { type: 'button', class: 'quiet remove', 'aria-label': `Remove ${label}`, onclick: options.onRemove },
        '✕',
      )
    : null;
  const renameForm = options.onRename ? createRenameForm(() => current, options.onRename) : null;
  let current = label;

  const element = h(
    'section',
    { class: 'client-panel', 'aria-labelledby': headingId },
    h(
      'header',
      {},
      heading,
      h('span', { class: 'panel-actions' }, options.action ?? null, renameForm?.toggle ?? null, remove),
    ),
    renameForm?.form ?? null,
    h('p', { class: 'wire' }, h('span', {}, 'Connection: ', state), h('span', {}, 'Transport: ', transport)),
    controls,
    inspector.element,
  );

  return {
    element,
    controls,
    events: inspector.events,
    frames: inspector.frames,
    label: () => current,
    setState(next: ConnectionState) {
      state.textContent = next;
      state.className = `state ${next}`;
      controls.disabled = next !== 'connected' && !options.worksOffline;
    },
    setTransport: (name: string) => (transport.textContent = name),
    setLabel(next: string) {
      current = next;
      heading.textContent = next;
      legend.textContent = `${next} controls`;
      remove?.setAttribute('aria-label', `Remove ${next}`);
    },
  };
}

export type ClientPanel = ReturnType<typeof createClientPanel>;

/** A "Rename" button that opens a one-field form; Escape or Cancel closes it. */
function createRenameForm(currentName: () => string, onRename: (name: string) => void) {
  const input = h('input', { type: 'text', maxlength: 24, required: true, autocomplete: 'off' });
  const error = h('span', { class: 'field-error', role: 'alert' });
  const toggle = h('button', { type: 'button', class: 'quiet', 'aria-expanded': 'false' }, 'Rename');
  const form = h(
    'form',
    { class: 'rename', hidden: true },
    h('label', {}, 'New name ', input),
    h('button', { type: 'submit' }, 'Save'),
    h('button', { type: 'button', class: 'quiet', onclick: () => close() }, 'Cancel'),
    error,
  );
  const close = () => {
    form.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    error.textContent = '';
    toggle.focus();
  };
  toggle.addEventListener('click', () => {
    form.hidden = !form.hidden;
    toggle.setAttribute('aria-expanded', String(!form.hidden));
    input.value = currentName();
    if (!form.hidden) input.select();
  });
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = input.value.trim();
    if (!name || name.length > 24) {
      error.textContent = 'A name is 1 to 24 characters.';
      return;
    }
    close();
    if (name !== currentName()) onRename(name);
  });
  return { toggle, form };
}

/** Socket.IO's disconnect reasons, said for a reader. */
const DISCONNECT_REASONS: Record<string, string> = {
  'io server disconnect': 'the server closed this connection',
  'io client disconnect': 'this client left',
  'ping timeout': 'no sign of the server for a while',
  'transport close': 'the connection closed (the network, a server that stopped, or a message too big for it)',
  'forced close': 'this side closed the connection',
  'transport error': 'the connection failed',
  'parse error': 'the server sent something unreadable',
};

/**
 * Shows on the panel what the socket does on the wire: connection state, the
 * transport (long-polling first, then the upgrade to WebSocket), every event
 * in and out, and every raw frame, without a line of this in the lesson code.
 */
export function watchSocket(socket: Socket, panel: ClientPanel) {
  let serverClosing = false; // said by the server just before it stops
  socket.on('connect', () => {
    serverClosing = false;
    const engine = socket.io.engine;
    panel.setState('connected');
    panel.setTransport(engine.transport.name);
    panel.events.event('note', `connected over ${engine.transport.name}`, [socket.id]);
    engine.once('upgrade', (transport: { name: string }) => {
      panel.setTransport(transport.name);
      panel.events.event('note', `upgraded to ${transport.name}`);
    });
  });
  socket.on('server:closing', () => (serverClosing = true));
  socket.on('disconnect', (reason) => {
    panel.setState('disconnected');
    panel.setTransport('—');
    const why = serverClosing
      ? 'the server is shutting down; reconnecting when it is back'
      : (DISCONNECT_REASONS[reason] ?? reason);
    panel.events.event('note', `disconnected: ${why}`, [reason]);
  });
  socket.on('connect_error', (error) => {
    panel.setState('disconnected');
    panel.events.event('note', 'could not connect', [error.message]);
  });
  socket.onAny((event, ...args) => panel.events.event('received', event, args));
  socket.onAnyOutgoing((event, ...args) => panel.events.event('sent', event, args));
  watchFrames(socket.io, (direction, frame) => panel.frames.frame(direction, frame));
}

/**
 * Shows another namespace that this client opened on the same connection: its
 * events, named by `label`. Its frames are on the panel already: one connection.
 */
export function watchNamespace(socket: Socket, panel: ClientPanel, label: string) {
  socket.on('connect', () => panel.events.event('note', `${label}: connected`, [socket.id]));
  socket.on('disconnect', (reason) => panel.events.event('note', `${label}: disconnected`, [reason]));
  socket.on('connect_error', (error) => panel.events.event('note', `${label}: refused`, [error.message]));
  socket.onAny((event, ...args) => panel.events.event('received', `${label} ${event}`, args));
  socket.onAnyOutgoing((event, ...args) => panel.events.event('sent', `${label} ${event}`, args));
}
