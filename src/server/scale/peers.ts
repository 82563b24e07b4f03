import type { DefaultEventsMap, Server } from 'socket.io';
import type { Logger } from '../log.ts';
import type { InterServerEvents } from '../plumbing/types.ts';

type Answer<E extends keyof InterServerEvents> = Parameters<Parameters<InterServerEvents[E]>[2]>[0];
type Question<E extends keyof InterServerEvents> = Parameters<InterServerEvents[E]>;

/**
 * The other server processes of this workshop (through the Socket.IO
 * adapter's server-side events). Alone, there is nobody to ask.
 */
export interface Peers {
  /** Every other process's answer; a process that does not answer within 5 s is left out. */
  ask<E extends keyof InterServerEvents>(event: E, code: string, payload: Question<E>[1]): Promise<Answer<E>[]>;
  answer<E extends keyof InterServerEvents>(
    event: E,
    handler: (code: string, payload: Question<E>[1]) => Promise<Answer<E>> | Answer<E>,
  ): void;
}

export const noPeers: Peers = {
  ask: async () => [],
  answer: () => {},
};

export function socketIoPeers(
  io: Server<DefaultEventsMap, DefaultEventsMap, InterServerEvents, unknown>,
  logger: Logger,
  /** True once the app is closing: its Redis connections are about to go. */
  closing: () => boolean = () => false,
): Peers {
  return {
    ask(event, code, payload) {
      // Socket.IO drops the promise of a server-side emit; on a closed Redis connection it
      // rejects unhandled. A closing server asks nobody (its sockets are leaving anyway).
      if (closing()) return Promise.resolve([]);
      return new Promise((resolve) => {
        // On a timeout, Socket.IO still hands over the answers that came.
        (io.serverSideEmit as (...args: unknown[]) => boolean)(
          event,
          code,
          payload,
          (error: Error | null, answers: Answer<typeof event>[]) => {
            if (error) logger.warn({ event, err: error }, 'a server process did not answer');
            resolve(answers ?? []);
          },
        );
      });
    },
    answer(event, handler) {
      (io.on as (event: string, listener: (...args: never[]) => void) => void)(
        event,
        async (code: string, payload: Question<typeof event>[1], done: (answer: unknown) => void) => {
          try {
            done(await handler(code, payload));
          } catch (error) {
            logger.error({ err: error, event }, 'answering another server process failed');
          }
        },
      );
    },
  };
}
