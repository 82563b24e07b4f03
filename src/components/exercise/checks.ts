import { DEMO_TRAFFIC, type Traffic } from '../demo/traffic.ts';
import { observeSteps, type StepRule } from '../site/observe-steps.ts';

/** An exercise's check, as the frontmatter declares it (see `content.config.ts`). */
export interface Check {
  id: string;
  text: string;
  when: StepRule['when'] | { shows: string; field?: string; fromFirst?: boolean; includes?: string };
  /** What the check waits for, where the sentence made from `when` would say it badly. */
  explain?: string;
  /** A nudge toward passing it, offered after the learner has tried for a while. */
  hint?: string;
}

/** The learner's code among the page's clients in the demo traffic (the demo's own are 1, 2, …). */
export const CODE_CLIENT = 0;

/** `value` standing on its own in `text`: "Count: 12" shows 12, but "+1" does not show 1. */
export const showsValue = (text: string, value: string) =>
  new RegExp(`(^|[^\\w+-])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w])`).test(text);

/** The value a `shows` check looks for: the event's first argument as sent, or one field of it. */
export function checkedValue(text: string, field?: string): string | undefined {
  if (!field) return text;
  try {
    const value = (JSON.parse(text) as Record<string, unknown> | null)?.[field];
    return value === undefined || value === null || typeof value === 'object' ? undefined : String(value);
  } catch {
    return undefined; // not an object, or cut short
  }
}

/**
 * Watches an exercise's checks and says each one once, when the page sees it:
 * traffic checks read the demo traffic, where only the code's own sends count
 * (`code`), or, for a server exercise, everything the demo's clients see on
 * the learner's server (`your-server`); `shows` checks compare what the
 * code's page shows with what its socket got.
 */
export function watchChecks(
  checks: Check[],
  source: 'code' | 'your-server',
  onSeen: (id: string) => void,
  /** Each piece of traffic the checks count, as they count it (what the page says it has seen so far). */
  observe: (traffic: Traffic) => void = () => {},
) {
  const pending = new Set(checks.map((check) => check.id));
  const say = (id: string) => {
    if (!pending.delete(id)) return;
    onSeen(id);
  };
  const traffic = checks.filter((check): check is StepRule & Check => !('shows' in check.when));
  let watch = observeSteps(traffic, say);
  /** Per event, the latest value the code's sockets received in this run and how many they have had. */
  const latest = new Map<string, { text: string; count: number }>();
  let page = '';

  function compare() {
    for (const check of checks) {
      if (!('shows' in check.when) || !pending.has(check.id)) continue;
      const { shows, field, fromFirst, includes } = check.when;
      const seen = latest.get(shows);
      const value = seen && checkedValue(seen.text, field);
      if (!value || (includes && !value.includes(includes))) continue;
      // More than one: a change came after the value sent on arrival.
      if ((fromFirst || seen.count > 1) && showsValue(page, value)) say(check.id);
    }
  }

  document.addEventListener(DEMO_TRAFFIC, (event) => {
    const seen = (event as CustomEvent<Traffic>).detail;
    if (source === 'your-server') {
      if (!seen.yours) return;
      watch(seen);
      return observe(seen);
    }
    if (seen.direction === 'sent' && seen.client !== CODE_CLIENT) return;
    watch(seen);
    observe(seen);
    if (seen.client !== CODE_CLIENT) return;
    if (seen.direction === 'received' && seen.text !== undefined) {
      latest.set(seen.event, { text: seen.text, count: (latest.get(seen.event)?.count ?? 0) + 1 });
      compare();
    }
  });
  return {
    /** What the code's page shows now. */
    page(text: string) {
      page = text;
      compare();
    },
    /** A new run: what the last one received does not count for this one. */
    reset() {
      latest.clear();
      page = '';
      // The last run's sends (and its clients, numbered from 1 again on a new server) count no more.
      watch = observeSteps(
        traffic.filter((check) => pending.has(check.id)),
        say,
      );
    },
  };
}
