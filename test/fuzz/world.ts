import { io, type Socket } from 'socket.io-client';
import { STAFF_TOKEN } from '../../src/lessons/namespaces-and-middleware/contract.ts';
import { type ServerChild, startServerChild } from './child.ts';

/**
 * A server under fuzz, with honest clients in its namespaces: a class made
 * through `/instructor`, a student in it, and people in the public lessons
 * and in the class's. `probe` asks each of them to do what it came for.
 */
export const TOKEN = 'fuzz-instructor-token';
export const STUDENT_KEY = 'honest-student-key-0001';
/** A second honest student, for the class chat (in a class, each one chats under their own name). */
const SECOND_KEY = 'honest-student-key-0002';

export interface World {
  server: ServerChild;
  code: string;
  honest: Socket[];
  /** Checks that every honest client is still served; resolves with what went wrong (empty: all well). */
  probe(): Promise<string[]>;
  close(): Promise<void>;
}

const HONEST_TIMEOUT_MS = 3000;

let honestClients = 0;
/** Each honest client comes from a loopback address of its own (127.0.0.2 and on), as people do from their machines. */
export const honestAddress = () => `127.0.${Math.floor(honestClients / 250) % 250}.${2 + (honestClients++ % 250)}`;

function open(url: string, namespace: string, auth?: object): Promise<Socket> {
  const socket = io(url + namespace, {
    auth,
    forceNew: true,
    transports: ['websocket'],
    reconnection: false,
    localAddress: honestAddress(),
  } as object);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`honest client could not connect to ${namespace} in time`)),
      HONEST_TIMEOUT_MS,
    );
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      reject(new Error(`honest client refused by ${namespace}: ${error.message}`));
    });
  });
}

/** What an honest client hears: the checks only read fields (`m?.text`), so a non-object reads as no match. */
type Heard = Record<string, unknown> | undefined;

