import { PROGRESS_CHANGE, progressText, readProgress, stepsDone } from './progress.ts';

/**
 * Fills every `[data-progress-of=<lesson>][data-total=<steps>]` in `root` with
 * how much of that lesson was tried, and keeps it up to date (this page, other tabs).
 * `data-short`: a tick or "1/3", with the words for screen readers.
 */
export function showProgress(root: ParentNode) {
  const update = () => {
    const progress = readProgress();
    for (const mark of root.querySelectorAll<HTMLElement>('[data-progress-of]')) {
      const total = Number(mark.dataset.total);
      const done = Math.min(stepsDone(mark.dataset.progressOf!, progress).size, total);
      const words = done ? progressText(done, total) : '';
      mark.classList.toggle('complete', done >= total && total > 0);
      mark.hidden = done === 0; // an empty mark would still take room (and wrap a line)
      if (!('short' in mark.dataset)) {
        mark.textContent = words;
        continue;
      }
      const seen = document.createElement('span');
      seen.setAttribute('aria-hidden', 'true');
      seen.textContent = done >= total ? '✓' : done ? `${done}/${total}` : '';
      const heard = document.createElement('span');
      heard.className = 'visually-hidden';
      heard.textContent = words && ` (${words})`;
      mark.replaceChildren(seen, heard);
    }
  };
  update();
  document.addEventListener(PROGRESS_CHANGE, update);
  addEventListener('storage', update);
}
