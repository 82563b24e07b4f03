import type { Server } from 'socket.io';
import {
  type HandState,
  MAX_RAISED_HANDS,
  NO_HAND,
  SHARED_EXERCISES_PER_STUDENT,
  type SharedCode,
} from '../../shared/class-help.ts';
import type { Logger } from '../log.ts';
import { nameKey } from '../plumbing/name-key.ts';
import type { AnySocket } from '../plumbing/types.ts';
import type { Peers } from '../scale/peers.ts';
import type { HelpStore, StoredHand } from '../storage/help-store.ts';
import type { ClassRegistry, LiveClass, LocalStudent } from './classes.ts';
import { watchRoom } from './roster-feed.ts';

const NO_CLASS = 'There is no open class with that code.';
const HANDS_FULL = 'Many hands are up already: your instructor will get to them. Try again in a moment.';
/** How often a dashboard hears that a class's hands changed, at most (it then asks for the list). */
const NOTICE_MS = 150;

type Reply = (answer: { ok: true; [more: string]: unknown } | { ok: false; error: string }) => void;

const stateOf = (hand: StoredHand | undefined): HandState =>
  hand ? { raised: hand.answer === null, question: hand.question, answer: hand.answer } : NO_HAND;

/**
 * Raised hands and shared code, for a class. What is kept is in the store
 * (every process reads it); a student's pages hear of their hand wherever
 * they are connected (through `peers`); the instructors who watch the class
 * hear that its hands changed (through the adapter: one room, every process).
 * Only the instructor's namespace can read a student's code: students never
 * get anyone's code back, not even their own.
 */
export function createHelpDesk(io: Server, store: HelpStore, peers: Peers, logger: Logger) {
  /** This process's student pages, by class and name key: where a change of their hand is said. */
  const pages = new Map<string, Set<AnySocket>>();
  const pageKey = (code: string, name: string) => `${code}\n${nameKey(name)}`;

  function tellHere(code: string, name: string, state: HandState) {
    for (const socket of pages.get(pageKey(code, name)) ?? []) socket.emit('hand:state', state);
  }
  peers.answer('class:hand', (code, { name, state }) => {
    tellHere(code, name, state);
    return true as const;
  });
  /** Every page of the student hears it, on this process and the others. */
  async function tellStudent(code: string, name: string) {
    const state = stateOf(await store.handOf(code, name));
    tellHere(code, name, state);
    await peers.ask('class:hand', code, { name, state });
  }

  // A few notices a second at most, however many students raise their hands at once.
  const changed = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  function handsChanged(code: string) {
    changed.add(code);
    timer ??= setTimeout(() => {
      timer = undefined;
      const instructors = io.of('/instructor');
      for (const c of changed) instructors.to(watchRoom(c)).emit('hands:changed', { code: c });
      changed.clear();
    }, NOTICE_MS);
  }

  // Two shares in one millisecond still have an order: which is newer decides which code is kept.
  let lastStamp = 0;
  const stamp = () => (lastStamp = Math.max(Date.now(), lastStamp + 1));

  /** A student removed meanwhile (the store forgot them): what the request left behind goes too. */
  async function unlessRemoved(live: LiveClass, student: LocalStudent) {
    if (!live.removedKeys.has(student.key)) return false;
    await store.forgetStudent(live.code, student.name);
    return true;
  }

  return {
    /** A student's page in the class: their hand, and the code their exercises share. */
    studentConnected(socket: AnySocket, live: LiveClass, student: LocalStudent, hasLesson: (slug: string) => boolean) {
      const code = live.code;
      const key = pageKey(code, student.name);
      const mine = pages.get(key) ?? new Set();
      pages.set(key, mine.add(socket));
      socket.once('disconnect', () => {
        mine.delete(socket);
        if (mine.size === 0 && pages.get(key) === mine) pages.delete(key);
      });
      store
        .handOf(code, student.name)
        .then((hand) => socket.emit('hand:state', stateOf(hand)))
        .catch((error) => logger.warn({ err: error, code }, 'hand not loaded'));

      socket.on('hand:raise', async ({ question }: { question?: string }, reply: Reply) => {
        const hand = { name: student.name, lesson: student.lesson, question: question ?? '', raisedAt: Date.now() };
        if ((await store.raiseHand(code, hand, MAX_RAISED_HANDS)) === 'full')
          return reply({ ok: false, error: HANDS_FULL });
        if (await unlessRemoved(live, student)) return reply({ ok: false, error: 'removed from class' });
        reply({ ok: true });
        handsChanged(code);
        await tellStudent(code, student.name);
      });

      socket.on('hand:lower', async (reply: Reply) => {
        await store.lowerHand(code, student.name);
        reply({ ok: true });
        handsChanged(code);
        await tellStudent(code, student.name);
      });

      socket.on(
        'code:share',
        async (shared: Omit<SharedCode, 'updatedAt' | 'title'> & { title?: string }, reply: Reply) => {
          if (!hasLesson(shared.lesson)) return reply({ ok: false, error: `There is no lesson "${shared.lesson}".` });
          const kept: SharedCode = {
            lesson: shared.lesson,
            exercise: shared.exercise,
            title: shared.title || shared.exercise,
            code: shared.code,
            updatedAt: stamp(),
          };
          await store.shareCode(code, student.name, kept, SHARED_EXERCISES_PER_STUDENT);
          if (await unlessRemoved(live, student)) return reply({ ok: false, error: 'removed from class' });
          reply({ ok: true });
        },
      );
    },

    /** The instructor's side: the hands up, answering one, and reading a student's code. */
    instructorConnected(socket: AnySocket, registry: ClassRegistry) {
      socket.on('hands:list', async ({ code }: { code: string }, reply: Reply) => {
        if (!(await registry.load(code))) return reply({ ok: false, error: NO_CLASS });
        reply({ ok: true, hands: await store.raisedHands(code), now: Date.now() });
      });

      socket.on(
        'hands:answer',
        async ({ code, name, reply: text }: { code: string; name: string; reply?: string }, reply: Reply) => {
          if (!(await registry.load(code))) return reply({ ok: false, error: NO_CLASS });
          if (!(await store.answerHand(code, name, text ?? '')))
            return reply({ ok: false, error: `${name} has no hand up in this class.` });
          reply({ ok: true });
          handsChanged(code);
          await tellStudent(code, name);
        },
      );

      socket.on('code:view', async ({ code, name }: { code: string; name: string }, reply: Reply) => {
        if (!(await registry.load(code))) return reply({ ok: false, error: NO_CLASS });
        reply({ ok: true, name, shared: await store.sharedCode(code, name) });
      });
    },

    /** A removed student's hand and code go with them. */
    async studentRemoved(code: string, name: string) {
      await store.forgetStudent(code, name);
      handsChanged(code);
    },

    /** What a class kept to help its students ends with it. */
    classEnded: (code: string) => store.forgetClass(code),

    close() {
      clearTimeout(timer);
    },
  };
}

export type HelpDesk = ReturnType<typeof createHelpDesk>;
