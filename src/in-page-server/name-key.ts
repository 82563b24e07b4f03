/**
 * Greek and Cyrillic letters that look like Latin ones, each with the Latin it
 * looks like (from Unicode's confusables, as `unhomoglyph` has them).
 */
const LOOK_ALIKES = new Map(
  [
    ...'αaаaΑAАAЬbΒBВBϲcсcϹCСCеeҽeΕEЕEϜFһhΗHНHιiͺiіiӏiϳjјjͿJЈJΚKКKΙIІIӀIΜMϺMМMΝNοoσo',
    ...'оoΟOОOρpϱpрpΡPРPгrѕsЅSΤTТTυuνvѵvѴVѡwхxΧXХXγyуyүyΥYϒYУYҮYΖZ',
  ].flatMap((letter, i, all) => (i % 2 ? [] : [[letter, all[i + 1]!] as const])),
);
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * The key two names are compared by, as the workshop's `nameKey`, lighter: the
 * workshop's server uses Unicode's whole confusables table (28 KB gzipped);
 * here, case, width, invisible characters and the Greek and Cyrillic letters
 * that pass for Latin ones ("Аda" with a Cyrillic А is "Ada").
 */
export function nameKey(name: string): string {
  const plain = name.normalize('NFKC').replace(IGNORABLE, '').replace(/\s+/gu, ' ').trim();
  return [...plain.normalize('NFD')]
    .map((char) => LOOK_ALIKES.get(char) ?? char)
    .join('')
    .toLowerCase();
}
