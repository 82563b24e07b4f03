/**
 * Names of namespaces and class codes. No zod here: the browser imports this
 * module on every lesson page, and the validation library would weigh more
 * than the whole Socket.IO client.
 */

/** Class codes: 6 capital letters and digits, without the look-alikes 0/O/1/I. */
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;
export const CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);
export const CODE_HINT = 'A class code is 6 letters and digits, like K7QX2M.';

/** A code as typed (spaces around, small letters) made canonical, or why it is not one. */
export function readClassCode(text: string): { ok: true; code: string } | { ok: false; error: string } {
  const code = text.trim().toUpperCase();
  return CODE_PATTERN.test(code) ? { ok: true, code } : { ok: false, error: CODE_HINT };
}

/** The namespace of a lesson's demo in the public space: `/<slug>`. */
export function lessonNamespace(slug: string): string {
  return `/${slug}`;
}

/** The namespace a student's page keeps open while in a class: presence, follow-me, announcements. */
export const classNamespace = (code: string) => `/class/${code}`;
/** A lesson's demo inside a class: the same lesson code, its own state. */
export const classLessonNamespace = (code: string, slug: string) => `/class/${code}/${slug}`;
