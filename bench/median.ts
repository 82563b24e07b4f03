/**
 * The figure-by-figure median of several runs of one shape: each number is
 * the median of its values across the runs (so one run's p50 may come from
 * another run than its p99). A run disturbed by the load generator, which
 * shares the cores, then moves no figure.
 */
export function medianOf<T>(runs: readonly T[]): T {
  const [first] = runs;
  if (typeof first === 'number') return median(runs as readonly number[]) as T;
  if (first === null || typeof first !== 'object' || Array.isArray(first)) return first as T;
  return Object.fromEntries(
    Object.keys(first).map((key) => [key, medianOf(runs.map((run) => (run as Record<string, unknown>)[key]))]),
  ) as T;
}

/** Of the finite values (a round that measured nothing has NaN there); NaN if none is. */
function median(values: readonly number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!sorted.length) return Number.NaN;
  const middle = sorted.length >> 1;
  const value = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return Math.round(value * 100) / 100;
}

/** `items` turned left by `by` places: each round of a bench starts with another server, so none always goes first. */
export function rotated<T>(items: readonly T[], by: number): T[] {
  const at = by % items.length;
  return [...items.slice(at), ...items.slice(0, at)];
}
