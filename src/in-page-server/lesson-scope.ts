import { consoleText } from '../components/exercise/console-text.ts';
import { whenSettled } from '../server/plumbing/when-settled.ts';
import { memoryChatHistory } from '../server/storage/chat-history.ts';
import { memoryCounters } from '../server/storage/counter.ts';
import type { ServerRunOptions } from '../shared/server-sandbox.ts';
import { nameKey } from './name-key.ts';

/** A name the code may use as a global: not one of the scope's own, and a plain identifier. */
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * What a lesson's shown server code uses besides `io`, given to the learner's
 * server as globals, so that the code a lesson shows runs here as it is: the
 * workshop's services (in memory: this server is one process), its helpers,
 * `log`, and the names of the lesson's own `events.ts` (event names, limits,
 * timings), which the page sends with the run (see `Exercise.astro`).
 */
export function lessonScope(names: ServerRunOptions['names'] = {}) {
  const own = Object.fromEntries(
    Object.entries(names).filter(
      ([name, value]) => IDENTIFIER.test(name) && ['string', 'number', 'boolean'].includes(typeof value),
    ),
  );
  return {
    ...own,
    counter: memoryCounters()('in-page'),
    history: memoryChatHistory(),
    nameKey,
    whenSettled,
    // The workshop's server logs with `debug`; here what it logs goes to the console below the code.
    log: (format: string, ...args: unknown[]) =>
      console.log(
        format.replace(/%[sdoOj]/g, () => consoleText(args.shift())),
        ...args,
      ),
  };
}
