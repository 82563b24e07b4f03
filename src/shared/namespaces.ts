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

// Groups (issue 22): a class split into groups gives each group its own copy of every demo.

/** At most this many groups in a class. */
export const MAX_GROUPS = 50;
/**
 * Between a class code and its group's number in a namespace (`/class/K7QX2M~2/rooms`):
 * no class code nor lesson slug can contain it, so a group's space is never another's.
 */
export const GROUP_SEPARATOR = '~';
/** A lesson's demo inside one group of a class: the same lesson code, the group's own state. */
export const groupLessonNamespace = (code: string, group: number, slug: string) =>
  `/class/${code}${GROUP_SEPARATOR}${group}/${slug}`;
/** Where a class member's demo of a lesson connects: their group's, or the class's when it is not split. */
export const memberLessonNamespace = (code: string, slug: string, group?: number | null) =>
  group ? groupLessonNamespace(code, group, slug) : classLessonNamespace(code, slug);

/**
 * What a class member's in-page client is called, here and by the server: the first is the
 * member ("Ada"), the next ones say whose they are ("Ada's client 2"), within the 24 characters
 * of a name. A name too long for that is cut and marked with a tag of the whole name, so that two
 * long names that start alike still give two names ("Alexandrina~4k's client 2").
 * `client` is the client's number on its page; anything else is the first.
 */
export function memberClientName(name: string, client: unknown): string {
  if (typeof client !== 'number' || !Number.isInteger(client) || client < 2 || client > 99) return name;
  const suffix = `'s client ${client}`;
  const letters = [...name];
  if (letters.length + suffix.length <= 24) return `${name}${suffix}`;
  const tag = `~${nameTag(name)}`;
  return `${letters
    .slice(0, 24 - suffix.length - tag.length)
    .join('')
    .trimEnd()}${tag}${suffix}`;
}

/** Two characters from the whole of `name` (FNV-1a): different for names that differ anywhere, nearly always. */
function nameTag(name: string): string {
  let hash = 0x811c9dc5;
  for (const char of name) hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193) >>> 0;
  return (hash % 1296).toString(36).padStart(2, '0');
}

/** A roster name that reads like a classmate's extra client ("Ada's client 2"), which nobody may take. */
export const CLIENT_NAME = /('s client \d+|~[0-9a-z]{2}'s client \d+)$/i;

/** A client's name in at most 6 characters, for a small label: "Ada's client 2" is "Ada 2". */
export function shortClientName(name: string): string {
  const owned = /^(.+)'s client (\d+)$/.exec(name);
  return owned
    ? `${[...owned[1]!].slice(0, 5 - owned[2]!.length).join('')} ${owned[2]}`
    : [...name].slice(0, 6).join('');
}
