import { summaryRow, table } from '../report.ts';
import type { RosterResult } from './run.ts';

/** The roster bench in one table: the server's update latency, then the page's own times. */
export function rosterTable(r: RosterResult) {
  const body = [summaryRow('student:progress → roster:delta', r.update, `p99 < ${r.update.goalP99Ms}`)];
  if (r.browser && !('error' in r.browser)) {
    const b = r.browser;
    body.push(
      summaryRow('dashboard: apply one delta', b.applyMs),
      summaryRow('dashboard: delta → rows drawn', b.drawnMs),
      summaryRow('dashboard: delta → frame painted', b.paintedMs),
      summaryRow('dashboard: frame while scrolling', b.scrollFrameMs),
      summaryRow('dashboard: frame scrolling, class quiet', b.quietScrollFrameMs),
    );
  }
  const text = table(
    [`${r.students} students, ${r.update.perSecond} steps/s`, 'samples', 'p50 ms', 'p99 ms', 'max ms', 'goal'],
    body,
  );
  const deltas = `${r.deltas.count} deltas (${r.deltas.perSecond}/s), ${r.deltas.changedPerDelta} students each on average`;
  const dom =
    r.browser && !('error' in r.browser)
      ? `; the grid held ${r.browser.rowsInDom} rows in the DOM for ${r.browser.ariaRowCount - 1} students ("${r.browser.count}"), ${r.browser.scrollFrameMs.longFrames} frames over 50 ms while scrolling`
      : '';
  return `${text}\n\n${deltas}${dom}.`;
}

/** Whether the dashboard keeps up, in one sentence. */
export function rosterSentence(r: RosterResult) {
  const lost = r.update.emitted - r.update.received;
  if (lost > 0) return `The dashboard never heard ${lost} of ${r.update.emitted} steps.`;
  const verdict = r.update.p99 < r.update.goalP99Ms ? 'within' : 'over';
  return `With ${r.students} students doing ${r.update.perSecond} steps a second, the dashboard hears each step in ${r.update.p50} ms (p50), ${r.update.p99} ms (p99): ${verdict} the ${r.update.goalP99Ms} ms goal.`;
}
