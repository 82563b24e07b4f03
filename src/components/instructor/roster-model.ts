import type { RosterEntry } from '../../shared/class-mode.ts';

/** A lesson as the dashboard knows it: what counts as its progress (its steps and checks). */
export interface DashboardLesson {
  slug: string;
  title: string;
  steps: string[];
  /** What each step asks for, in the order of `steps` (a column's long name). */
  stepNames?: string[];
}

export type SortKey = 'name' | 'progress' | 'activity';

/** How the instructor looks at the roster: its order, and who is left in it. */
export interface RosterQuery {
  sort: SortKey;
  descending: boolean;
  /** Names that contain this (ignoring case); empty: everyone. */
  text: string;
  stuckOnly: boolean;
}

export const DEFAULT_QUERY: RosterQuery = { sort: 'name', descending: false, text: '', stuckOnly: false };
export const DEFAULT_STUCK_MINUTES = 5;

/** How many of the lesson's steps the entry has done (steps the lesson no longer has do not count). */
export function doneIn(entry: RosterEntry, lesson: DashboardLesson): number {
  const done = entry.progress[lesson.slug];
  if (!done?.length) return 0;
  const set = new Set(done);
  return lesson.steps.filter((step) => set.has(step)).length;
}

/**
 * Seems stuck: on the lesson being watched, with steps left in it, and no new
 * step for `afterMs`. Someone away, or whose last activity nobody knows, is not.
 */
export function isStuck(entry: RosterEntry, lesson: DashboardLesson | undefined, afterMs: number, now: number) {
  if (!lesson || !entry.connected || entry.lesson !== lesson.slug || entry.activeAt === null) return false;
  if (lesson.steps.length && doneIn(entry, lesson) === lesson.steps.length) return false;
  return now - entry.activeAt >= afterMs;
}

/** The last activity as the grid says it: "just now", "4 min ago", "2 h ago". */
export function sinceText(activeAt: number | null, now: number): string {
  if (activeAt === null) return '—';
  const minutes = Math.floor(Math.max(0, now - activeAt) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  return `${Math.floor(minutes / 60)} h ago`;
}

/** The rows a scrolled box shows, and a few beyond each edge (`overscan`): `start` to `end`, end excluded. */
export function visibleRange(scrollTop: number, viewport: number, rowHeight: number, count: number, overscan = 6) {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, first + Math.ceil(viewport / rowHeight) + 1 + overscan);
  return { start, end: Math.max(start, end) };
}

