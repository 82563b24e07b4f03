import { consoleText } from '../components/exercise/console-text.ts';
import { memoryChatHistory } from '../server/storage/chat-history.ts';
import { memoryCounters } from '../server/storage/counter.ts';

/**
 * What a lesson's shown server code uses besides `io`, given to the learner's
 * server as globals, so that the code a lesson shows runs here as it is: the
 * workshop's services (in memory: this server is one process) and `log`.
 */
export function lessonScope() {
  return {
    counter: memoryCounters()('in-page'),
    history: memoryChatHistory(),
    // The workshop's server logs with `debug`; here what it logs goes to the console below the code.
    log: (format: string, ...args: unknown[]) =>
      console.log(
        format.replace(/%[sdoOj]/g, () => consoleText(args.shift())),
        ...args,
      ),
  };
}
