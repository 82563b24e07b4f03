import type { RosterEntry } from '../../shared/class-mode.ts';
import { confirmTwice, h } from '../demo/dom.ts';

/**
 * The live roster: one row per student, updated in place from the deltas,
 * and a line that counts students per lesson. Removing asks twice.
 */
export function createRosterView(
  table: HTMLTableSectionElement,
  summary: HTMLElement,
  lessonTitles: Map<string, string>,
  onRemove: (name: string) => void,
) {
  const entries = new Map<string, RosterEntry>();
  const rows = new Map<string, ReturnType<typeof row>>();

  /** A student's row: made once, then its cells change in place (a half-done removal survives updates). */
  function row(name: string) {
    const cells = { lesson: h('td', {}), status: h('td', {}), done: h('td', {}) };
    const remove = h('button', { type: 'button', class: 'quiet' }, `Remove ${name}`);
    confirmTwice(remove, `Confirm: remove ${name}`, () => onRemove(name));
    const element = h(
      'tr',
      {},
      h('th', { scope: 'row' }, name),
      cells.lesson,
      cells.status,
      cells.done,
      h('td', {}, remove),
    );
    return {
      element,
      update(entry: RosterEntry) {
        cells.lesson.textContent = entry.lesson ? (lessonTitles.get(entry.lesson) ?? entry.lesson) : '—';
        cells.status.textContent = entry.connected ? 'connected' : 'away';
        cells.status.className = entry.connected ? 'online' : 'offline';
        cells.done.textContent = String(entry.completed.length);
      },
    };
  }

  function renderSummary() {
    const perLesson = new Map<string, number>();
    for (const entry of entries.values()) {
      if (!entry.connected) continue;
      const key = entry.lesson ? (lessonTitles.get(entry.lesson) ?? entry.lesson) : 'Home page';
      perLesson.set(key, (perLesson.get(key) ?? 0) + 1);
    }
    const connected = [...entries.values()].filter((e) => e.connected).length;
    summary.textContent = entries.size
      ? `${connected} of ${entries.size} connected. ${[...perLesson].map(([lesson, n]) => `${lesson}: ${n}`).join(' · ')}`
      : 'No students yet. They join with the code or the QR code.';
  }

  return {
    reset(roster: RosterEntry[]) {
      entries.clear();
      rows.clear();
      table.replaceChildren();
      this.apply(roster, []);
    },
    apply(changed: RosterEntry[], removed: string[]) {
      for (const name of removed) {
        entries.delete(name);
        rows.get(name)?.element.remove();
        rows.delete(name);
      }
      for (const entry of changed) {
        entries.set(entry.name, entry);
        let existing = rows.get(entry.name);
        if (!existing) {
          existing = row(entry.name);
          rows.set(entry.name, existing);
          table.append(existing.element);
        }
        existing.update(entry);
      }
      renderSummary();
    },
  };
}
