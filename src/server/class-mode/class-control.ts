import type { Server } from 'socket.io';
import {
  CLOSED_TO_NEWCOMERS,
  classNamespace,
  type LessonProgress,
  studentAuth,
  studentEvents,
} from '../../shared/class-mode.ts';
import { memberClientName } from '../../shared/namespaces.ts';
import type { Logger } from '../log.ts';
import { type BoundaryHooks, createGuard } from '../plumbing/boundary.ts';
import { mountLesson, servedPath } from '../plumbing/mount.ts';
import { nameKey } from '../plumbing/name-key.ts';
import type { AnyNamespace, AnySocket, LessonServices } from '../plumbing/types.ts';
import type { Peers } from '../scale/peers.ts';
import type { SteeringState } from '../storage/class-store.ts';
import type { ClassRegistry, LiveClass } from './classes.ts';
import type { ClassChange } from './cluster-events.ts';
import { createGroups, groupActions, groupOfNamespace, lessonSpaces, spaceOf } from './groups.ts';
import type { HelpDesk } from './help-desk.ts';
import type { MountedLessons } from './index.ts';

// `/class/<CODE>`: a student's page, and `/class/<CODE>/<slug>`: a lesson's demo in that class
// (`/class/<CODE>~<n>/<slug>`: in its group n, when the class is split; see groups.ts).
// A code is asked for in a shape close to a real one (letters and digits, any case), so that a
// mistyped code is told "unknown class"; anything else is no namespace at all, and none is made.
const PRESENCE = /^\/class\/([A-Za-z0-9]{1,12})$/;
const LESSON = /^\/class\/([A-Za-z0-9]{1,12})(?:~[1-9]\d?)?\/([a-z0-9-]{1,40})$/;
// The class and lesson of a lesson's namespace in a class, or of one under it.
const CLASS_LESSON = /^\/class\/([A-Za-z0-9]{1,12})(?:~[1-9]\d?)?\/([a-z0-9-]{1,40})/;

const STUDENTS_ONLY =
  "This class's demos are for its students: join the class first (from the link or code your instructor shows).";
const CLASS_UNREACHABLE =
  'The class cannot be reached right now: the server lost contact with its storage. Try again shortly.';

const JOIN_ERRORS: Record<string, string> = {
  'name taken': 'That name is taken in this class: pick another.',
  'removed from class': 'removed from class',
  'closed to newcomers': CLOSED_TO_NEWCOMERS,
  'class full': 'This class is full: ask your instructor to start another.',
};

/**
 * Class mode on the server: the students' class namespaces and every
 * lesson again, inside each class, in namespaces created on demand. A lesson
 * in a class is mounted with the same `register` as in the public space, so
 * it gets its own state and the lesson code does not change.
 */
