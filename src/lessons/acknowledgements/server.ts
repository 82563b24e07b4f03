import {
  acknowledgements,
  CLIENT_ANSWER_TIMEOUT_MS,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from './contract.ts';
import type { LessonNamespace } from '../../server/plumbing/types.ts';

export const contract = acknowledgements;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// #region server
export function register(io: LessonNamespace<ClientToServerEvents, ServerToClientEvents>) {
  io.on('connection', (socket) => {
    // #region answer
    // The last argument is the client's callback: calling it sends the answer back,
    // to this client only, matched to this very question.
    socket.on('question:send', async ({ text, delayMs }, ack) => {
      const started = Date.now();
      await sleep(delayMs); // a slow database, say: the reader sets how slow
      ack({ ok: true, answer: `You asked "${text}". The answer is 42.`, waitedMs: Date.now() - started });
    });
    // #endregion

    // #region ask-client
    // The other way round: the server asks, and waits at most 3 seconds for the client.
    socket.on('question:request', async (ack) => {
      try {
        const reply = await socket.timeout(CLIENT_ANSWER_TIMEOUT_MS).emitWithAck('question:ask', { text: 'What is your favourite number?' });
        // A client's answer is input like any other: a short string, or nothing.
        const answer = typeof reply?.answer === 'string' ? reply.answer.slice(0, 100) : '(an answer without text)';
        ack({ ok: true, answer });
      } catch {
        ack({ ok: false, error: `The client did not answer within ${CLIENT_ANSWER_TIMEOUT_MS / 1000} seconds.` });
      }
    });
    // #endregion
  });
}
// #endregion
