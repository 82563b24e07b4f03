import type { Namespace, Server } from 'socket.io';
import {
  classLessonNamespace,
  studentAuth,
  studentEvents,
  type StudentClientEvents,
  type StudentServerEvents,
} from '../../shared/class-mode.ts';
import { createGuard, type BoundaryHooks } from '../plumbing/boundary.ts';
import { mountLesson } from '../plumbing/mount.ts';
import type { AnyNamespace, AnySocket, LessonModule, LessonServices, WithAcks } from '../plumbing/types.ts';
import type { Logger } from '../log.ts';
import type { ClassRegistry, LiveClass } from './classes.ts';

type StudentNamespace = Namespace<WithAcks<StudentClientEvents>, StudentServerEvents>;

// `/class/<CODE>`: a student's page, and `/class/<CODE>/<slug>`: a lesson's demo in that class.
const PRESENCE = /^\/class\/([^/]+)$/;
const LESSON = /^\/class\/([^/]+)\/([^/]+)$/;

const JOIN_ERRORS: Record<string, string> = {
  'name taken': 'That name is taken in this class: pick another.',
  'removed from class': 'removed from class',
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
  lessons: LessonModule[],
  hooks: BoundaryHooks,
  servicesFor: (namespace: string) => LessonServices,
  logger: Logger,
) {
  const lessonsBySlug = new Map(lessons.map((lesson) => [lesson.contract.slug, lesson]));
  const presence = new Map<string, StudentNamespace>();

  const students = io.of(PRESENCE);
  students.use((socket, next) => {
    const live = registry.get(PRESENCE.exec(socket.nsp.name)![1]!);
    if (!live) return next(new Error('unknown class'));
    const auth = studentAuth.safeParse(socket.handshake.auth ?? {});
    if (!auth.success) return next(new Error(auth.error.issues[0]?.message ?? 'Say who you are.'));
    const joined = registry.join(live, auth.data.name, auth.data.key, socket.id);
    if (!joined.ok) {
      logger.debug({ code: live.code, why: joined.error }, 'student refused');
      return next(new Error(JOIN_ERRORS[joined.error] ?? joined.error));
    }
    socket.data = { name: joined.student.name, classKey: auth.data.key };
    next();
  });
  const guard = createGuard(studentEvents, hooks);
  students.on('connection', (socket) => {
    const live = registry.get(PRESENCE.exec(socket.nsp.name)![1]!);
    const student = live?.students.get(String(socket.data.name).toLowerCase());
    if (!live || !student) return void socket.disconnect(true);
    presence.set(live.code, socket.nsp as unknown as StudentNamespace);
    guard(socket as unknown as AnySocket);
    socket.emit('class:state', registry.stateOf(live));
    socket.on('student:where', ({ lesson, section }: { lesson: string | null; section?: string | null }) => {
      registry.moveTo(live, student, lesson && lessonsBySlug.has(lesson) ? lesson : null, section ?? null);
    });
    socket.on('disconnect', () => registry.leave(live, student, socket.id));
  });

  const classLessons = io.of(LESSON);
  classLessons.use((socket, next) => {
    const [, code, slug] = LESSON.exec(socket.nsp.name)!;
    const live = registry.get(code!);
    if (!live) return next(new Error('unknown class'));
    if (!lessonsBySlug.has(slug!)) return next(new Error('unknown lesson'));
    const key = socket.handshake.auth?.classKey;
    if (typeof key === 'string' && live.removedKeys.has(key)) return next(new Error('removed from class'));
    socket.data.classKey = typeof key === 'string' ? key : undefined;
    next();
  });
  io.on('new_namespace', (nsp) => {
    const match = LESSON.exec(nsp.name);
    const live = match && registry.get(match[1]!);
    const lesson = match && lessonsBySlug.get(match[2]!);
    if (!live || !lesson) return; // refused by the middleware; Socket.IO then drops the namespace
    live.lessonNamespaces.add(nsp as AnyNamespace);
    mountLesson(
      nsp as AnyNamespace,
      lesson,
      {
        ...hooks,
        refuse: (spec, event) =>
          hooks.refuse?.(spec, event) ?? (spec.lockable && live.state.chatLocked ? 'The instructor has paused the chat for now.' : undefined),
      },
      servicesFor(nsp.name),
    );
  });

  /** The class's lesson namespaces that still exist (empty ones are removed by Socket.IO). */
  function lessonNamespacesOf(live: LiveClass) {
    for (const nsp of live.lessonNamespaces) if (io._nsps.get(nsp.name) !== nsp) live.lessonNamespaces.delete(nsp);
    return [...live.lessonNamespaces];
  }

  return {
    registry,
    logger,
    hasLesson: (slug: string) => lessonsBySlug.has(slug),

    publishState(live: LiveClass) {
      presence.get(live.code)?.emit('class:state', registry.stateOf(live));
    },

    /**
     * Closes the lesson's sockets in this class and forgets what it stored
     * (the counter, the chat); what it held in memory goes with its last socket.
     */
    async resetLesson(live: LiveClass, slug: string) {
      const name = classLessonNamespace(live.code, slug);
      presence.get(live.code)?.emit('class:reset', { lesson: slug });
      for (const nsp of lessonNamespacesOf(live)) if (nsp.name === name) nsp.disconnectSockets(true);
      // Let the lesson's disconnect handlers finish (chat stores "Ada left") before forgetting.
      await new Promise((resolve) => setImmediate(resolve));
      await servicesFor(name).clear();
    },

    removeStudent(live: LiveClass, name: string) {
      const student = registry.remove(live, name);
      if (!student) return false;
      logger.info({ code: live.code }, 'student removed by the instructor');
      const ids = [...student.sockets];
      const room = presence.get(live.code);
      if (room && ids.length) {
        room.to(ids).emit('class:removed', { reason: 'The instructor removed you from the class.' });
        room.in(ids).disconnectSockets(true);
      }
      for (const nsp of lessonNamespacesOf(live)) {
        for (const socket of nsp.sockets.values()) if (socket.data.classKey === student.key) socket.disconnect(true);
      }
      return true;
    },

    end(code: string, reason: string) {
      const live = registry.get(code);
      if (!live) return;
      logger.info({ code, students: live.students.size }, 'class ended');
      registry.end(code);
      const room = presence.get(code);
      room?.emit('class:ended', { reason });
      room?.disconnectSockets(true);
      presence.delete(code);
      for (const nsp of lessonNamespacesOf(live)) nsp.disconnectSockets(true);
      // What the class's lessons stored ends with the class.
      for (const slug of lessonsBySlug.keys()) void servicesFor(classLessonNamespace(code, slug)).clear();
    },
  };
}

export type ClassControl = ReturnType<typeof createClassControl>;
