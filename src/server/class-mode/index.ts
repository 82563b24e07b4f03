import type { Server } from 'socket.io';
import type { Logger } from '../log.ts';
import type { BoundaryHooks } from '../plumbing/boundary.ts';
import type { Namespaces } from '../plumbing/namespace-registry.ts';
import type { ChildPath, LessonModule, LessonServices } from '../plumbing/types.ts';
import type { Peers } from '../scale/peers.ts';
import type { ClassStore } from '../storage/class-store.ts';
import type { HelpStore } from '../storage/help-store.ts';
import { createClassControl } from './class-control.ts';
import { createClassCountFeed } from './class-count-feed.ts';
import { createClassRegistry } from './classes.ts';
import { createHelpDesk } from './help-desk.ts';
import { registerInstructor } from './instructor.ts';
import { createRosterFeed } from './roster-feed.ts';

export interface ClassModeOptions {
  /** The instructor's secret; `/instructor` refuses everyone else. */
  token: string;
  /** A class nobody has used for this long is ended (its namespaces go with it). */
  idleMs: number;
  logger: Logger;
  /** Where classes are kept: SQLite for one process, Redis for several. */
  store: ClassStore;
  /** The other server processes (none without Redis). */
  peers: Peers;
  /** Where raised hands and students' shared code are kept (beside `store`). */
  help: HelpStore;
}

/** The lessons as the app mounted them: the names each serves under its own namespace, and the server's namespaces. */
export interface MountedLessons {
  lessons: LessonModule[];
  childPaths: Map<string, ChildPath[]>;
  namespaces: Namespaces;
}

/** Classes: the registry, the students' and lessons' class namespaces, and `/instructor`. */
export function setupClassMode(
  io: Server,
  lessons: MountedLessons,
  servicesFor: (namespace: string) => LessonServices,
  options: ClassModeOptions,
  hooks: BoundaryHooks,
) {
  const { peers, logger } = options;
  let feed: ReturnType<typeof createRosterFeed> | undefined;
  let counts: ReturnType<typeof createClassCountFeed> | undefined;
  const elsewhere = async (code: string, name: string | null) => (await peers.ask('class:presence', code, name)).flat();
  const registry = createClassRegistry(options.store, elsewhere, (code, entry) => {
    feed?.change(code, entry);
    counts?.changed(code);
  });
  const help = createHelpDesk(io, options.help, peers, logger);
  const control = createClassControl(io, registry, peers, lessons, hooks, servicesFor, logger, help);
  const instructors = registerInstructor(io, options.token, control, hooks);
  feed = createRosterFeed(instructors);
  counts = createClassCountFeed(instructors, registry.list, (error) =>
    logger.warn({ err: error }, 'class counts not sent; the next change tries again'),
  );

  const sweep = setInterval(
    async () => {
      try {
        for (const code of await registry.idle(options.idleMs)) {
          if (await control.end(code, 'The class was idle and has ended.')) logger.info({ code }, 'idle class ended');
        }
      } catch (error) {
        logger.warn({ err: error }, 'looking for idle classes failed; trying again later');
      }
    },
    Math.min(60_000, options.idleMs),
  );
  sweep.unref();

  return {
    control,
    close() {
      clearInterval(sweep);
      feed?.close();
      help.close();
      counts?.close();
    },
  };
}
