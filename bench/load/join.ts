import type { Socket } from 'socket.io-client';

/** How long a join may go unanswered before it is asked again. */
const JOIN_TIMEOUT_MS = 10_000;
const ATTEMPTS = 3;

/**
 * Joins the chat room `room` as `name` on an opened `/chat` socket. A socket
 * that cannot connect says why; a join unanswered for 10 s is asked again (a
 * repeated join is answered like the first) and the bench says so, since a
 * slow join is a finding, but one late answer should not lose the whole run.
 */
export async function joinRoom(chat: Socket, name: string, room: string): Promise<void> {
  if (!chat.connected) {
    await new Promise<void>((resolve, reject) => {
      chat.once('connect', resolve);
      chat.once('connect_error', (error) => reject(new Error(`${name} could not connect to /chat: ${error.message}`)));
    });
  }
  for (let attempt = 1; ; attempt++) {
    let answer: { ok: boolean; error?: string };
    try {
      answer = await chat.timeout(JOIN_TIMEOUT_MS).emitWithAck('join', { name, room });
    } catch {
      if (attempt === ATTEMPTS)
        throw new Error(`${name} got no answer to its join in ${ATTEMPTS} tries of ${JOIN_TIMEOUT_MS / 1000} s`);
      console.log(`  note: ${name}'s join was not answered within ${JOIN_TIMEOUT_MS / 1000} s; asking again`);
      continue;
    }
    if (!answer.ok) throw new Error(`${name} could not join ${room}: ${answer.error}`);
    return;
  }
}