/** What a row is sorted by, kept from when it was placed: how to find it again when it changes. */
interface Placed {
  name: string;
  done: number;
  activeAt: number;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * The roster as data: every entry, the order the grid shows (sorted and
 * filtered), who seems stuck, and the counts. A delta costs in proportion to
 * what changed, not to the class: each changed row is taken out of the
 * sorted order and put back by binary search, and the counts move by its
 * difference. Only a new sort, filter or lesson rebuilds the order.
 */
export function createRosterModel(lessons: DashboardLesson[], clock: () => number = Date.now) {
  const bySlug = new Map(lessons.map((l) => [l.slug, l]));
  const entries = new Map<string, RosterEntry>();
  const placed = new Map<string, Placed>();
  const stuck = new Set<string>();
  const perLesson = new Map<string | null, number>();
  let connected = 0;
  let order: string[] = [];
  let query: RosterQuery = DEFAULT_QUERY;
  let inView = lessons[0]?.slug ?? '';
  let followed: string | null = null;
  let stuckAfterMs = DEFAULT_STUCK_MINUTES * 60_000;

  /** The lesson whose progress sorts the rows and tells who is stuck: the one the class follows, else the one in view. */
  const watched = () => bySlug.get(followed ?? inView);
  const viewLesson = () => bySlug.get(inView);

  const keyOf = (entry: RosterEntry): Placed => {
    const lesson = viewLesson();
    return { name: entry.name, done: lesson ? doneIn(entry, lesson) : 0, activeAt: entry.activeAt ?? -1 };
  };
  const compare = (a: Placed, b: Placed) => {
    const primary =
      query.sort === 'progress' ? a.done - b.done : query.sort === 'activity' ? a.activeAt - b.activeAt : 0;
    const byName = collator.compare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    return (query.descending ? -1 : 1) * (primary || byName);
  };
  /** Where `key` is, or would go, in the order (binary search). */
  const positionOf = (key: Placed) => {
    let low = 0;
    let high = order.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compare(placed.get(order[mid]!)!, key) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  const shows = (entry: RosterEntry) =>
    (!query.stuckOnly || stuck.has(entry.name)) &&
    (!query.text || entry.name.toLocaleLowerCase().includes(query.text.toLocaleLowerCase()));

  function unplace(name: string) {
    const key = placed.get(name);
    if (!key) return;
    const at = positionOf(key);
    if (order[at] === name) order.splice(at, 1);
    placed.delete(name);
  }
  function place(entry: RosterEntry) {
    if (!shows(entry)) return;
    const key = keyOf(entry);
    order.splice(positionOf(key), 0, entry.name);
    placed.set(entry.name, key);
  }
  const judge = (entry: RosterEntry, now: number) => {
    if (isStuck(entry, watched(), stuckAfterMs, now)) stuck.add(entry.name);
    else stuck.delete(entry.name);
  };
  const count = (entry: RosterEntry, by: 1 | -1) => {
    if (!entry.connected) return;
    connected += by;
    perLesson.set(entry.lesson, (perLesson.get(entry.lesson) ?? 0) + by);
  };

  function rebuild() {
    const now = clock();
    order = [];
    placed.clear();
    for (const entry of entries.values()) {
      judge(entry, now);
      if (shows(entry)) {
        order.push(entry.name);
        placed.set(entry.name, keyOf(entry));
      }
    }
    order.sort((a, b) => compare(placed.get(a)!, placed.get(b)!));
  }

  return {
    /** Takes in a delta; the names whose rows changed (removed ones included). */
    apply(changed: RosterEntry[], removed: string[]): string[] {
      const now = clock();
      for (const name of removed) {
        const old = entries.get(name);
        if (!old) continue;
        count(old, -1);
        unplace(name);
        stuck.delete(name);
        entries.delete(name);
      }
      for (const incoming of changed) {
        const old = entries.get(incoming.name);
        // Two processes may each know a different last step: the latest one holds.
        const entry =
          old?.activeAt != null && incoming.activeAt != null && old.activeAt > incoming.activeAt
            ? { ...incoming, activeAt: old.activeAt }
            : incoming;
        if (old) {
          count(old, -1);
          unplace(incoming.name);
        }
        entries.set(entry.name, entry);
        count(entry, 1);
        judge(entry, now);
        place(entry);
      }
      return [...removed, ...changed.map((e) => e.name)];
    },
    reset() {
      entries.clear();
      perLesson.clear();
      connected = 0;
      stuck.clear();
      rebuild();
    },
    /** Time passes: who seems stuck now (once in a while, not per delta). True if anyone's state changed. */
    tick(): boolean {
      const before = new Set(stuck);
      const now = clock();
      for (const entry of entries.values()) judge(entry, now);
      const moved = stuck.size !== before.size || [...stuck].some((name) => !before.has(name));
      if (moved && query.stuckOnly) rebuild();
      return moved;
    },
    setQuery(next: Partial<RosterQuery>) {
      query = { ...query, ...next };
      rebuild();
    },
    setLessonInView(slug: string) {
      inView = slug;
      rebuild();
    },
    setFollowed(slug: string | null) {
      followed = slug && bySlug.has(slug) ? slug : null;
      rebuild();
    },
    setStuckMinutes(minutes: number) {
      stuckAfterMs = minutes * 60_000;
      rebuild();
    },
    get query() {
      return query;
    },
    /** The names in the order shown (only those the filter keeps). */
    get order(): readonly string[] {
      return order;
    },
    entry: (name: string) => entries.get(name),
    isStuck: (name: string) => stuck.has(name),
    get size() {
      return entries.size;
    },
    get stuckCount() {
      return stuck.size;
    },
    get connected() {
      return connected;
    },
    /** Connected students per lesson slug (null: the home page). */
    perLesson: (): ReadonlyMap<string | null, number> => perLesson,
    lesson: (slug: string) => bySlug.get(slug),
    get lessonInView() {
      return viewLesson();
    },
    /** The lesson most of the connected students are on, if any: a good lesson to watch. */
    busiestLesson(): string | undefined {
      let best: [string | null, number] = [null, 0];
      for (const [slug, n] of perLesson) if (slug && n > best[1]) best = [slug, n];
      return best[0] ?? undefined;
    },
  };
}

export type RosterModel = ReturnType<typeof createRosterModel>;

/** What the grid's live count says: "1,000 students, 12 stuck" (and how many the filter shows). */
export function countText(model: Pick<RosterModel, 'size' | 'stuckCount' | 'order' | 'query'>): string {
  const n = (x: number) => x.toLocaleString('en');
  const students = `${n(model.size)} ${model.size === 1 ? 'student' : 'students'}, ${n(model.stuckCount)} stuck`;
  const filtered = model.query.text || model.query.stuckOnly;
  return filtered ? `${students}; ${n(model.order.length)} shown` : students;
}
