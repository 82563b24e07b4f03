import type { DefaultEventsMap, Namespace, Socket } from 'socket.io';
import type { HandState } from '../../shared/class-help.ts';
import type { LessonContract } from '../../shared/events.ts';
import type { ClassChange, PresenceEntry } from '../class-mode/cluster-events.ts';
import type { ChatHistory } from '../storage/chat-history.ts';
import type { Counter } from '../storage/counter.ts';

/** What the plumbing attaches to every socket before lesson code runs. */
export interface SocketData {
  /** The display name: from the handshake's `auth.name`, else `Guest N`. */
  name: string;
  /** In a class: the key of the student whose page this socket belongs to. */
  classKey?: string;
}

/** Between server processes (with Redis): a class changed; who of a class is connected here. */
export interface InterServerEvents {
  'class:changed': (code: string, change: ClassChange, done: (applied: true) => void) => void;
  'class:presence': (code: string, name: string | null, done: (entries: PresenceEntry[]) => void) => void;
  /** A student's hand changed: their pages on each process hear it. */
  'class:hand': (code: string, change: { name: string; state: HandState }, done: (told: true) => void) => void;
}

/**
 * A client may leave out the ack, but the boundary always hands the handler
 * one (a no-op when the client gave none), so on the server it is required.
 */
export type WithAcks<Events> = {
  [E in keyof Events]: Events[E] extends (...args: infer P) => infer R ? (...args: Required<P>) => R : Events[E];
};

/** A lesson's namespace; `Data` is what the lesson itself keeps on each socket (`socket.data`). */
export type LessonNamespace<
  ClientEvents extends object,
  ServerEvents extends object,
  Data extends object = object,
> = Namespace<WithAcks<ClientEvents>, ServerEvents, InterServerEvents, SocketData & Partial<Data>>;

export type AnySocket = Socket<DefaultEventsMap, DefaultEventsMap, InterServerEvents, SocketData>;
export type AnyNamespace = Namespace<DefaultEventsMap, DefaultEventsMap, InterServerEvents, SocketData>;

/** What the app hands each lesson namespace besides the namespace itself: storage that outlives it. */
export interface LessonServices {
  history: ChatHistory;
  counter: Counter;
  /** Forgets everything above (an instructor's reset, a class that ends). */
  clear: () => Promise<void>;
}

/** A name a lesson's `register` asks `io.of()` for: a path under its namespace (`/staff`), or a pattern of paths. */
export type ChildPath = string | RegExp;

/**
 * The `io` of a lesson's `register`: its namespace, plus `of()` for the
 * namespaces under it, named as an app names its own (see `lessonServer`).
 */
export type LessonServer<
  ClientEvents extends object,
  ServerEvents extends object,
  Data extends object = object,
> = LessonNamespace<ClientEvents, ServerEvents, Data> & {
  of(name: ChildPath): LessonNamespace<ClientEvents, ServerEvents, Data>;
};
export type AnyLessonServer = AnyNamespace & { of(name: ChildPath): AnyNamespace };

/** A lesson's server side: its contract, and the `register` that holds its code. */
export interface LessonModule {
  contract: LessonContract;
  /** Runs for each of the lesson's namespaces as it is made: the lesson's own, and each one under it that `io.of()` names. */
  register: (io: AnyLessonServer, services: LessonServices) => void;
}
