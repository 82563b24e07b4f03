import type { Server } from 'socket.io';
import type { Logger } from '../log.ts';
import type { BoundaryHooks } from '../plumbing/boundary.ts';
import type { LessonModule, LessonServices } from '../plumbing/types.ts';
import { sqliteClassStore } from '../storage/class-store.ts';
import type { DatabaseSync } from 'node:sqlite';
import { createClassControl } from './class-control.ts';
import { createClassRegistry } from './classes.ts';
import { registerInstructor } from './instructor.ts';
import { createRosterFeed } from './roster-feed.ts';

export interface ClassModeOptions {
  /** The instructor's secret; `/instructor` refuses everyone else. */
  token: string;
  /** A class nobody has used for this long is ended (its namespaces go with it). */
  idleMs: number;
  logger: Logger;
}

/** Classes: the registry (in SQLite), the students' and lessons' class namespaces, and `/instructor`. */
export function setupClassMode(
  io: Server,
  db: DatabaseSync,
  lessons: LessonModule[],
  servicesFor: (namespace: string) => LessonServices,
  options: ClassModeOptions,
  hooks: BoundaryHooks,
) {
  let feed: ReturnType<typeof createRosterFeed> | undefined;
  const registry = createClassRegistry(sqliteClassStore(db), (code, entry) => feed?.change(code, entry));
  const control = createClassControl(io, registry, lessons, hooks, servicesFor, options.logger);
  feed = createRosterFeed(registerInstructor(io, options.token, control, hooks));

  const sweep = setInterval(() => {
    for (const live of registry.idle(options.idleMs)) {
      options.logger.info({ code: live.code }, 'idle class ended');
      control.end(live.code, 'The class was idle and has ended.');
    }
  }, Math.min(60_000, options.idleMs));
  sweep.unref();

  return {
    control,
    close() {
      clearInterval(sweep);
      feed?.close();
    },
  };
}
