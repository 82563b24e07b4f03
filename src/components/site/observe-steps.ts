import type { Traffic } from '../demo/traffic.ts';

export interface StepRule {
  id: string;
  when: {
    after?: string;
    received: string;
    by: 'sender' | 'another' | 'elsewhere';
    includes?: string;
    on?: string;
    /** And it did not reach the sender, or some other client that was on the page at the send, within `MISSED_MS`. */
    missed?: 'sender' | 'another';
    /** The send it answers is the page's latest: nothing else was sent from the page in between. */
    latest?: boolean;
  };
}

/** A receipt counts as an answer to a send this recent (a server may take a few seconds). */
const ANSWER_MS = 5000;
/** "Elsewhere": a change after this long without a send from the page. */
const QUIET_MS = 2000;
/** "Missed": nothing came to that client this long after the send. */
export const MISSED_MS = 1000;

interface Send {
  client: number;
  event: string;
  at: number;
}

/**
 * Watches a demo's traffic and says when a step's fact happens. The rules
 * read only what the page itself saw, so a step cannot tick by accident of
 * another page, and no lesson code has to report anything. A rule with
 * `missed` is judged `MISSED_MS` after the send it answers (`later`).
 */
export function observeSteps(
  rules: StepRule[],
  onSeen: (id: string) => void,
  now = () => performance.now(),
  later = (then: () => void, ms: number) => void setTimeout(then, ms),
) {
  const sends: Send[] = [];
  /** Per client, the events received since it (re)connected: the first one is the state on arrival. */
  const received = new Map<number, Set<string>>();
  /** Per client, when it (re)connected: a client that came after a send cannot have missed it. */
  const since = new Map<number, number>();
  /** Recent receipts, for the rules that ask who did not get something. */
  const receipts: { traffic: Traffic; at: number }[] = [];
  const pending = new Set(rules.map((rule) => rule.id));
  /** Per `missed` rule, the sends it judges (each once). */
  const judged = new Map(rules.map((rule) => [rule.id, new Set<Send>()]));

  const say = (id: string) => pending.delete(id) && onSeen(id);

  function sameMessage(rule: StepRule, traffic: Traffic) {
    const { received: event, includes, on } = rule.when;
    if (traffic.event !== event || (includes && !traffic.text?.includes(includes))) return false;
    return !on || (traffic.namespace?.endsWith(on) ?? false);
  }

  /** The recent sends of the page that `traffic` answers under `rule`. */
  const answered = (rule: StepRule, at: number, client: number) =>
    (rule.when.latest ? sends.slice(-1) : sends).filter(
      (send) =>
        at - send.at <= ANSWER_MS &&
        (!rule.when.after || send.event === rule.when.after) &&
        (rule.when.by === 'sender') === (send.client === client) &&
        // Another client that (re)connected after the send got the state on arrival, not the send's answer.
        (rule.when.by !== 'another' || (since.get(client) ?? Number.NEGATIVE_INFINITY) <= send.at),
    );

  function matches(rule: StepRule, traffic: Traffic, at: number) {
    if (!sameMessage(rule, traffic)) return false;
    if (rule.when.by === 'elsewhere')
      return (
        !sends.some((send) => at - send.at <= QUIET_MS) && (received.get(traffic.client)?.has(traffic.event) ?? false)
      );
    const answers = answered(rule, at, traffic.client);
    if (!rule.when.missed) return answers.length > 0;
    const once = judged.get(rule.id)!;
    for (const send of answers.filter((send) => !once.has(send))) {
      once.add(send);
      later(() => judge(rule, send), Math.max(0, send.at + MISSED_MS - at));
    }
    return false;
  }

  /** A moment after `send`: did what `rule` looks for miss the sender, or another client that was there? */
  function judge(rule: StepRule, send: Send) {
    if (!pending.has(rule.id)) return;
    const got = new Set(
      receipts
        .filter(({ traffic, at }) => at >= send.at && at - send.at <= MISSED_MS && sameMessage(rule, traffic))
        .map(({ traffic }) => traffic.client),
    );
    const missed =
      rule.when.missed === 'sender'
        ? !got.has(send.client)
        : [...since].some(([client, at]) => client !== send.client && at <= send.at && !got.has(client));
    if (missed) say(rule.id);
  }

  return (traffic: Traffic) => {
    const at = now();
    if (traffic.direction === 'connected') {
      since.set(traffic.client, at);
      return void received.set(traffic.client, new Set());
    }
    if (traffic.direction === 'sent') return void sends.push({ client: traffic.client, event: traffic.event, at });
    receipts.push({ traffic, at });
    for (const rule of rules) {
      if (pending.has(rule.id) && matches(rule, traffic, at)) say(rule.id);
    }
    const seen = received.get(traffic.client) ?? new Set<string>();
    seen.add(traffic.event);
    received.set(traffic.client, seen);
    while (sends.length && at - sends[0]!.at > ANSWER_MS) sends.shift();
    while (receipts.length && at - receipts[0]!.at > ANSWER_MS) receipts.shift();
  };
}
