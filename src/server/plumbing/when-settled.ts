/**
 * A list of who is connected (or who is in which room) goes to everyone on
 * every change. Asked of every server with `fetchSockets()`, it can be wrong
 * in two ways when two people arrive at the same moment on two servers: each
 * server may ask the other before the other has seen its newcomer, and the
 * two lists can arrive in either order. What this does about it:
 *
 * - `send` runs once things have been quiet for `quietMs` after a change (and
 *   at least every `atMostMs` while changes keep coming, so a stream of them
 *   cannot hold the list back for ever). The last change anywhere is then
 *   followed, `quietMs` later, by a list from its server, made after every
 *   server had seen it.
 * - `send` must wait less than `quietMs` for the other servers' answers
 *   (`io.timeout(ms).fetchSockets()`), so a list begun before that change
 *   reaches everyone before the one made after it.
 * - A `send` that fails (a server did not answer in time) is tried again a
 *   moment later, up to `tries` times in a row; the next change tries anew.
 */
export function whenSettled(
  send: () => Promise<unknown>,
  { quietMs, atMostMs = 5 * quietMs, tries = 10 }: { quietMs: number; atMostMs?: number; tries?: number },
) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastChange = 0;
  let waitingSince: number | undefined;
  let failures = 0;

  function schedule() {
    clearTimeout(timer);
    const at = Math.min(lastChange + quietMs, waitingSince! + atMostMs);
    timer = setTimeout(fire, Math.max(0, at - Date.now()));
  }

  function fire() {
    timer = undefined;
    const quiet = Date.now() - lastChange >= quietMs;
    // Sent early (changes kept coming): the list after the last of them is still due.
    waitingSince = quiet ? undefined : Date.now();
    if (!quiet) schedule();
    send().then(
      () => (failures = 0),
      () => {
        if (++failures < tries) retry();
        else failures = 0;
      },
    );
  }

  function retry() {
    if (timer) return; // a send is due anyway
    waitingSince = lastChange = Date.now();
    schedule();
  }

  /** Something changed: a list is due. */
  return function changed() {
    lastChange = Date.now();
    waitingSince ??= lastChange;
    failures = 0;
    schedule();
  };
}
