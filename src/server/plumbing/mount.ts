import type { Server } from 'socket.io';
import { createGuard, type BoundaryHooks } from './boundary.ts';
import { guardNamespace } from './guarded.ts';
import { nameFromHandshake } from './identity.ts';
import type { AnyNamespace, LessonChild, LessonModule, LessonServices } from './types.ts';

/**
 * Puts a lesson on a namespace: the plumbing first (names, the input
 * boundary), then the lesson's own `register`, which sees a plain namespace.
 * Everything it keeps lives in closures made here, one set per namespace.
 */
export function mountLesson(nsp: AnyNamespace, lesson: LessonModule, hooks: BoundaryHooks, services: LessonServices) {
  mountPlumbing(nsp, lesson, hooks);
  lesson.register(nsp, services);
}

/** Puts one of a lesson's children on a namespace, behind the same plumbing, with the lesson's services. */
export function mountChild(nsp: AnyNamespace, lesson: LessonModule, child: LessonChild, hooks: BoundaryHooks, services: LessonServices) {
  mountPlumbing(nsp, lesson, hooks);
  child.register(nsp, services);
}

function mountPlumbing(nsp: AnyNamespace, lesson: LessonModule, hooks: BoundaryHooks) {
  // Before anything is added: the lesson's middlewares and connection listeners cannot end the process.
  guardNamespace(nsp, {
    onFault: (error, where, namespace) => hooks.onFault?.(error, where, namespace),
    first: [nameFromHandshake()],
    last: hooks.admit,
    tries: hooks.tries,
  });
  // Registered before the lesson's own listener, so it runs first.
  nsp.on('connection', createGuard(lesson.contract.clientEvents, hooks));
}

/** The child of `lesson` that serves the namespace `name` under the lesson's namespace `base`, if any. */
export function childServing(lesson: LessonModule | undefined, base: string, name: string): LessonChild | undefined {
  if (!lesson?.children || !name.startsWith(`${base}/`)) return undefined;
  const path = name.slice(base.length);
  return lesson.children.find((child) => child.path.test(path));
}

/**
 * A lesson's children in the public space: Socket.IO makes each namespace
 * the first time a client asks for a name one of them serves (any other name
 * is refused as an unknown namespace), and drops it when it is empty again.
 */
export function serveChildren(io: Server, base: string, lesson: LessonModule, hooks: BoundaryHooks, services: LessonServices) {
  io.of((name, _auth, next) => next(null, childServing(lesson, base, name) !== undefined));
  io.on('new_namespace', (nsp) => {
    const child = childServing(lesson, base, nsp.name);
    if (child) mountChild(nsp as AnyNamespace, lesson, child, hooks, services);
  });
}
