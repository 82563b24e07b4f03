import type { RosterEntry } from '../../shared/class-mode.ts';
import { confirmTwice, h } from '../demo/dom.ts';
import { viewCodeButton } from './code-view.ts';

/** A lesson as the dashboard knows it: what counts as its progress (its steps and checks). */
export interface DashboardLesson {
  slug: string;
  title: string;
  steps: string[];
}

/**
 * The live roster: one row per student, updated in place from the deltas,
 * and a line that counts students per lesson. Each row shows the student's
 * progress in the lesson in view as `done/total`, ticking as they go, and how
 * many lessons they have done. Removing asks twice.
 */
export function createRosterView(
  table: HTMLTableSectionElement,
  summary: HTMLElement,
  lessons: DashboardLesson[],
  onRemove: (name: string) => void,
) {
  const bySlug = new Map(lessons.map((l) => [l.slug, l]));
  const titleOf = (slug: string) => bySlug.get(slug)?.title ?? slug;
  const entries = new Map<string, RosterEntry>();
  const rows = new Map<string, ReturnType<typeof row>>();
  let inView = lessons[0]?.slug ?? '';

  /** How many of the lesson's steps the entry has done (steps the lesson no longer has do not count). */
  const doneIn = (entry: RosterEntry, lesson: DashboardLesson) => {
    const done = new Set(entry.progress[lesson.slug] ?? []);
    return lesson.steps.filter((step) => done.has(step)).length;
  };

  /** A student's row: made once, then its cells change in place (a half-done removal survives updates). */
  function row(name: string) {
    const cells = {
      lesson: h('td', {}),
      status: h('td', {}),
      progress: h('td', { class: 'progress-cell' }),
      done: h('td', {}),
    };
    const remove = h('button', { type: 'button', class: 'quiet' }, `Remove ${name}`);
    confirmTwice(remove, `Confirm: remove ${name}`, () => onRemove(name));
    const element = h(
      'tr',
      {},
      h('th', { scope: 'row' }, name),
      cells.lesson,
      cells.status,
      cells.progress,
      cells.done,
      h('td', {}, viewCodeButton(name), ' ', remove),
    );
    return {
      element,
      update(entry: RosterEntry) {
        cells.lesson.textContent = entry.lesson ? titleOf(entry.lesson) : '—';
        cells.status.textContent = entry.connected ? 'connected' : 'away';
        cells.status.className = entry.connected ? 'online' : 'offline';
        const lesson = bySlug.get(inView);
        const done = lesson ? doneIn(entry, lesson) : 0;
        cells.progress.textContent = lesson ? `${done}/${lesson.steps.length}` : '—';
        cells.progress.classList.toggle('complete', !!lesson && done === lesson.steps.length && done > 0);
        cells.done.textContent = String(
          lessons.filter((l) => l.steps.length && doneIn(entry, l) === l.steps.length).length,
        );
      },
    };
  }

  function renderSummary() {
    const perLesson = new Map<string, number>();
    for (const entry of entries.values()) {
      if (!entry.connected) continue;
      const key = entry.lesson ? titleOf(entry.lesson) : 'Home page';
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
    /** The lesson whose progress the rows show. */
    showLesson(slug: string) {
      inView = slug;
      for (const [name, entry] of entries) rows.get(name)?.update(entry);
    },
    /** The lesson most of the connected students are on, if any: a good lesson to watch. */
    busiestLesson(): string | undefined {
      const counts = new Map<string, number>();
      for (const entry of entries.values())
        if (entry.connected && entry.lesson) counts.set(entry.lesson, (counts.get(entry.lesson) ?? 0) + 1);
      return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
    },
  };
}
