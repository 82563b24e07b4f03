import type { Namespace, Socket } from 'socket.io';
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
}

/**
 * A client may leave out the ack, but the boundary always hands the handler
 * one (a no-op when the client gave none), so on the server it is required.
 */
export type WithAcks<Events> = {
  [E in keyof Events]: Events[E] extends (...args: infer P) => infer R ? (...args: Required<P>) => R : Events[E];
};

/** A lesson's namespace; `Data` is what the lesson itself keeps on each socket (`socket.data`). */
export type LessonNamespace<ClientEvents extends object, ServerEvents extends object, Data extends object = object> = Namespace<
  WithAcks<ClientEvents>,
  ServerEvents,
  InterServerEvents,
  SocketData & Partial<Data>
>;

export type AnySocket = Socket<Record<string, any>, Record<string, any>, InterServerEvents, SocketData>;
export type AnyNamespace = Namespace<Record<string, any>, Record<string, any>, InterServerEvents, SocketData>;

/** What the app hands each lesson namespace besides the namespace itself: storage that outlives it. */
export interface LessonServices {
  history: ChatHistory;
  counter: Counter;
  /** Forgets everything above (an instructor's reset, a class that ends). */
  clear: () => Promise<void>;
}

/**
 * A namespace that a lesson serves under its own: `path` tests what follows the
 * lesson's namespace (`/staff` of `/namespaces-and-middleware/staff`). Each one
 * is made when a client first asks for it, and dropped when its last client goes.
 * It gets the services of the lesson's namespace: what it stores, it shares with it.
 */
export interface LessonChild {
  path: RegExp;
  register: (io: AnyNamespace, services: LessonServices) => void;
}

/** A lesson's server side: its contract, the `register` that holds its code, and any namespaces under its own. */
export interface LessonModule {
  contract: LessonContract;
  register: (io: AnyNamespace, services: LessonServices) => void;
  children?: LessonChild[];
}
