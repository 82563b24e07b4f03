/**
 * The guard's clock, for the sandbox: time runs from a loop's first check in a
 * task, and starts again once the page has had a turn (a message to itself gets
 * through only then). So a loop that awaits between rounds runs as long as it
 * likes, and one that never lets go, or spins on resolved promises, is stopped.
 */
export function createLoopGuard(limitMs: number, now = () => performance.now(), afterTurn = onNextTurn) {
  let since: number | undefined;
  return (line: number) => {
    const time = now();
    if (since === undefined) {
      since = time;
      afterTurn(() => (since = undefined));
    } else if (time - since > limitMs) {
      since = undefined;
      throw Object.assign(
        new Error(`This loop ran for over ${limitMs / 1000} s without a pause, so it was stopped (an endless loop?).`),
        {
          line,
        },
      );
    }
  };
}

/** Calls `then` once the page has had a turn: a message to itself waits behind every other task. */
function onNextTurn(then: () => void) {
  const turn = new MessageChannel();
  turn.port1.onmessage = () => {
    turn.port1.close();
    then();
  };
  turn.port2.postMessage(null);
}
