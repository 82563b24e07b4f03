import type { RosterEntry } from '../../shared/class-mode.ts';
import { confirmTwice, h } from '../demo/dom.ts';
import { viewCodeButton } from './code-view.ts';
import { groupLabel } from './groups-view.ts';
import {
  countText,
  createRosterModel,
  type DashboardLesson,
  DEFAULT_STUCK_MINUTES,
  doneIn,
  type SortKey,
  sinceText,
  visibleRange,
} from './roster-model.ts';

export type { DashboardLesson } from './roster-model.ts';

/** The parts of the page the roster fills and listens to. */
export interface RosterElements {
  /** The box that scrolls the grid (its height is the window of rows drawn). */
  scroll: HTMLElement;
  table: HTMLTableElement;
  /** "Students per lesson": who is where. */
  summary: HTMLElement;
  /** "1,000 students, 12 stuck", announced politely. */
  count: HTMLElement;
  find: HTMLInputElement;
  stuckOnly: HTMLInputElement;
  stuckMinutes: HTMLInputElement;
}

/** Rows drawn beyond each edge of the box, so that a quick scroll does not show a blank. */
const OVERSCAN = 8;
/** How often "who seems stuck" and "2 min ago" are looked at again. */
const TICK_MS = 15_000;
/** The live count is said at most this often (a class arriving would otherwise talk over itself). */
const COUNT_EVERY_MS = 2_000;

/** The bench's hook: when the page defines it, each delta's timings are pushed there. */
interface RosterTimings {
  applyMs: number;
  changed: number;
  /** From the delta's arrival to its rows drawn, and to the frame painted after. */
  drawnMs?: number;
  paintedMs?: number;
}
declare global {
  var rosterTimings: RosterTimings[] | undefined;
}

const SORTS: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'progress', label: 'Progress' },
  { key: 'activity', label: 'Last activity' },
];

/** A step's column: its short visible name, what a screen reader says, and its full text on hover. */
function stepHeading(lesson: DashboardLesson, index: number) {
  const step = lesson.steps[index]!;
  const tryIts = lesson.steps.filter((s) => !s.includes(':'));
  const exercises = [...new Set(lesson.steps.filter((s) => s.includes(':')).map((s) => s.split(':')[0]))];
  let short: string;
  let spoken: string;
  if (!step.includes(':')) {
    short = `T${tryIts.indexOf(step) + 1}`;
    spoken = `Try it ${tryIts.indexOf(step) + 1}`;
  } else {
    const [exercise] = step.split(':');
    const e = exercises.indexOf(exercise) + 1;
    const c = lesson.steps.filter((s) => s.startsWith(`${exercise}:`)).indexOf(step) + 1;
    short = `E${e}.${c}`;
    spoken = `Exercise ${e} check ${c}`;
  }
  const title = lesson.stepNames?.[index];
  return h(
    'th',
    { scope: 'col', class: 'step-col', title: title ? `${spoken}: ${title}` : spoken },
    h('span', { 'aria-hidden': 'true' }, short),
    h('span', { class: 'visually-hidden' }, spoken),
  );
}

/**
 * The live roster as a grid: a row per student, a column per step and check
 * of the lesson in view, ticking as it happens, sortable and filterable. Only
 * the rows in view are in the DOM (and a few either side): with 1,000
 * students the table holds a few dozen rows, and a delta redraws only the
 * rows it changed that are in view. Removing asks twice.
 */
