import type { Traffic } from '../demo/traffic.ts';

export interface StepRule {
  id: string;
  when: {
    after?: string;
    received: string;
    by: 'sender' | 'another' | 'elsewhere';
    includes?: string;
    on?: string;
    /** The send it answers is the page's latest: nothing else was sent from the page in between. */
    latest?: boolean;
  };
}

/** A receipt counts as an answer to a send this recent (a server may take a few seconds). */
const ANSWER_MS = 5000;
/** "Elsewhere": a change after this long without a send from the page. */
const QUIET_MS = 2000;

/**
 * Watches a demo's traffic and says when a step's fact happens. The rules
 * read only what the page itself saw, so a step cannot tick by accident of
 * another page, and no lesson code has to report anything.
 */
export function observeSteps(rules: StepRule[], onSeen: (id: string) => void, now = () => performance.now()) {
  const sends: { client: number; event: string; at: number }[] = [];
  /** Per client, the events received since it (re)connected: the first one is the state on arrival. */
  const received = new Map<number, Set<string>>();
  const pending = new Set(rules.map((rule) => rule.id));

  function matches(rule: StepRule, traffic: Traffic, at: number) {
    const { after, received: event, by, includes, on, latest } = rule.when;
    if (traffic.event !== event || (includes && !traffic.text?.includes(includes))) return false;
    if (on && !traffic.namespace?.endsWith(on)) return false;
    if (by === 'elsewhere')
      return !sends.some((send) => at - send.at <= QUIET_MS) && (received.get(traffic.client)?.has(event) ?? false);
    return (latest ? sends.slice(-1) : sends).some(
      (send) =>
        at - send.at <= ANSWER_MS &&
        (!after || send.event === after) &&
        (by === 'sender') === (send.client === traffic.client),
    );
  }

  return (traffic: Traffic) => {
    const at = now();
    if (traffic.direction === 'connected') return void received.set(traffic.client, new Set());
    if (traffic.direction === 'sent') return void sends.push({ client: traffic.client, event: traffic.event, at });
    for (const rule of rules) {
      if (pending.has(rule.id) && matches(rule, traffic, at)) {
        pending.delete(rule.id);
        onSeen(rule.id);
      }
    }
    const seen = received.get(traffic.client) ?? new Set<string>();
    seen.add(traffic.event);
    received.set(traffic.client, seen);
    while (sends.length && at - sends[0]!.at > ANSWER_MS) sends.shift();
  };
}