export function createClassControl(
  io: Server,
  registry: ClassRegistry,
  peers: Peers,
  { lessons, childPaths, namespaces }: MountedLessons,
  hooks: BoundaryHooks,
  servicesFor: (namespace: string) => LessonServices,
  logger: Logger,
  help: HelpDesk,
) {
  const lessonsBySlug = new Map(lessons.map((lesson) => [lesson.contract.slug, lesson]));
  const groups = createGroups(registry.store, registry);

  // A middleware that waits for the store: when the store fails, the student hears so.
  type Next = (error?: Error) => void;
  const waiting = (middleware: (socket: AnySocket, next: Next) => Promise<void>) => (socket: AnySocket, next: Next) =>
    void middleware(socket, next).catch((error: unknown) => {
      logger.warn({ err: error, namespace: socket.nsp.name }, 'a class could not be read');
      next(new Error(CLASS_UNREACHABLE));
    });

  // A class code, or a student's key, that is wrong costs the address one of its tries.
  const wrongTry = async (socket: AnySocket, next: Next, message: string) => {
    await hooks.secretTries?.failed(socket);
    next(new Error(message));
  };
  /** Starts a try: a `next` that ends it, or nothing when the address may not try now (refused already). */
  const enter = async (socket: AnySocket, next: Next): Promise<Next | undefined> => {
    const attempt = await hooks.secretTries?.enter(socket);
    if (attempt?.barred) return void next(new Error(attempt.barred));
    return (error) => {
      attempt?.leave();
      next(error);
    };
  };

  const students = io.of(PRESENCE);
  students.use(
    waiting(async (socket, refuseOrPass) => {
      const next = await enter(socket, refuseOrPass);
      if (!next) return;
      const live = await registry.load(PRESENCE.exec(socket.nsp.name)![1]!);
      if (!live) return wrongTry(socket, next, 'unknown class');
      const auth = studentAuth.safeParse(socket.handshake.auth ?? {});
      if (!auth.success) return next(new Error(auth.error.issues[0]?.message ?? 'Say who you are.'));
      const claim = await registry.claim(live, auth.data.name, auth.data.key);
      if (claim !== 'ok') {
        logger.debug({ code: live.code, why: claim }, 'student refused');
        return next(new Error(JOIN_ERRORS[claim] ?? claim));
      }
      socket.data = { name: auth.data.name, classKey: auth.data.key };
      next();
    }),
  );
  if (hooks.admit) students.use(hooks.admit);
  const guard = createGuard(studentEvents, hooks);
  students.on('connection', (socket) => {
    const code = PRESENCE.exec(socket.nsp.name)![1]!;
    if (!track(code, socket as unknown as AnySocket)) return;
    const live = registry.get(code)!;
    const student = registry.arrive(live, socket.data.name, socket.data.classKey!, socket.id);
    guard(socket as unknown as AnySocket);
    socket.emit('class:state', registry.stateOf(live));
    socket.on('student:where', ({ lesson, section }: { lesson: string | null; section?: string | null }) => {
      registry.moveTo(live, student, lesson && lessonsBySlug.has(lesson) ? lesson : null, section ?? null);
    });
    socket.on('student:progress', async ({ progress }: { progress: LessonProgress }) => {
      await registry.addProgress(live, student, knownLessons(progress));
    });
    socket.on('disconnect', () => {
      // Asking the other servers (Redis) may fail, when it is away or closing: said, never left floating.
      registry.leave(live, student, socket.id).catch((error) => logger.warn({ err: error, code }, 'a leave not told'));
    });
    groups
      .seat(live, student, socket as unknown as AnySocket, tell)
      .catch((error) => logger.warn({ err: error, code }, 'group not found'));
    help.studentConnected(socket as unknown as AnySocket, live, student, (slug) => lessonsBySlug.has(slug));
    // What the class kept (another device's, an earlier visit's) joins this page's, and goes to it.
    registry
      .member(live, socket.data.classKey!)
      .then((stored) => registry.addProgress(live, student, stored?.progress ?? {}))
      .then((progress) => socket.emit('student:progress', { progress }))
      .catch((error) => logger.warn({ err: error, code }, 'class progress not loaded'));
  });
  /** Progress in the lessons this server has, and no others. */
  const knownLessons = (progress: LessonProgress): LessonProgress =>
    Object.fromEntries(Object.entries(progress).filter(([slug]) => lessonsBySlug.has(slug)));

  // A lesson's demo in a class, and the namespaces under it (`/class/<CODE>/<slug>/staff`).
  // Only the class's students: a roster member's key, not removed, and the roster's name, whatever `auth.name` says.
  const inClass = waiting(async (socket, refuseOrPass) => {
    const next = await enter(socket, refuseOrPass);
    if (!next) return;
    const [, code] = CLASS_LESSON.exec(socket.nsp.name)!;
    const live = await registry.load(code!);
    if (!live) return wrongTry(socket, next, 'unknown class');
    const key: unknown = socket.handshake.auth?.classKey;
    if (typeof key !== 'string' || key.length > 64) return wrongTry(socket, next, STUDENTS_ONLY);
    if (live.removedKeys.has(key)) return next(new Error('removed from class'));
    const member = await registry.member(live, key);
    if (!member) return wrongTry(socket, next, STUDENTS_ONLY);
    const group = groupOfNamespace(socket.nsp.name);
    const refused = group
      ? await groups.refusal(live, socket, member.name, group)
      : await groups.wholeClassRefusal(live, member.name);
    if (refused) return next(new Error(refused));
    socket.data.classKey = key;
    // The page numbers its in-page clients: its second is "Ada's client 2", and still Ada's.
    socket.data.name = memberClientName(member.name, socket.handshake.auth?.client);
    next();
  });
  /** The path under its lesson's namespace of a class namespace that a lesson serves (`/staff`), if it is one. */
  const childIn = (name: string) => {
    const [, code, slug] = CLASS_LESSON.exec(name) ?? [];
    const paths = slug ? childPaths.get(slug) : undefined;
    return code && paths ? servedPath(paths, spaceOf(code, slug!, name), name) : undefined;
  };
  // Only the lessons there are: a namespace for any other name would be made before a middleware could refuse it.
  io.of((name, _auth, next) => next(null, LESSON.test(name) && lessonsBySlug.has(LESSON.exec(name)![2]!))).use(inClass);
  io.of((name, _auth, next) => next(null, childIn(name) !== undefined)).use(inClass);

  io.on('new_namespace', (nsp) => {
    const [, code, slug] = CLASS_LESSON.exec(nsp.name) ?? [];
    const lesson = slug && lessonsBySlug.get(slug);
    // The class is checked by the middleware above; a refused first socket takes the namespace with it.
    if (!code || !lesson) return;
    const classHooks: BoundaryHooks = {
      ...hooks,
      ownNameOnly: true,
      refuse: (spec, event) =>
        hooks.refuse?.(spec, event) ??
        (spec.lockable && registry.get(code)?.state.chatLocked
          ? 'The instructor has paused the chat for now.'
          : undefined),
    };
    // First of its connection listeners: a socket removed meanwhile goes before the lesson sees it.
    nsp.on('connection', (socket) => track(code, socket as AnySocket));
    // A namespace under the lesson's shares the lesson's services.
    const space = spaceOf(code, slug!, nsp.name);
    const services = servicesFor(space);
    const at = { base: space, namespaces };
    const path = childIn(nsp.name);
    if (path !== undefined) mountLesson(nsp as AnyNamespace, lesson, classHooks, services, { ...at, path });
    else if (LESSON.test(nsp.name)) mountLesson(nsp as AnyNamespace, lesson, classHooks, services, at);
  });

  /**
   * This process's own sockets of each class (each other process has its own),
   * kept here rather than looked up by namespace name: Socket.IO may drop a
   * namespace's name while a socket is still being let into it, and that socket
   * must hear a removal or the end of its class all the same.
   */
  const socketsOf = new Map<string, Set<AnySocket>>();
  /** Counts the socket in its class; false (and it is sent away) if it was removed, or the class ended, while being let in. */
  function track(code: string, socket: AnySocket): boolean {
    const live = registry.get(code);
    const key = socket.data.classKey;
    if (!live || key === undefined || live.removedKeys.has(key)) {
      socket.disconnect(true);
      return false;
    }
    const sockets = socketsOf.get(code) ?? new Set();
    socketsOf.set(code, sockets);
    sockets.add(socket);
    socket.once('disconnect', () => {
      sockets.delete(socket);
      if (sockets.size === 0 && socketsOf.get(code) === sockets) socketsOf.delete(code);
    });
    return true;
  }
  // `.local`: said at once, not round the adapter (with Redis, a socket's own emit is published
  // first), so that it is out before a disconnect that follows.
  const tell = (socket: AnySocket, event: string, payload: unknown) =>
    socket.nsp.local.to(socket.id).emit(event, payload);
  const presenceOf = (code: string) =>
    [...(socketsOf.get(code) ?? [])].filter((s) => s.nsp.name === classNamespace(code));
  const lessonSocketsOf = (code: string) =>
    [...(socketsOf.get(code) ?? [])].filter((s) => s.nsp.name !== classNamespace(code));

  /** Applies a change of the class to this process's sockets (each process does it for its own). */
  function apply(code: string, change: ClassChange) {
    const live = registry.get(code);
    switch (change.type) {
      case 'state':
        if (!live) return;
        live.state = change.state;
        for (const socket of presenceOf(code)) tell(socket, 'class:state', registry.stateOf(live));
        return;
      case 'reset': {
        // The lesson's namespace of the class and of each of its groups.
        for (const socket of lessonSocketsOf(code))
          if (LESSON.exec(socket.nsp.name)?.[2] === change.lesson) socket.disconnect(true);
        return;
      }
      case 'reset-done':
        // Told once the lesson's state is gone: a page that starts its demo again at once finds it fresh.
        for (const socket of presenceOf(code)) tell(socket, 'class:reset', { lesson: change.lesson });
        return;
      case 'removed':
        live?.removedKeys.add(change.key);
        live?.here.delete(nameKey(change.name));
        for (const socket of socketsOf.get(code) ?? []) {
          if (socket.data.classKey !== change.key) continue;
          if (socket.nsp.name === classNamespace(code)) tell(socket, 'class:removed', { reason: change.reason });
          socket.disconnect(true);
        }
        return;
      case 'readmitted':
        live?.removedKeys.delete(change.key);
        return;
      case 'groups':
        groups.apply(live, change.plan, socketsOf.get(code) ?? [], (s) => s.nsp.name === classNamespace(code), tell);
        return;
      case 'ended':
        registry.forget(code);
        for (const socket of presenceOf(code)) tell(socket, 'class:ended', { reason: change.reason });
        for (const socket of [...(socketsOf.get(code) ?? [])]) socket.disconnect(true);
    }
  }
  peers.answer('class:changed', (code, change) => {
    apply(code, change);
    return true as const;
  });
  peers.answer('class:presence', (code, name) => registry.presenceHere(code, name));

  /** Applies a change here and on every other process, and waits for them. */
  async function applyEverywhere(code: string, change: ClassChange) {
    apply(code, change);
    await peers.ask('class:changed', code, change);
  }

  return {
    registry,
    logger,
    groups: groupActions(registry.store, registry, applyEverywhere),
    help,
    hasLesson: (slug: string) => lessonsBySlug.has(slug),

    async steer(live: LiveClass, patch: Partial<SteeringState>) {
      const state = { ...live.state, ...patch };
      await registry.saveState(live, state);
      await applyEverywhere(live.code, { type: 'state', state });
    },

    /** Closes the lesson's sockets in this class and forgets what it stored (the counter, the chat). */
    async resetLesson(live: LiveClass, slug: string) {
      await applyEverywhere(live.code, { type: 'reset', lesson: slug });
      // Let the lesson's disconnect handlers finish (chat stores "Ada left") before forgetting.
      await new Promise((resolve) => setImmediate(resolve));
      const spaces = lessonSpaces(live.code, slug, await registry.store.loadGroups(live.code));
      await Promise.all(spaces.map((space) => servicesFor(space).clear()));
      await applyEverywhere(live.code, { type: 'reset-done', lesson: slug });
    },

    async removeStudent(live: LiveClass, name: string) {
      const student = await registry.remove(live, name);
      if (!student) return false;
      logger.info({ code: live.code }, 'student removed by the instructor');
      await help.studentRemoved(live.code, student.name);
      await applyEverywhere(live.code, {
        type: 'removed',
        name: student.name,
        key: student.key,
        reason: 'The instructor removed you from the class.',
      });
      return true;
    },

    /** Lets a removed student back in; false if nobody was removed under that name. */
    async readmitStudent(live: LiveClass, name: string) {
      const student = await registry.readmit(live, name);
      if (!student) return false;
      logger.info({ code: live.code }, 'student let back in by the instructor');
      await applyEverywhere(live.code, { type: 'readmitted', key: student.key });
      return true;
    },

    async end(code: string, reason: string) {
      if (!(await registry.end(code))) return false;
      logger.info({ code }, 'class ended');
      // What the class kept ends with it: its hands and shared code, and what its lessons stored.
      // Each on its own, so that one that fails (Redis away) leaves no other behind: once ended,
      // the class cannot be ended again to try once more.
      const forget = async () => {
        const plan = await registry.store.loadGroups(code);
        const spaces = [...lessonsBySlug.keys()].flatMap((slug) => lessonSpaces(code, slug, plan));
        await Promise.all(spaces.map((space) => servicesFor(space).clear()));
      };
      // Its students are told and let go first: nothing of theirs is written after the forgetting.
      const told = await Promise.allSettled([applyEverywhere(code, { type: 'ended', reason })]);
      const done = [...told, ...(await Promise.allSettled([help.classEnded(code), forget()]))];
      for (const outcome of done)
        if (outcome.status === 'rejected')
          logger.warn({ err: outcome.reason, code }, 'part of an ended class not forgotten');
      return true;
    },
  };
}

export type ClassControl = ReturnType<typeof createClassControl>;
