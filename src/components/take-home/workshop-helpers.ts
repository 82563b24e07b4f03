/**
 * The entry of a take-home project's `workshop.js`: what the workshop's
 * lessons give their server code besides `io`, in memory (the project is one
 * process), built from the workshop's own code (see `project.ts`).
 */
import { nameKey } from '../../in-page-server/name-key.ts';
import { whenSettled } from '../../server/plumbing/when-settled.ts';
import { memoryChatHistory } from '../../server/storage/chat-history.ts';
import { memoryCounters } from '../../server/storage/counter.ts';

/** A number kept outside the handlers: `await counter.add(1)`, `await counter.get()`. */
export const counter = memoryCounters()('take-home');
/** A room's recent messages: `history.add(room, message)`, `history.recent(room, 50)`. */
export const history = memoryChatHistory();
/** `log('%s joined', name)`: the workshop logs with `debug`; here it is the console. */
export const log = (format: string, ...args: unknown[]) => console.log(format, ...args);
export { nameKey, whenSettled };
