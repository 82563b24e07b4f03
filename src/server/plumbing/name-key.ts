// unhomoglyph: Unicode's own confusables.txt as one table, no dependencies, what Matrix compares display names with
// (`confusables` is English-only, `decancer` a native binary per platform, `unicode-confusables` finds but does not map).
import unhomoglyph from 'unhomoglyph';

// Drawn as nothing: names cannot hold them (contract.ts), and a key should not depend on them either.
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

/** Unicode's confusable skeleton (UTS #39): NFD, each character to its prototype, NFD again. */
const skeleton = (text: string) => unhomoglyph(text.normalize('NFD')).normalize('NFD');

/**
 * The key two names are compared by (equal keys: the names look alike or differ only in case):
 * NFKC, invisible characters out, spaces squeezed, then the skeleton of the upper-cased name,
 * lower-cased, and its skeleton again. Upper case first makes "Во" (Cyrillic) and "Bo", "Ian" and
 * "lan" meet; the second skeleton catches look-alikes in lower case ("m" and "rn"). The price:
 * names that differ only in letters whose capitals look alike share a key ("Ali" and "All").
 * A key is for comparing, never for showing ("Emma" gives "ernrna").
 */
export function nameKey(name: string): string {
  const plain = name.normalize('NFKC').replace(IGNORABLE, '').replace(/\s+/gu, ' ').trim();
  return skeleton(skeleton(plain.toUpperCase()).toLowerCase()).toLowerCase();
}
