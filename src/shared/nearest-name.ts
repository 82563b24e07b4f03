/** How many single-character edits (insert, delete, replace, swap two neighbours) turn `a` into `b`. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  return rows[a.length]![b.length]!;
}

/**
 * The name among `names` that `typed` most likely meant (a typo: `decrment`,
 * `emit:al`, `Increment`), if one is close enough: at most two edits, and
 * fewer than a third of its letters. Undefined when nothing is that close.
 */
export function nearestName(typed: string, names: readonly string[]): string | undefined {
  if (typed.length > 60) return undefined; // a name that long is no typo of a short one
  let nearest: string | undefined;
  let distance = Number.POSITIVE_INFINITY;
  for (const name of names) {
    const d = editDistance(typed.toLowerCase(), name.toLowerCase());
    if (d < distance) [nearest, distance] = [name, d];
  }
  return nearest !== undefined && distance <= 2 && distance < Math.max(1, nearest.length / 3) ? nearest : undefined;
}