export function createRosterView(els: RosterElements, lessons: DashboardLesson[], onRemove: (name: string) => void) {
  const model = createRosterModel(lessons);
  const titleOf = (slug: string) => model.lesson(slug)?.title ?? slug;
  const rows = new Map<string, ReturnType<typeof row>>();
  const dirty = new Set<string>();
  const head = h('thead', {});
  const body = h('tbody', {});
  const above = spacer();
  const below = spacer();
  const emptyCell = h('td', {}, 'No student matches: clear “Find a student” or “Stuck only” to see everyone.');
  const empty = h('tr', { class: 'roster-empty' }, emptyCell);
  els.table.replaceChildren(head, body);
  let rowHeight = 0;
  let headHeight = 0;
  let frame = 0;
  let allDirty = true;
  let pendingSince: number[] = [];
  let countSaidAt = 0;
  let countTimer: ReturnType<typeof setTimeout> | undefined;

  function spacer() {
    const cell = h('td', {});
    return { element: h('tr', { class: 'roster-spacer', 'aria-hidden': 'true' }, cell), cell };
  }

  function renderHead() {
    const lesson = model.lessonInView;
    const { sort, descending } = model.query;
    const sortable = (key: SortKey) => {
      const { label } = SORTS.find((s) => s.key === key)!;
      const button = h('button', { type: 'button', class: 'sort' }, label);
      button.addEventListener('click', () => {
        model.setQuery(sort === key ? { descending: !descending } : { sort: key, descending: false });
        renderHead();
        refresh();
        head.querySelector<HTMLButtonElement>(`[data-sort="${key}"]`)?.focus();
      });
      button.dataset.sort = key;
      const state = sort === key ? (descending ? 'descending' : 'ascending') : 'none';
      return h('th', { scope: 'col', 'aria-sort': state, class: key === 'name' ? 'name-col' : '' }, button);
    };
    const cells = [
      sortable('name'),
      h('th', { scope: 'col' }, 'Lesson'),
      h('th', { scope: 'col' }, 'Status'),
      sortable('progress'),
      ...(lesson ? lesson.steps.map((_, i) => stepHeading(lesson, i)) : []),
      h('th', { scope: 'col' }, 'Lessons done'),
      sortable('activity'),
      h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')),
    ];
    above.cell.colSpan = below.cell.colSpan = emptyCell.colSpan = cells.length;
    head.replaceChildren(h('tr', { 'aria-rowindex': '1' }, ...cells));
    headHeight = 0;
  }

  /** A student's row: made when it scrolls into view, then its cells change in place (a half-done removal survives updates). */
  function row(name: string) {
    const lesson = model.lessonInView;
    const cells = {
      lesson: h('td', {}),
      status: h('td', {}),
      progress: h('td', { class: 'progress-cell' }),
      done: h('td', {}),
      group: h('span', { class: 'group-badge' }),
      since: h('td', {}),
    };
    const steps = (lesson?.steps ?? []).map(() => {
      const mark = h('span', { 'aria-hidden': 'true' });
      const word = h('span', { class: 'visually-hidden' });
      return { cell: h('td', { class: 'step' }, mark, word), mark, word, done: undefined as boolean | undefined };
    });
    const remove = h('button', { type: 'button', class: 'quiet' }, `Remove ${name}`);
    confirmTwice(remove, `Confirm: remove ${name}`, () => onRemove(name));
    const element = h(
      'tr',
      {},
      h('th', { scope: 'row', class: 'name-col' }, name, cells.group),
      cells.lesson,
      cells.status,
      cells.progress,
      ...steps.map((s) => s.cell),
      cells.done,
      cells.since,
      h('td', { class: 'actions' }, viewCodeButton(name), ' ', remove),
    );
    return {
      element,
      update(entry: RosterEntry, now: number) {
        cells.lesson.textContent = entry.lesson ? titleOf(entry.lesson) : '—';
        cells.group.textContent = groupLabel(entry);
        const stuck = model.isStuck(name);
        cells.status.replaceChildren(
          entry.connected ? 'connected' : 'away',
          ...(stuck ? [' ', h('span', { class: 'stuck' }, 'stuck')] : []),
        );
        cells.status.className = entry.connected ? 'online' : 'offline';
        element.classList.toggle('is-stuck', stuck);
        const done = lesson ? doneIn(entry, lesson) : 0;
        cells.progress.textContent = lesson ? `${done}/${lesson.steps.length}` : '—';
        cells.progress.classList.toggle('complete', !!lesson && done === lesson.steps.length && done > 0);
        const has = new Set(lesson ? (entry.progress[lesson.slug] ?? []) : []);
        steps.forEach((step, i) => {
          const now = has.has(lesson!.steps[i]!);
          if (now === step.done) return;
          // A tick that happens while the row is in view flashes once.
          step.cell.classList.toggle('just-ticked', now && step.done === false);
          step.done = now;
          step.cell.classList.toggle('ticked', now);
          step.mark.textContent = now ? '✓' : '·';
          step.word.textContent = now ? 'done' : 'not yet';
        });
        cells.done.textContent = String(
          lessons.filter((l) => l.steps.length && doneIn(entry, l) === l.steps.length).length,
        );
        cells.since.textContent = sinceText(entry.activeAt, now);
      },
    };
  }

  function summaryText() {
    if (!model.size) return 'No students yet. They join with the code or the QR code.';
    const where = [...model.perLesson()]
      .filter(([, n]) => n > 0)
      .map(([slug, n]) => `${slug ? titleOf(slug) : 'Home page'}: ${n}`)
      .join(' · ');
    return `${model.connected} of ${model.size} connected. ${where}`;
  }

  /** The live count, said when it changes but not more often than every two seconds. */
  function sayCount() {
    clearTimeout(countTimer);
    const wait = countSaidAt + COUNT_EVERY_MS - performance.now();
    if (wait > 0) {
      countTimer = setTimeout(sayCount, wait);
      return;
    }
    const text = countText(model);
    if (els.count.textContent !== text) {
      els.count.textContent = text;
      countSaidAt = performance.now();
    }
  }

  function measureRow() {
    const sample = body.querySelector<HTMLElement>('tr:not(.roster-spacer)');
    if (sample?.offsetHeight) rowHeight = sample.offsetHeight;
  }

  /** Draws the rows in view: made or dropped as they scroll in and out, updated only when changed. */
  function render() {
    frame = 0;
    const now = Date.now();
    const order = model.order;
    const height = rowHeight || 40;
    headHeight ||= head.offsetHeight;
    const { start, end } = visibleRange(
      els.scroll.scrollTop - headHeight,
      els.scroll.clientHeight,
      height,
      order.length,
      OVERSCAN,
    );
    const wanted = order.slice(start, end);
    const keep = new Set(wanted);
    for (const [name, r] of rows)
      if (!keep.has(name)) {
        r.element.remove();
        rows.delete(name);
      }
    let at: ChildNode = above.element;
    if (body.firstChild !== above.element) body.prepend(above.element);
    wanted.forEach((name, i) => {
      let r = rows.get(name);
      const fresh = !r;
      if (!r) {
        r = row(name);
        rows.set(name, r);
      }
      if (fresh || allDirty || dirty.has(name)) r.update(model.entry(name)!, now);
      r.element.setAttribute('aria-rowindex', String(start + i + 2));
      // Moved only when out of place: a focused Remove button keeps its focus while others tick.
      if (at.nextSibling !== r.element) at.after(r.element);
      at = r.element;
    });
    if (at.nextSibling !== below.element) at.after(below.element);
    if (!order.length && model.size) body.append(empty);
    else empty.remove();
    if (!rowHeight && wanted.length) measureRow();
    above.cell.style.height = `${start * (rowHeight || height)}px`;
    below.cell.style.height = `${(order.length - end) * (rowHeight || height)}px`;
    above.element.hidden = start === 0;
    below.element.hidden = end === order.length;
    els.table.setAttribute('aria-rowcount', String(order.length + 1));
    dirty.clear();
    allDirty = false;
    els.summary.textContent = summaryText();
    sayCount();
    timeFrame();
  }

  /** For the bench (only when the page asks): from each delta's arrival to its rows drawn, and painted. */
  function timeFrame() {
    const timings = globalThis.rosterTimings;
    const since = pendingSince;
    pendingSince = [];
    if (!timings || !since.length) return;
    const drawn = performance.now();
    const firsts = timings.slice(-since.length);
    firsts.forEach((t, i) => {
      t.drawnMs = drawn - since[i]!;
    });
    // A message posted in a frame's callback is handled after that frame is painted.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const painted = performance.now();
      firsts.forEach((t, i) => {
        t.paintedMs = painted - since[i]!;
      });
      channel.port1.close();
    };
    channel.port2.postMessage(null);
  }

  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(render);
  };
  /** After a new order (sort, filter, lesson): every row in view is drawn afresh. */
  const refresh = () => {
    allDirty = true;
    schedule();
  };

  els.scroll.addEventListener('scroll', schedule, { passive: true });
  new ResizeObserver(() => {
    rowHeight = headHeight = 0;
    measureRow();
    schedule();
  }).observe(els.scroll);
  setInterval(() => {
    model.tick();
    refresh(); // "2 min ago" moves on for everyone in view, stuck or not
  }, TICK_MS);

  els.find.addEventListener('input', () => {
    model.setQuery({ text: els.find.value.trim() });
    refresh();
  });
  els.stuckOnly.addEventListener('change', () => {
    model.setQuery({ stuckOnly: els.stuckOnly.checked });
    refresh();
  });
  els.stuckMinutes.value ||= String(DEFAULT_STUCK_MINUTES);
  els.stuckMinutes.addEventListener('change', () => {
    const minutes = Number(els.stuckMinutes.value);
    if (!Number.isFinite(minutes) || minutes < 1) return;
    model.setStuckMinutes(Math.min(minutes, 600));
    refresh();
  });
  renderHead();

  return {
    reset(roster: RosterEntry[]) {
      model.reset();
      for (const r of rows.values()) r.element.remove();
      rows.clear();
      this.apply(roster, []);
      refresh();
    },
    apply(changed: RosterEntry[], removed: string[]) {
      const started = performance.now();
      for (const name of model.apply(changed, removed)) dirty.add(name);
      schedule();
      const timings = globalThis.rosterTimings;
      if (timings) {
        timings.push({ applyMs: performance.now() - started, changed: changed.length + removed.length });
        pendingSince.push(started);
      }
    },
    /** The lesson whose steps the grid shows. */
    showLesson(slug: string) {
      model.setLessonInView(slug);
      for (const r of rows.values()) r.element.remove();
      rows.clear();
      renderHead();
      refresh();
    },
    /** The lesson the class follows: the one "stuck" is about (none: the one in view). */
    follow(slug: string | null) {
      model.setFollowed(slug);
      refresh();
    },
    busiestLesson: () => model.busiestLesson(),
  };
}
