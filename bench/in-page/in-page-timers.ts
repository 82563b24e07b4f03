// Timers that run inside the lesson page (passed to `page.evaluate`), on the
// page's own clock: no Playwright round trip between the start and the end.
// Each function stands alone: Playwright sends its source, not its scope.

/**
 * Clicks `run` and resolves with the milliseconds until the demo says
 * "your server" and its first client, a new one, shows "connected".
 */
export function timeRunToConnected(run: HTMLElement): Promise<number> {
  const status = document.querySelector('[aria-label="Demo connected to"]');
  const list = document.querySelector('[data-clients]');
  if (!status || !list) throw new Error('no demo on this page');
  const before = list.firstElementChild;
  const connected = () => {
    const first = list.firstElementChild;
    return (
      status.textContent === 'your server' &&
      first !== before &&
      first?.querySelector('[aria-label="Connection"]')?.textContent === 'connected'
    );
  };
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`no client connected to your server within 20 s (demo: ${status.textContent})`));
    }, 20_000);
    const observer = new MutationObserver(() => {
      if (!connected()) return;
      const ms = performance.now() - start;
      observer.disconnect();
      clearTimeout(timeout);
      resolve(ms);
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    const start = performance.now();
    run.click();
  });
}

/**
 * `times` broadcasts, one after the other: the first client's Increment
 * (its click handler emits at once), then the milliseconds until every
 * client's Count shows the new number. `warmup` more go first, untimed.
 */
export async function timeBroadcasts({ times, warmup }: { times: number; warmup: number }): Promise<number[]> {
  const panels = [...(document.querySelector('[data-clients]')?.children ?? [])];
  const counts = panels.map((panel) => panel.querySelector('[aria-label="Count"]')!);
  const increment = [...(panels[0]?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Increment');
  if (!increment || counts.some((count) => !count)) throw new Error('no counter clients on this page');
  const once = () =>
    new Promise<number>((resolve, reject) => {
      const next = String(Number(counts[0]!.textContent) + 1);
      const timeout = setTimeout(() => {
        observer.disconnect();
        reject(new Error(`a broadcast did not reach all ${counts.length} clients within 5 s`));
      }, 5000);
      const observer = new MutationObserver(() => {
        if (!counts.every((count) => count.textContent === next)) return;
        const ms = performance.now() - start;
        observer.disconnect();
        clearTimeout(timeout);
        resolve(ms);
      });
      for (const count of counts) observer.observe(count, { subtree: true, childList: true, characterData: true });
      const start = performance.now();
      increment.click();
    });
  const samples: number[] = [];
  for (let i = 0; i < warmup + times; i++) {
    const ms = await once();
    if (i >= warmup) samples.push(ms);
    await new Promise((resolve) => setTimeout(resolve, 20)); // the page settles between two
  }
  return samples;
}
