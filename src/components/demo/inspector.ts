import { h } from './dom.ts';
import { createWireLog } from './event-log.ts';

/**
 * The wire inspector of one client: its events (direction, name, payload,
 * time) and, behind the "Raw frames" toggle, the Engine.IO/Socket.IO packets
 * themselves. Both are recorded all the time; the toggle picks which to show.
 */
export function createInspector(label: string) {
  const events = createWireLog(`Events of ${label}`);
  const frames = createWireLog(`Raw frames of ${label}`);
  frames.element.hidden = true;

  const title = h('span', { class: 'inspector-title' }, 'Events sent and received');
  const toggle = h('button', { type: 'button', class: 'quiet', 'aria-pressed': 'false' }, 'Raw frames');
  const clear = h('button', { type: 'button', class: 'quiet' }, 'Clear');

  toggle.addEventListener('click', () => {
    const raw = toggle.getAttribute('aria-pressed') !== 'true';
    toggle.setAttribute('aria-pressed', String(raw));
    frames.element.hidden = !raw;
    events.element.hidden = raw;
    title.textContent = raw ? 'Raw frames on the wire' : 'Events sent and received';
  });
  clear.addEventListener('click', () => (frames.element.hidden ? events : frames).clear());

  const element = h(
    'div',
    { class: 'inspector' },
    h('div', { class: 'inspector-bar' }, title, toggle, clear),
    events.element,
    frames.element,
  );

  function rename(next: string) {
    events.element.setAttribute('aria-label', `Events of ${next}`);
    frames.element.setAttribute('aria-label', `Raw frames of ${next}`);
  }

  return { element, events, frames, rename };
}

export type Inspector = ReturnType<typeof createInspector>;
