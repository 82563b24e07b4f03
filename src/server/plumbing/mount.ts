import { createGuard, type BoundaryHooks } from './boundary.ts';
import { nameFromHandshake } from './identity.ts';
import type { AnyNamespace, LessonModule, LessonServices } from './types.ts';

/**
 * Puts a lesson on a namespace: the plumbing first (names, the input
 * boundary), then the lesson's own `register`, which sees a plain namespace.
 * Everything it keeps lives in closures made here, one set per namespace.
 */
export function mountLesson(nsp: AnyNamespace, lesson: LessonModule, hooks: BoundaryHooks, services: LessonServices) {
  nsp.use(nameFromHandshake());
  // Registered before the lesson's own listener, so it runs first.
  nsp.on('connection', createGuard(lesson.contract.clientEvents, hooks));
  lesson.register(nsp, services);
}
