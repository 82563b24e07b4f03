import { io, type Socket } from 'socket.io-client';
import type { StudentClientEvents, StudentServerEvents } from '../../shared/class-mode.ts';
import { classNamespace, lessonNamespace, memberLessonNamespace } from '../../shared/namespaces.ts';

/** What a browser remembers of its class: the code, the student's name, and a key only it knows. */
export interface ClassSession {
  code: string;
  title: string;
  name: string;
  key: string;
}

const STORAGE_KEY = 'socket-workshop:class';

export function currentClass(): ClassSession | null {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    return saved && typeof saved.code === 'string' && typeof saved.key === 'string' ? saved : null;
  } catch {
    return null;
  }
}

export function saveClass(session: ClassSession) {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
}

export function forgetClass() {
  localStorage.removeItem(STORAGE_KEY);
  localStorage.removeItem(GROUP_KEY);
}

// The student's group (when the class is split), kept apart from the session: the class page
// hears it and says it here, and the next page's demos connect to their group at once.
const GROUP_KEY = 'socket-workshop:class-group';

/** The group this browser's student was last told, in the class with `code`; null when none. */
export function currentGroup(code: string): number | null {
  try {
    const saved = JSON.parse(localStorage.getItem(GROUP_KEY) ?? 'null');
    return saved?.code === code && Number.isInteger(saved.group) ? saved.group : null;
  } catch {
    return null;
  }
}

export function saveGroup(code: string, group: number | null) {
  localStorage.setItem(GROUP_KEY, JSON.stringify({ code, group }));
}

/** A new student key, or the one this browser already has (so a returning student keeps their name). */
export function studentKey(): string {
  return currentClass()?.key ?? crypto.randomUUID();
}

/** What a student key looks like (the server's rule): a link may carry only that. */
const KEY_SHAPE = /^[\w-]{16,64}$/;

/**
 * A link that is this student on another device (a phone, the lab's other machine): it carries
 * their key, so it joins as them and the class gives that page their progress. A secret, like a
 * password: only for their own devices.
 */
export function anotherDeviceLink(session: ClassSession, origin = location.origin): string {
  const params = new URLSearchParams({ class: session.code, as: session.key, name: session.name });
  return `${origin}/?${params}`;
}

/** The key and name of a link made by `anotherDeviceLink`, if the address has a well-formed one. */
export function keyFromLink(search: string): { key: string; name: string } | null {
  const params = new URLSearchParams(search);
  const key = params.get('as');
  const name = params.get('name')?.trim() ?? '';
  return key && KEY_SHAPE.test(key) && name ? { key, name: name.slice(0, 24) } : null;
}

/** Where a lesson's demo connects: the class's (or the student's group's) namespace when in a class, else the public one. */
export function demoNamespace(slug: string): { namespace: string; classKey?: string } {
  const session = currentClass();
  return session
    ? { namespace: memberLessonNamespace(session.code, slug, currentGroup(session.code)), classKey: session.key }
    : { namespace: lessonNamespace(slug) };
}

export type StudentSocket = Socket<StudentServerEvents, StudentClientEvents>;

/** The student's page in the class: presence, follow-me and announcements come through it. */
export function connectToClass(code: string, name: string, key: string): StudentSocket {
  return io(classNamespace(code), { auth: { name, key }, forceNew: true });
}

/** The server's refusals, in words for the student. */
export function explainRefusal(message: string): string {
  if (message === 'unknown class') return 'There is no open class with that code. Check it with your instructor.';
  if (message === 'removed from class') return 'The instructor removed you from this class.';
  return message;
}
