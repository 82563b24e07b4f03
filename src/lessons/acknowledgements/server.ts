import type { LessonNamespace } from '../../server/plumbing/types.ts';
import {
  acknowledgements,
  CLIENT_ANSWER_TIMEOUT_MS,
  type ClientToServerEvents,
  MAX_POLL_ANSWERS,
  type ServerToClientEvents,
} from './contract.ts';

export const contract = acknowledgements;

export function register(
  io: LessonNamespace<ClientToServerEvents, ServerToClientEvents>,
) {
  // #region server
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const QUESTION = { text: 'What is your favourite number?' };

  // #region answer-text
  // A client's answer is input like any other: a short string, or nothing.
  function answerText(reply?: { answer?: unknown }) {
    if (typeof reply?.answer !== 'string') return '(an answer without text)';
    return reply.answer.slice(0, 100);
  }
  // #endregion

  io.on('connection', (socket) => {
    // #region answer
    // The last argument is the client's callback: calling it sends the answer back,
    // to this client only, matched to this very question.
    socket.on('question:send', async ({ text, delayMs }, ack) => {
      const started = Date.now();
      await sleep(delayMs); // a slow database, say: the reader sets how slow
      const answer = `You asked "${text}". The answer is 42.`;
      ack?.({ ok: true, answer, waitedMs: Date.now() - started });
    });
    // #endregion

    // #region ask-client
    // The other way round: the server asks, and waits at most 3 seconds for the client.
    socket.on('question:request', async (ack) => {
      try {
        const reply = await socket
          .timeout(CLIENT_ANSWER_TIMEOUT_MS)
          .emitWithAck('question:ask', QUESTION);
        ack?.({ ok: true, answer: answerText(reply) });
      } catch {
        const seconds = CLIENT_ANSWER_TIMEOUT_MS / 1000;
        ack?.({
          ok: false,
          error: `The client did not answer within ${seconds} seconds.`,
        });
      }
    });
    // #endregion

    // #region ask-everyone
    // Ask every client of the namespace, on every server: one answer per client.
    socket.on('question:poll', (ack) => {
      const everyone = io.timeout(CLIENT_ANSWER_TIMEOUT_MS);
      everyone.emit('question:ask', QUESTION, (err, replies) => {
        // `err`: some clients did not answer in time; `replies` holds those that did.
        const answers = replies.slice(0, MAX_POLL_ANSWERS).map(answerText);
        ack?.({ ok: true, answers, everyone: !err });
      });
    });
    // #endregion
  });
  // #endregion
}
