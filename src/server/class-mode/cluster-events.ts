import type { SteeringState } from '../storage/class-store.ts';
import type { GroupPlan } from '../storage/group-store.ts';

/**
 * What one server process tells the others about a class, so that each
 * applies it to its own sockets (the store already holds it).
 */
export type ClassChange =
  | { type: 'state'; state: SteeringState }
  | { type: 'reset'; lesson: string }
  | { type: 'reset-done'; lesson: string }
  | { type: 'removed'; name: string; key: string; reason: string }
  | { type: 'readmitted'; key: string }
  | { type: 'ended'; reason: string }
  /** The class was split, ungrouped, or a student moved: the whole plan, as the store now holds it. */
  | { type: 'groups'; plan: GroupPlan };

/** A student as one process sees them: its own sockets, and where the student last went. */
export interface PresenceEntry {
  name: string;
  connected: boolean;
  lesson: string | null;
  section: string | null;
  /** When the student last moved (or arrived): the latest move wins across processes. */
  movedAt: number;
  /** When the student last did a new step here (or arrived): the latest wins across processes. */
  activeAt: number;
}
