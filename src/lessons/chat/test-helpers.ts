import assert from 'node:assert/strict';
import type { Socket } from 'socket.io-client';
import type { ContractServer } from '../../../test/contract-harness.ts';
import { collect, settle } from '../../../test/events.ts';
import {
  type ChatMessage,
  type ClientToServerEvents,
  ROOM_LIST_DELAY_MS,
  type ServerToClientEvents,
} from './contract.ts';

// What both of this lesson's test files use: contract.test.ts (which runs in a
// browser page too, so nothing Node-only here) and server.test.ts.

export type ChatClient = Socket<ServerToClientEvents, ClientToServerEvents>;
export const NSP = '/chat';

/** History tests send faster than a person may: the limits lifted (the limit has its own test). */
export const LIFTED_RATES = {
  message: { perSecond: 1000, burst: 1000 },
  event: { perSecond: 1000, burst: 1000 },
};

/** Connects ada, bo and cy, in that order, and lets their arrivals be told. */
export async function openThree(
  server: Pick<ContractServer, 'client'>,
): Promise<[ChatClient, ChatClient, ChatClient]> {
  const three: ChatClient[] = [];
  for (const name of ['ada', 'bo', 'cy'])
    three.push(
      await server.client<ServerToClientEvents, ClientToServerEvents>(NSP, { name }),
    );
  await settle();
  return three as [ChatClient, ChatClient, ChatClient];
}

/**
 * Disconnects every one of `opened` (and empties it). A chatter who goes is
 * announced (and the notice stored): this lets that finish before the stores close.
 */
export async function leaveAll(opened: ChatClient[]) {
  for (const c of opened) c.disconnect();
  opened.length = 0;
  await settle(150);
}

/** Drops the connection as a network would (the client will reconnect by itself). */
export const drop = (client: ChatClient) => client.io.engine.close();

/** `client` joins `room` as `name`, and has the history; the Online list follows a moment later. */
export async function join(
  client: ChatClient,
  name: string,
  room: string,
): Promise<ChatMessage[]> {
  const answer = await client.emitWithAck('join', { name, room });
  assert.equal(answer.ok, true, JSON.stringify(answer));
  await settle(ROOM_LIST_DELAY_MS + 80); // the Online list follows a moment later
  return answer.ok ? answer.history : [];
}

/** An event, its arguments, and the sentence it must be refused with. */
export type Refusal = [event: string, args: unknown[], error: RegExp];

/**
 * Each of `cases`, sent by `sender`, is refused with its sentence, reaches
 * neither of `others` and does not change Online (as the first of them sees it).
 */
export async function refusedQuietly(
  sender: ChatClient,
  others: [ChatClient, ChatClient],
  cases: Refusal[],
) {
  const raw = sender as unknown as Socket;
  for (const [event, args, error] of cases) {
    const heard = Promise.all(others.map((c) => collect(c, 'message')));
    const lists = collect(others[0], 'roomData');
    const answer = await raw.emitWithAck(event, ...args);
    assert.equal(answer.ok, false, `${event} ${JSON.stringify(args)}`);
    assert.match(answer.error, error, `${event} ${JSON.stringify(args)}`);
    assert.deepEqual(
      await heard,
      [[], []],
      `${event} ${JSON.stringify(args)} reached someone`,
    );
    assert.deepEqual(
      await lists,
      [],
      `${event} ${JSON.stringify(args)} changed Online`,
    );
  }
}