/** The next `event` on `socket` that `match` accepts, or a rejection after the timeout. */
function heard(socket: Socket, event: string, match: (...args: Heard[]) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const listener = (...args: Heard[]) => {
      if (!match(...args)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve();
    };
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no "${event}" within ${HONEST_TIMEOUT_MS} ms`));
    }, HONEST_TIMEOUT_MS);
    socket.on(event, listener);
  });
}

async function ack(socket: Socket, event: string, ...args: unknown[]) {
  return socket.timeout(HONEST_TIMEOUT_MS).emitWithAck(event, ...args);
}

function expectOk(answer: unknown, what: string) {
  if ((answer as { ok?: unknown } | null | undefined)?.ok !== true)
    throw new Error(`${what} answered ${JSON.stringify(answer)}`);
}

export async function createWorld(): Promise<World> {
  const server = await startServerChild({ FUZZ_TOKEN: TOKEN });
  const { url } = server;
  const honest: Socket[] = [];
  const namespaceOf = new Map<Socket, string>();
  const connect = async (namespace: string, auth?: object) => {
    const socket = await open(url, namespace, auth);
    honest.push(socket);
    namespaceOf.set(socket, namespace);
    return socket;
  };

  try {
    const instructor = await connect('/instructor', { token: TOKEN });
    const created = await ack(instructor, 'class:create', { title: 'Fuzz class' });
    expectOk(created, 'class:create');
    const code = created.code as string;
    const student = await connect(`/class/${code}`, { name: 'Honest', key: STUDENT_KEY });
    await connect(`/class/${code}`, { name: 'Second', key: SECOND_KEY });

    const intro = await connect('/sockets-intro', { name: 'Honest' });
    const emitter = await connect('/emit-vs-broadcast', { name: 'Honest' });
    const roomie = await connect('/rooms', { name: 'Honest' });
    expectOk(await ack(roomie, 'IO_CLIENT_JOIN_ROOM', 'honest-room'), 'rooms join');
    const [ada, bo] = [await connect('/chat'), await connect('/chat')];
    expectOk(await ack(ada!, 'join', { name: 'Ada', room: 'honest-lobby' }), 'chat join');
    expectOk(await ack(bo!, 'join', { name: 'Bo', room: 'honest-lobby' }), 'chat join');
    const asker = await connect('/acknowledgements', { name: 'Honest' });
    const lobby = await connect('/namespaces-and-middleware', { name: 'Honest' });
    const staff = await connect('/namespaces-and-middleware/staff', { name: 'Honest', token: STAFF_TOKEN });
    const team = await connect('/namespaces-and-middleware/team-honest', { name: 'Honest' });
    const node = await connect('/scaling-out/node-1', { name: 'Honest' });
    const classIntro = await connect(`/class/${code}/sockets-intro`, { classKey: STUDENT_KEY });
    const [cAda, cBo] = [
      await connect(`/class/${code}/chat`, { classKey: STUDENT_KEY }),
      await connect(`/class/${code}/chat`, { classKey: SECOND_KEY }),
    ];
    expectOk(await ack(cAda!, 'join', { name: 'Honest', room: 'honest-lobby' }), 'class chat join');
    expectOk(await ack(cBo!, 'join', { name: 'Second', room: 'honest-lobby' }), 'class chat join');
    const classTeam = await connect(`/class/${code}/namespaces-and-middleware/team-honest`, { classKey: STUDENT_KEY });

    let round = 0;
    const checks: [string, () => Promise<void>][] = [
      ['/instructor class:list', async () => expectOk(await ack(instructor, 'class:list'), 'class:list')],
      [
        `/class/${code} student:where`,
        async () => expectOk(await ack(student, 'student:where', { lesson: 'chat', section: null }), 'student:where'),
      ],
      [
        '/sockets-intro increment',
        async () => {
          const answer = await ack(intro, 'increment');
          if (JSON.stringify(answer) !== '{"ok":true}') throw new Error(`increment answered ${JSON.stringify(answer)}`);
        },
      ],
      [
        '/emit-vs-broadcast emit:self',
        async () => {
          const text = `echo ${round}`;
          const echo = heard(emitter, 'message', (m) => m?.text === text && m?.kind === 'self');
          expectOk(await ack(emitter, 'emit:self', { text }), 'emit:self');
          await echo;
        },
      ],
      ['/rooms hello', async () => expectOk(await ack(roomie, 'IO_CLIENT_HELLO', `hi ${round}`), 'rooms hello')],
      ['/chat message from Ada to Bo', () => chatRound(ada!, bo!, 'Ada', `public ${round}`)],
      [
        '/acknowledgements question:send',
        async () => expectOk(await ack(asker, 'question:send', { text: 'ping', delayMs: 0 }), 'question:send'),
      ],
      ['/namespaces-and-middleware note', () => noteRound(lobby, `lobby ${round}`)],
      ['/namespaces-and-middleware/staff note', () => noteRound(staff, `staff ${round}`)],
      ['/namespaces-and-middleware/team-honest note', () => noteRound(team, `team ${round}`)],
      [
        '/scaling-out/node-1 message',
        async () => {
          const text = `node ${round}`;
          const seen = heard(node, 'message:new', (m) => m?.text === text);
          expectOk(await ack(node, 'message:send', { text }), 'message:send');
          await seen;
        },
      ],
      [
        `/class/${code}/sockets-intro increment`,
        async () => expectOk(await ack(classIntro, 'increment'), 'class increment'),
      ],
      [`/class/${code}/chat message from Honest to Second`, () => chatRound(cAda!, cBo!, 'Honest', `class ${round}`)],
      [`/class/${code}/namespaces-and-middleware/team-honest note`, () => noteRound(classTeam, `class team ${round}`)],
    ];

    return {
      server,
      code,
      honest,
      async probe() {
        round++;
        const problems: string[] = [];
        const disconnected = honest.filter((s) => !s.connected).map((s) => namespaceOf.get(s));
        if (disconnected.length) problems.push(`honest clients were disconnected from ${disconnected.join(', ')}`);
        const results = await Promise.allSettled(checks.map(([, check]) => check()));
        results.forEach((result, i) => {
          if (result.status === 'rejected')
            problems.push(`${checks[i]![0]}: ${(result.reason as Error)?.message ?? result.reason}`);
        });
        return problems;
      },
      async close() {
        for (const socket of honest) socket.disconnect();
        await server.stop();
      },
    };
  } catch (error) {
    for (const socket of honest) socket.disconnect();
    const death = server.death;
    await server.stop();
    throw new Error(`${(error as Error).message}${death ? `\n${death}` : ''}`, { cause: error });
  }
}

async function chatRound(from: Socket, to: Socket, user: string, text: string) {
  const delivered = heard(to, 'message', (m) => m?.text === text && m?.user === user);
  expectOk(await ack(from, 'sendMessage', text), 'sendMessage');
  await delivered;
}

async function noteRound(socket: Socket, text: string) {
  const seen = heard(socket, 'note:new', (m) => m?.text === text);
  expectOk(await ack(socket, 'note:post', { text }), 'note:post');
  await seen;
}
