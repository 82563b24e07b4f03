import type { StepRule } from '../site/observe-steps.ts';

/**
 * What an exercise check waits for, said in a sentence made from its rule in
 * the frontmatter (`explain` there replaces it). Names of events are in
 * backticks; `codeText` shows them as code.
 */

type TrafficWhen = StepRule['when'];
type ShowsWhen = { shows: string; field?: string; fromFirst?: boolean; includes?: string };
type TestsWhen = { tests: 'pass' } | { tests: 'fail'; about: string };

export interface ExplainedCheck {
  id: string;
  explain?: string;
  when: TrafficWhen | ShowsWhen | TestsWhen;
}

/** Whose traffic a check reads: the learner's client code, the demo's clients on the learner's server, or test runs. */
export type CheckSource = 'code' | 'your-server' | 'tests';

const name = (event: string) => `\`${event}\``;

/** What arrives, in words: an acknowledgement and the connection's own events are not event names a learner emits. */
function arrival(event: string) {
  if (event === 'ack') return 'the answer to it (its acknowledgement)';
  if (event === 'connect') return "the server's answer to the connection";
  if (event === 'connect_error') return 'a refusal (`connect_error`)';
  if (event === 'disconnect') return 'a `disconnect`';
  return name(event);
}

function trafficSentence(when: TrafficWhen, source: CheckSource) {
  const sender = source === 'code' ? 'your page' : 'a demo client';
  const receiver =
    when.by === 'sender'
      ? source === 'code'
        ? 'your page'
        : 'that same client'
      : when.by === 'another'
        ? source === 'code'
          ? 'a demo client'
          : 'another client'
        : 'a client';
  const what =
    arrival(when.received) +
    (when.includes ? ` with \`${when.includes}\` in it` : '') +
    (when.on ? ` on the \`${when.on}\` namespace` : '');
  if (when.by === 'elsewhere')
    return `${receiver} receives ${what} while nobody on this page has sent anything for 2 s (someone in another window)`;
  const act = !when.after
    ? `${sender} sends anything`
    : when.after === 'connect'
      ? `${sender} connects`
      : `${sender} sends ${name(when.after)}`;
  const latest = when.latest ? ', with nothing else sent from the page in between' : '';
  const missed =
    when.missed === 'sender'
      ? ', and the sender does not get it within a second'
      : when.missed === 'another'
        ? ', and some other client that was connected then does not get it within a second'
        : '';
  return `after ${act}, ${receiver} receives ${what}${latest}${missed}`;
}

function showsSentence(when: ShowsWhen) {
  const value = when.field
    ? `the \`${when.field}\` of the latest ${name(when.shows)}`
    : `the latest ${name(when.shows)}`;
  const got = when.shows === 'ack' ? 'your code got back' : 'your code received';
  return (
    `your page's text to show ${value} ${got}` +
    (when.includes ? `, with \`${when.includes}\` in it` : '') +
    (when.fromFirst ? '' : ', after a change (the value sent on arrival does not count)')
  );
}

function testsSentence(when: TestsWhen) {
  return when.tests === 'pass'
    ? "a Run where your tests pass against the lesson's server (one test at least)"
    : `a Run where, once they all pass against the lesson's server, at least one of your tests fails against ${when.about}`;
}

/** "Waiting for: …", from the check's rule (or its `explain`). */
export function waitingFor(check: ExplainedCheck, source: CheckSource): string {
  const { when } = check;
  const sentence =
    check.explain ??
    ('tests' in when ? testsSentence(when) : 'shows' in when ? showsSentence(when) : trafficSentence(when, source));
  return `Waiting for: ${sentence.replace(/[.]$/, '')}.`;
}

/** Text with `backticked` names, as nodes: the names as code. */
export function codeText(text: string): Node[] {
  return text.split('`').map((part, index) => {
    if (index % 2 === 0) return document.createTextNode(part);
    const code = document.createElement('code');
    code.textContent = part;
    return code;
  });
}
