import type { Namespace } from 'socket.io';
import type { ClassSummary } from '../../shared/class-mode.ts';

/** How often the class list hears a class's student count, at most. */
const FLUSH_MS = 500;

/**
 * The student count of each class, for the instructor's class list: a class
 * whose roster changed is counted again (from the store, which every process
 * shares) and told to every instructor, a couple of times a second at most,
 * however many students arrive at once.
 */
export function createClassCountFeed(
  instructors: Namespace,
  openClasses: () => Promise<ClassSummary[]>,
  onError: (error: unknown) => void,
) {
  const dirty = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function flush() {
    timer = undefined;
    const codes = new Set(dirty);
    dirty.clear();
    try {
      for (const { code, students } of await openClasses())
        if (codes.has(code)) instructors.emit('class:students', { code, students });
    } catch (error) {
      onError(error); // the next change counts again
    }
  }

  return {
    /** The roster of this class changed here: someone may have joined or been removed. */
    changed(code: string) {
      dirty.add(code);
      timer ??= setTimeout(() => void flush(), FLUSH_MS);
    },
    close() {
      clearTimeout(timer);
    },
  };
}
