import { io, Manager, type Socket } from 'socket.io-client';
import { CODE_ALPHABET, CODE_LENGTH } from '../../src/shared/namespaces.ts';
import type { SoakRates } from '../args.ts';

/**
 * The soak's load: clients that come and go, as a day of workshops brings
 * them, each kind at its own steady rate. Everything is bounded: a round trip
 * waits at most OP_TIMEOUT_MS, at most MAX_IN_FLIGHT of a kind run at once
 * (a start beyond that is skipped and counted: the server fell behind), and
 * `stop` waits for what is running, then closes whatever is left.
 */
const OP_TIMEOUT_MS = 10_000;
const MAX_IN_FLIGHT = 200;
/** A visit's chat lines, this far apart: long enough that visitors overlap in their rooms. */
const LINES = 4;
const LINE_GAP_MS = 250;
/** Chat visitors share a few rooms, so that they hear each other and the room lists change. */
const ROOMS = 8;
/** Long-lived connections that hop between namespaces; each retires after so many hops (its Manager caches every namespace it opened). */
const HOPPERS = 16;
const HOPS_PER_CONNECTION = 50;
const TICK_MS = 20;

type Kind = keyof SoakRates;

/** What the churn did so far: every counter only goes up. */
export interface ChurnCounts {
  /** Round trips the server answered as it should: connects, joins, chat lines, refusals, namespace hops. */
  operations: number;
  /** Visits to the chat that went through (connect, join, lines, leave). */
  chats: number;
  lines: number;
  refused: number;
  hops: number;
  /** Starts left out: MAX_IN_FLIGHT of their kind still running, or (a hop) every hopper busy. */
  skipped: number;
  errors: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const letters = (n: number, alphabet: string) =>
  Array.from({ length: n }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
const teamName = () => letters(8, 'abcdefghijklmnopqrstuvwxyz');

/** Every wait of the churn ends: with its answer, or after OP_TIMEOUT_MS, saying what did not come. */
async function within<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${OP_TIMEOUT_MS / 1000} s`)), OP_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves on `connect`; a `connect_error` rejects, saying what refused it. */
function connected(socket: Socket, what: string) {
  const answer = new Promise<void>((resolve, reject) => {
    const ok = () => {
      socket.off('connect_error', no);
      resolve();
    };
    const no = (error: Error) => {
      socket.off('connect', ok);
      reject(new Error(`${what}: refused with "${error.message}"`));
    };
    socket.once('connect', ok);
    socket.once('connect_error', no);
  });
  return within(answer, `${what}: connect`);
}

/** Resolves with the `connect_error` message; connecting after all rejects (the server let in what it should refuse). */
function refusal(socket: Socket, what: string) {
  const answer = new Promise<string>((resolve, reject) => {
    const ok = () => {
      socket.off('connect_error', no);
      reject(new Error(`${what}: let in`));
    };
    const no = (error: Error) => {
      socket.off('connect', ok);
      resolve(error.message);
    };
    socket.once('connect', ok);
    socket.once('connect_error', no);
  });
  return within(answer, `${what}: refusal`);
}

/** An event with an ack that must say ok, within OP_TIMEOUT_MS; an error says which step it was. */
async function ask(socket: Socket, what: string, event: string, ...args: unknown[]) {
  let answer: { ok: boolean; error?: string };
  try {
    answer = await socket.timeout(OP_TIMEOUT_MS).emitWithAck(event, ...args);
  } catch (error) {
    throw new Error(`${what}: ${(error as Error).message}`);
  }
  if (!answer.ok) throw new Error(`${what}: refused: ${answer.error}`);
}

export function startChurn(url: string, rates: SoakRates) {
  const counts: ChurnCounts = { operations: 0, chats: 0, lines: 0, refused: 0, hops: 0, skipped: 0, errors: 0 };
  /** Errors by what went wrong, so a report can say which. */
  const errorKinds = new Map<string, number>();
  const inFlight: Record<Kind, number> = { chats: 0, refusals: 0, hops: 0 };
  const started: Record<Kind, number> = { chats: 0, refusals: 0, hops: 0 };
  const open = new Set<Socket>();
  const answered = () => counts.operations++;

  const fresh = (namespace: string) => {
    const socket = io(`${url}${namespace}`, { transports: ['websocket'], forceNew: true, reconnection: false });
    open.add(socket);
    return socket;
  };
  const close = (socket: Socket) => {
    socket.disconnect();
    open.delete(socket);
  };

  async function chatVisit(n: number) {
    const name = `soak${n}`;
    const chat = fresh('/chat');
    try {
      await connected(chat, 'chat');
      answered();
      await ask(chat, 'chat: join', 'join', { name, room: `soak-${n % ROOMS}` });
      answered();
      for (let i = 0; i < LINES; i++) {
        await pause(LINE_GAP_MS);
        // A client id, as the site's chat sends, so the store keeps its index of them too.
        await ask(chat, 'chat: line', 'sendMessage', `line ${i} from ${name}`);
        answered();
        counts.lines++;
      }
      counts.chats++;
    } finally {
      close(chat);
    }
  }

  // A class code nobody opened (fixed, then a new one each time, as mistyped codes are), and a namespace nobody serves.
  const refusals = [
    { namespace: () => '/class/ZZZZZZ/chat', says: 'unknown class' },
    { namespace: () => `/class/${letters(CODE_LENGTH, CODE_ALPHABET)}/chat`, says: 'unknown class' },
    { namespace: () => '/no-such-namespace', says: 'Invalid namespace' },
  ];
  async function refused(n: number) {
    const target = refusals[n % refusals.length]!;
    const namespace = target.namespace();
    const socket = fresh(namespace);
    try {
      const says = await refusal(socket, namespace);
      if (says !== target.says) throw new Error(`${namespace}: refused with "${says}", not "${target.says}"`);
      answered();
      counts.refused++;
    } finally {
      close(socket);
    }
  }

  // A hopper: one connection (a Manager) that stays in the lesson's lobby while it opens and closes other namespaces on it.
  interface Hopper {
    manager: Manager;
    anchor: Socket;
    hops: number;
  }
  const idle: Hopper[] = [];
  let hoppers = 0;
  const retire = (hopper: Hopper) => {
    hoppers--;
    close(hopper.anchor); // the last socket of its Manager: the connection closes
    hopper.manager.engine?.close();
  };
  async function newHopper(): Promise<Hopper> {
    hoppers++;
    const manager = new Manager(url, { transports: ['websocket'], reconnection: false });
    const hopper = { manager, anchor: manager.socket('/namespaces-and-middleware'), hops: 0 };
    open.add(hopper.anchor);
    try {
      await connected(hopper.anchor, '/namespaces-and-middleware');
    } catch (error) {
      retire(hopper);
      throw error;
    }
    answered();
    return hopper;
  }
  async function hop(n: number) {
    const hopper = idle.pop() ?? (hoppers < HOPPERS ? await newHopper() : undefined);
    if (!hopper) return void counts.skipped++;
    // Every other hop, a team nobody had: Socket.IO makes a namespace for it, and drops it when it is empty again.
    const namespace =
      n % 2 === 0 ? `/namespaces-and-middleware/team-${teamName()}` : n % 4 === 1 ? '/sockets-intro' : '/rooms';
    const socket = hopper.manager.socket(namespace);
    open.add(socket);
    let healthy = false;
    try {
      if (!socket.active) socket.connect(); // a namespace this Manager opened before (a new one connects by itself)
      await connected(socket, namespace);
      answered();
      if (namespace.includes('/team-')) {
        const echoed = new Promise((resolve) => socket.once('note:new', resolve));
        socket.emit('note:post', { text: 'hello, team' });
        await within(echoed, `${namespace}: note echo`);
        answered();
      }
      counts.hops++;
      healthy = true;
    } catch (error) {
      // Socket.IO's server closes the whole connection when a namespace is reopened before it handled the close ("invalid state").
      if (!hopper.anchor.connected) throw new Error(`${namespace}: the server closed the whole connection`);
      throw error;
    } finally {
      close(socket);
      // A hop that failed leaves its connection in doubt: a new one takes its place.
      if (healthy && ++hopper.hops < HOPS_PER_CONNECTION) idle.push(hopper);
      else retire(hopper);
    }
  }

  // Each step of these waits at most OP_TIMEOUT_MS (`within`, or the acks' own timeout), so each ends by itself.
  const work: Record<Kind, (n: number) => Promise<void>> = { chats: chatVisit, refusals: refused, hops: hop };
  function launch(kind: Kind, n: number) {
    inFlight[kind]++;
    work[kind](n)
      .catch((error: Error) => {
        counts.errors++;
        // One line per kind of error, whatever team, code or visitor it happened to.
        const key = error.message
          .replace(/team-[a-z]+/g, 'team-…')
          .replace(/soak\d+/g, 'soak…')
          .replace(/\/class\/\w+\//g, '/class/…/')
          .slice(0, 100);
        if (errorKinds.size < 50 || errorKinds.has(key)) errorKinds.set(key, (errorKinds.get(key) ?? 0) + 1);
      })
      .finally(() => inFlight[kind]--);
  }

  // Each kind starts what is due by now at its rate: a slow tick catches up, a busy server shows as skipped starts.
  const begun = performance.now();
  let stopped = false;
  const ticker = setInterval(() => {
    const seconds = (performance.now() - begun) / 1000;
    for (const kind of Object.keys(rates) as Kind[]) {
      for (const due = Math.floor(seconds * rates[kind]); started[kind] < due; started[kind]++) {
        if (inFlight[kind] < MAX_IN_FLIGHT) launch(kind, started[kind]);
        else counts.skipped++;
      }
    }
  }, TICK_MS);

  return {
    counts: (): ChurnCounts => ({ ...counts }),
    errorKinds: () => Object.fromEntries([...errorKinds].sort((a, b) => b[1] - a[1])),
    /** Starts nothing more, lets what runs finish (each is bounded), and closes every connection. */
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(ticker);
      // A visit is a few steps of at most OP_TIMEOUT_MS each; one that takes longer is cut short.
      const until = performance.now() + 3 * OP_TIMEOUT_MS;
      while (Object.values(inFlight).some((n) => n > 0) && performance.now() < until) await pause(50);
      for (const hopper of idle.splice(0)) retire(hopper);
      for (const socket of open) close(socket);
    },
  };
}
