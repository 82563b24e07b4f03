import { type FromSandbox, LOOP_GUARD, LOOP_LIMIT_MS, SANDBOX_PAGE, type ToSandbox } from '../../shared/sandbox.ts';
import { consoleText as format } from './console-text.ts';
import { lineOf as lineOfError, whereInCode } from './error-line.ts';
import { createLoopGuard } from './loop-clock.ts';
import { createPageHelpers } from './page-helpers.ts';
import { createIo } from './sandbox-io.ts';

/**
 * Runs inside the sandboxed frame: gives the learner's code `io()` (see
 * `sandbox-io.ts`), `page` and the loop guard, runs it when the lesson page
 * sends it, reports `console` output, errors (with line numbers), what the
 * page shows and how tall it is, and says it is alive twice a second so that
 * the lesson page can stop a busy loop.
 */
const post = (message: FromSandbox) => parent.postMessage(message, '*');
let started = false;

for (const level of ['log', 'info', 'warn', 'error'] as const) {
  console[level] = (...args: unknown[]) => post({ type: 'log', level, text: args.map(format).join(' ') });
}

const lineOf = (error: unknown) => lineOfError(error, SANDBOX_PAGE);
window.addEventListener('error', (event) => {
  event.preventDefault();
  post({ type: 'error', message: String(event.error?.message ?? event.message), ...whereInCode(event, SANDBOX_PAGE) });
});
window.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  post({ type: 'error', message: `Unhandled rejection: ${format(event.reason)}`, ...lineOf(event.reason) });
});
setInterval(() => post({ type: 'alive' }), 500);

// The page's height, for the frame around it: at each change of the page too,
// since a frame out of view is not rendered, so its ResizeObserver waits, and
// the frame would grow only when scrolled to, moving what is under the pointer.
let height = 0;
const sayHeight = () => {
  if (document.documentElement.scrollHeight === height) return;
  height = document.documentElement.scrollHeight;
  post({ type: 'size', height });
};
new ResizeObserver(sayHeight).observe(document.body);

// What the page shows, for the checks: said once per burst of changes.
let pageDue = false;
new MutationObserver(() => {
  sayHeight();
  if (pageDue) return;
  pageDue = true;
  setTimeout(() => {
    pageDue = false;
    // biome-ignore lint/performance/useDomNodeTextContent: the checks read the page as the learner sees it (hidden elements left out, a line per block), which only innerText gives
    post({ type: 'page', text: document.body.innerText.slice(0, 5000) });
  }, 100);
}).observe(document.body, { subtree: true, childList: true, characterData: true });

const io = createIo(post);
Object.assign(window, {
  io,
  page: createPageHelpers(document.querySelector('#app')!),
  [LOOP_GUARD]: createLoopGuard(LOOP_LIMIT_MS),
});

window.addEventListener('message', (event) => {
  if (event.source !== parent) return;
  const message = event.data as ToSandbox;
  if (message.type !== 'run' || started) return; // one run per frame
  started = true;
  const script = document.createElement('script');
  script.type = 'module'; // so that `await` works at the top level
  script.textContent = message.code;
  document.body.append(script);
});
post({ type: 'ready' });
