import { createLogBox, h, preview } from './dom.ts';

/**
 * The time of an entry, as 24-hour hh:mm:ss. Not `toLocaleTimeString`: with options it
 * builds a formatter per call, and the first loads the browser's locale data, together the
 * longest part of a lesson page's start (seen in a profile of one loading).
 */
function clock(at = new Date()) {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(at.getHours())}:${two(at.getMinutes())}:${two(at.getSeconds())}`;
}

export type Direction = 'sent' | 'received' | 'note';

const ARROWS: Record<Direction, string> = { sent: '→', received: '←', note: '•' };
const MAX_FRAME = 600;

/**
 * A bounded, newest-last list of what one client saw on the wire, as a `log`
 * region (screen readers announce new entries politely).
 */
export function createWireLog(label: string) {
  const log = createLogBox(label, 'event-log');

  function append(direction: Direction, ...parts: (Node | null)[]) {
    const time = clock();
    log.append(
      h(
        'li',
        { class: `entry ${direction}` },
        h('span', { class: 'arrow', 'aria-hidden': 'true' }, ARROWS[direction]),
        direction === 'note' ? null : h('span', { class: 'visually-hidden' }, `${direction} `),
        ...parts,
        h('time', { class: 'time' }, time),
      ),
    );
  }

  return {
    element: log.box,
    showNewest: log.showNewest,
    /** An event with its arguments, e.g. `← number:change 3`. */
    event(direction: Direction, event: string, args: unknown[] = []) {
      append(
        direction,
        h('code', { class: 'event' }, event),
        args.length ? h('code', { class: 'payload' }, preview(args)) : null,
      );
    },
    /** A raw Engine.IO/Socket.IO frame, e.g. `→ 42/rooms,["IO_CLIENT_HELLO","hi"]`. */
    frame(direction: Direction, frame: string) {
      const text = frame.length > MAX_FRAME ? `${frame.slice(0, MAX_FRAME - 1)}…` : frame;
      append(direction, h('code', { class: 'frame' }, text));
    },
    clear: log.clear,
  };
}

export type WireLog = ReturnType<typeof createWireLog>;
