import { h } from './dom.ts';
import { createWireLog } from './event-log.ts';

/**
 * The wire inspector of one client: its events (direction, name, payload,
 * time) and, behind the "Raw frames" toggle, the Engine.IO/Socket.IO packets
 * themselves. Both are recorded all the time; the toggle picks which to show.
 */
export function createInspector() {
  // Named for what they hold; the client's region around them says whose they are.
  const events = createWireLog('Events');
  const frames = createWireLog('Raw frames');
  frames.element.hidden = true;

  const title = h('span', { class: 'inspector-title' }, 'On the wire');
  const toggle = h('button', { type: 'button', class: 'quiet', 'aria-pressed': 'false' }, 'Raw frames');
  const clear = h('button', { type: 'button', class: 'quiet' }, 'Clear');

  toggle.addEventListener('click', () => {
    const raw = toggle.getAttribute('aria-pressed') !== 'true';
    toggle.setAttribute('aria-pressed', String(raw));
    frames.element.hidden = !raw;
    events.element.hidden = raw;
    // A hidden list cannot follow its newest entry: catch up now that it shows.
    (raw ? frames : events).showNewest();
  });
  clear.addEventListener('click', () => (frames.element.hidden ? events : frames).clear());

  const element = h(
    'div',
    { class: 'inspector' },
    h('div', { class: 'inspector-bar' }, title, toggle, clear),
    events.element,
    frames.element,
  );

  return { element, events, frames };
}

export type Inspector = ReturnType<typeof createInspector>;
