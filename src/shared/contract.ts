import { z } from 'zod';

/** Names shown to others: trimmed, 1 to 24 characters (the public contract). */
export const NAME_MAX = 24;

// Nothing in a name may be invisible or a control: Cc, Cf (bidi overrides, zero-width spaces, tags),
// Co, Cn, Zl, Zp, whatever Unicode says to draw as nothing (Default_Ignorable_Code_Point: soft hyphen,
// Hangul fillers, variation selectors, the combining grapheme joiner) and two blank symbols that are not
// in it (U+2800 Braille blank, U+1D159 null notehead).
const HIDDEN = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\u2800\u{1D159}]/u;
// The invisible characters that do show: a ZWJ between emoji (👩‍💻), VS16 after one (❤️, 1️⃣), a ZWNJ
// between Arabic-script letters (Persian writes names with it). They are taken out before HIDDEN looks.
const SHOWN = new RegExp(
  [
    String.raw`(?<=\p{Extended_Pictographic}[\uFE0F\p{Emoji_Modifier}]?)\u200D(?=\p{Extended_Pictographic})`,
    String.raw`(?<=\p{Emoji})\uFE0F`,
    String.raw`(?<=\p{Script=Arabic}\p{M}*)\u200C(?=\p{Script=Arabic})`,
  ].join('|'),
  'gu',
);
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

/** No control or invisible characters (room names too: the chat's server keys rooms with one). */
export const visibleOnly = (text: string) => !HIDDEN.test(text.replace(SHOWN, ''));

/**
 * Text people see as a name (of a person or a room): NFKC (fullwidth "Ａｄａ" is "Ada"), trimmed, then
 * 1 to `max` characters, nothing hidden and something to see. Zod counts code points, as it did before
 * NFKC came in (a page's `maxlength` counts UTF-16 units, so it is never the looser of the two).
 */
export const shownText = (
  max: number,
  say: { type: string; empty: string; long: string; hidden: string; blank: string },
) =>
  z
    .string({ error: say.type })
    .normalize('NFKC')
    .trim()
    .min(1, say.empty)
    .max(max, say.long)
    .refine(visibleOnly, say.hidden)
    .refine((text) => VISIBLE.test(text), say.blank);

/** A room's name, in chat and in `rooms`: broadcast in "Ada joined <room>", so checked as a person's name is. */
export const roomName = (max: number, say: { type: string; empty: string }) =>
  shownText(max, {
    ...say,
    long: `A room name can be at most ${max} characters.`,
    hidden: 'A room name cannot contain invisible or control characters.',
    blank: 'A room name needs at least one visible character.',
  });

export const displayName = shownText(NAME_MAX, {
  type: 'Your name must be text.',
  empty: 'Your name cannot be empty.',
  long: `Your name can be at most ${NAME_MAX} characters.`,
  hidden: 'Your name cannot contain invisible or control characters.',
  blank: 'Your name needs at least one visible character.',
});

/** The handshake may carry `auth: { name }`; anything else in it is ignored. */
export const handshakeAuth = z.object({ name: displayName.optional() }).loose();

export { lessonNamespace } from './namespaces.ts';
