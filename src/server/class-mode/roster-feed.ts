import type { Namespace } from 'socket.io';
import type { RosterEntry } from '../../shared/class-mode.ts';

/** How often the instructor's dashboard hears about roster changes, at most. */
const FLUSH_MS = 250;

export const watchRoom = (code: string) => `watch:${code}`;

/**
 * Batches roster changes per class and sends them to the instructors who
 * watch it as deltas, a few times a second: with 1,000 students arriving at
 * once, the dashboard gets a handful of messages, not a thousand rosters.
 */
export function createRosterFeed(instructors: Namespace) {
  const pending = new Map<string, Map<string, RosterEntry | null>>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  function flush() {
    timer = undefined;
    for (const [code, changes] of pending) {
      const changed = [...changes.values()].filter((e): e is RosterEntry => e !== null);
      const removed = [...changes].filter(([, e]) => e === null).map(([name]) => name);
      instructors.to(watchRoom(code)).emit('roster:delta', { code, changed, removed });
    }
    pending.clear();
  }

  return {
    /** A student's entry changed, or (a name) the student was removed. */
    change(code: string, entry: RosterEntry | string) {
      const changes = pending.get(code) ?? new Map();
      if (typeof entry === 'string') changes.set(entry, null);
      else changes.set(entry.name, entry);
      pending.set(code, changes);
      timer ??= setTimeout(flush, FLUSH_MS);
    },
    close() {
      clearTimeout(timer);
    },
  };
}
