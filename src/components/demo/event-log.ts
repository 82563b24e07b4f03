import { h, preview } from './dom.ts';

export type Direction = 'sent' | 'received' | 'note';

const ARROWS: Record<Direction, string> = { sent: '→', received: '←', note: '•' };
/** Enough to follow a demo; older entries drop off so a long session stays light. */
const MAX_ENTRIES = 200;

/**
 * What one client sent and received, newest last. It is a `log` region, so
 * screen readers announce new entries politely.
 */
export function createEventLog(label: string) {
  const list = h('ol', { class: 'event-log', role: 'log', 'aria-label': label, 'aria-live': 'polite' });

  function add(direction: Direction, event: string, args: unknown[] = []) {
    const time = new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    const entry = h(
      'li',
      { class: `entry ${direction}` },
      h('span', { class: 'arrow', 'aria-hidden': 'true' }, ARROWS[direction]),
      h('span', { class: 'visually-hidden' }, direction === 'note' ? '' : `${direction} `),
      h('code', { class: 'event' }, event),
      args.length ? h('code', { class: 'payload' }, preview(args)) : null,
      h('time', { class: 'time' }, time),
    );
    list.append(entry);
    while (list.childElementCount > MAX_ENTRIES) list.firstElementChild?.remove();
    // Follow the newest entry unless the reader scrolled up to read.
    const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 48;
    if (nearBottom) list.scrollTop = list.scrollHeight;
  }

  return { element: list, add, clear: () => list.replaceChildren() };
}

export type EventLog = ReturnType<typeof createEventLog>;
