import { consoleText } from '../components/exercise/console-text.ts';
import * as acknowledgements from '../lessons/acknowledgements/events.ts';
import * as emitVsBroadcast from '../lessons/emit-vs-broadcast/events.ts';
import * as namespacesAndMiddleware from '../lessons/namespaces-and-middleware/events.ts';
import * as rooms from '../lessons/rooms/events.ts';
import { whenSettled } from '../server/plumbing/when-settled.ts';
import { memoryChatHistory } from '../server/storage/chat-history.ts';
import { memoryCounters } from '../server/storage/counter.ts';

/**
 * The names a lesson's shown server code takes from its own `events.ts`
 * (event names, limits, timings), from each lesson's browser-safe module.
 * The in-page server does not know which lesson it serves, so they share one
 * scope: a name that two lessons give different values is an error.
 */
export const lessonNames = oneScope({ acknowledgements, emitVsBroadcast, namespacesAndMiddleware, rooms });

export function oneScope(modules: Record<string, Record<string, unknown>>) {
  const scope: Record<string, unknown> = {};
  const from: Record<string, string> = {};
  for (const [lesson, names] of Object.entries(modules)) {
    for (const [name, value] of Object.entries(names)) {
      if (name in scope && scope[name] !== value)
        throw new Error(`${name} means one thing in ${from[name]} and another in ${lesson}: rename one.`);
      scope[name] = value;
      from[name] = lesson;
    }
  }
  return scope;
}

/**
 * What a lesson's shown server code uses besides `io`, given to the learner's
 * server as globals, so that the code a lesson shows runs here as it is: the
 * workshop's services (in memory: this server is one process), its helpers,
 * the lessons' own names, and `log`.
 */
export function lessonScope() {
  return {
    ...lessonNames,
    counter: memoryCounters()('in-page'),
    history: memoryChatHistory(),
    whenSettled,
    // The workshop's server logs with `debug`; here what it logs goes to the console below the code.
    log: (format: string, ...args: unknown[]) =>
      console.log(
        format.replace(/%[sdoOj]/g, () => consoleText(args.shift())),
        ...args,
      ),
  };
}
