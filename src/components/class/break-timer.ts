import type { BreakTimer } from '../../shared/class-mode.ts';

/** After a break ends, "The break is over" stays this long. */
const OVER_SHOWN_MS = 60_000;

const clock = (ms: number) => {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

/**
 * The break on a student's page: "Break: 4:59 left", counted down here from
 * the end time the server sent (by the server's clock: a page whose clock is
 * off still ends with everyone), then "The break is over". The countdown
 * changes every second, so it is not read out at each tick (`aria-live="off"`);
 * its start and end are said once, in `aloud`.
 */
export function createBreakTimer(status: HTMLElement, aloud: HTMLElement) {
  let timer: ReturnType<typeof setInterval> | undefined;
  let shown: BreakTimer | null = null;
  let skew = 0; // the server's clock minus this page's

  const now = () => Date.now() + skew;

  function over() {
    clearInterval(timer);
    status.textContent = 'The break is over';
    status.hidden = false;
    aloud.textContent = 'The break is over.';
    timer = setTimeout(() => (status.hidden = true), OVER_SHOWN_MS);
  }

  function tick() {
    const left = shown!.endsAt - now();
    if (left <= 0) return over();
    status.textContent = `Break: ${clock(left)} left`;
  }

  return {
    /** The class's break now (or none), and when the server said so by its clock. */
    show(next: BreakTimer | null, sentAt: number) {
      skew = sentAt - Date.now();
      if (JSON.stringify(next) === JSON.stringify(shown)) return;
      const had = shown;
      shown = next;
      clearInterval(timer);
      clearTimeout(timer);
      if (!next) {
        // Ended early by the instructor: say so; never started (a page just opened): nothing.
        if (had && had.endsAt > now()) over();
        else if (!had) status.hidden = true;
        return;
      }
      if (next.endsAt <= now()) {
        // Over already: said only if it ended a moment ago.
        if (now() - next.endsAt < OVER_SHOWN_MS) over();
        return;
      }
      status.hidden = false;
      status.setAttribute('aria-live', 'off');
      tick();
      const until = new Date(Date.now() + (next.endsAt - now())).toLocaleTimeString([], {
        hour: '2-digit',
        minute: '2-digit',
      });
      aloud.textContent = `A break of ${next.minutes} minute${next.minutes === 1 ? '' : 's'} has started, until ${until}.`;
      timer = setInterval(tick, 1000);
    },
  };
}
