import type { Traffic } from '../demo/traffic.ts';
import type { CheckSource, ExplainedCheck } from './check-explain.ts';

/** How many receipts, and how many distinct sent events, a run's log keeps: what a line can say, bounded. */
const KEEP_RECEIPTS = 60;
const KEEP_SENDS = 12;
/** How many values of one event a line shows, and how long each may be. */
const SHOW_VALUES = 3;
const VALUE_CHARS = 40;

/** The learner's code among the page's clients (see `CODE_CLIENT` in checks.ts). */
const CODE = 0;

/**
 * What a run has seen, of the traffic the checks watch: how often each event
 * was sent (by the code, or by any client on the learner's server), and the
 * latest receipts. It lives for one Run; `reset` starts the next.
 */
export class SeenLog {
  readonly sends = new Map<string, number>();
  readonly receipts: Traffic[] = [];
  /** What the code's page shows (client exercises). */
  page = '';
  /** Per check, what a test run said about it (test exercises). */
  readonly outcomes = new Map<string, string>();

  add(traffic: Traffic) {
    if (traffic.direction === 'connected') return;
    if (traffic.direction === 'sent') {
      const count = this.sends.get(traffic.event) ?? 0;
      if (!count && this.sends.size >= KEEP_SENDS) return;
      this.sends.set(traffic.event, count + 1);
      return;
    }
    this.receipts.push(traffic);
    if (this.receipts.length > KEEP_RECEIPTS) this.receipts.shift();
  }

  reset() {
    this.sends.clear();
    this.receipts.length = 0;
    this.page = '';
    this.outcomes.clear();
  }
}

const short = (text = '') => (text.length > VALUE_CHARS ? `${text.slice(0, VALUE_CHARS - 1)}…` : text);
const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);
const who = (client: number, source: CheckSource) =>
  client === CODE ? 'your page' : source === 'code' ? `demo client ${client}` : `client ${client}`;

/** The values of the latest receipts, each with who got it: "3 (your page), 4 (client 2)". */
function values(receipts: Traffic[], source: CheckSource) {
  return receipts
    .slice(-SHOW_VALUES)
    .map((traffic) => `${short(traffic.text) || '(nothing)'} (${who(traffic.client, source)})`)
    .join(', ');
}

function sendsPart(after: string | undefined, log: SeenLog) {
  if (!after) return undefined;
  const count = log.sends.get(after) ?? 0;
  const others = [...log.sends.keys()].filter((event) => event !== after && event !== 'connect');
  if (after === 'connect') return count ? `connected ${times(count)}` : 'no connection yet';
  if (count) return `\`${after}\` sent ${times(count)}`;
  return others.length
    ? `no \`${after}\` sent yet (sent: ${others.map((event) => `\`${event}\``).join(', ')})`
    : `no \`${after}\` sent yet`;
}

/**
 * "Seen so far: …" for one open check, from this run's log: the sends its
 * rule answers, and the latest arrivals of the event it waits for, with a
 * word on why they do not count yet where the rule can tell.
 */
export function seenSoFar(check: ExplainedCheck, log: SeenLog, source: CheckSource): string {
  const { when } = check;
  if ('tests' in when) return `Seen so far: ${log.outcomes.get(check.id) ?? 'nothing yet (press Run)'}.`;
  const parts: string[] = [];
  if ('shows' in when) {
    const got = log.receipts.filter((traffic) => traffic.client === CODE && traffic.event === when.shows);
    if (got.length) {
      const latest = got.slice(-SHOW_VALUES).map((traffic) => short(traffic.text));
      parts.push(`\`${when.shows}\` reached your code: ${latest.join(', ')}`);
      if (!when.fromFirst && got.length === 1) parts.push('only the value sent on arrival so far');
      if (when.includes && !got.some((traffic) => traffic.text?.includes(when.includes!)))
        parts.push(`none with \`${when.includes}\` in it yet`);
      const page = short(log.page.replace(/\s+/g, ' ').trim());
      parts.push(page ? `your page shows "${page}"` : 'your page shows nothing');
    }
    return `Seen so far: ${parts.length ? parts.join('; ') : 'nothing yet'}.`;
  }
  const sent = sendsPart(when.after, log);
  if (sent && log.sends.size) parts.push(sent);
  const arrivals = log.receipts.filter(
    (traffic) => traffic.event === when.received && (!when.on || (traffic.namespace?.endsWith(when.on) ?? false)),
  );
  if (arrivals.length) {
    parts.push(`${when.received === 'ack' ? 'answers' : `\`${when.received}\``}: ${values(arrivals, source)}`);
    if (when.includes && !arrivals.some((traffic) => traffic.text?.includes(when.includes!)))
      parts.push(`none with \`${when.includes}\` in it yet`);
    if (source === 'code' && when.by === 'another' && arrivals.every((traffic) => traffic.client === CODE))
      parts.push('only your page got it, no demo client');
  } else if (log.sends.size) parts.push(when.received === 'ack' ? 'no answer yet' : `no \`${when.received}\` yet`);
  return `Seen so far: ${parts.length ? parts.join('; ') : 'nothing yet'}.`;
}
