/** One sample of a soak: seconds since it began, and the server's heap after a full GC (bytes). */
export interface HeapPoint {
  seconds: number;
  heapUsed: number;
}

/**
 * The rule. A line (least squares) is fitted to the heap after the warm-up;
 * the heap is flat when that line rises less than 2 MB, or 5 % of the heap
 * where the line starts, per 10 minutes, whichever is more. Under that, a
 * server could run for a day and gain a few hundred MB at most; over it,
 * something keeps what it should have let go. A falling line is flat.
 */
export const FLAT_MB_PER_10_MIN = 2;
export const FLAT_SHARE_PER_10_MIN = 0.05;

/**
 * The warm-up left out of the fit: the server's heap fills before it can
 * level (caches, JIT, and the recovery buffer: Socket.IO keeps each
 * broadcast for `recoveryS`, and prunes once a minute). A run of at least
 * twice that leaves it all out; a shorter one leaves out its first 20 %,
 * and its verdict says the heap may not have settled.
 */
export function warmUpSeconds(durationS: number, settleS: number): number {
  return durationS >= 2 * settleS ? settleS : 0.2 * durationS;
}

export interface Verdict {
  /** Undefined: too few samples after the warm-up to fit a line. */
  flat: boolean | undefined;
  /** The fitted line's rise per 10 minutes, and what a flat heap may rise (MB). */
  mbPer10Min: number;
  limitMB: number;
  /** The first and last samples fitted (MB, and seconds since the start). */
  fromMB: number;
  toMB: number;
  fromS: number;
  toS: number;
  /** The line, in MB against seconds: heap = interceptMB + slopeMBPerS × seconds. */
  interceptMB: number;
  slopeMBPerS: number;
  sentence: string;
}

const MB = 1e6;
const round1 = (n: number) => Math.round(n * 10) / 10;
/** MB with its sign and one decimal: +0.2, −1.5. */
export const signed = (n: number) => `${round1(n) >= 0 ? '+' : '−'}${Math.abs(n).toFixed(1)}`;
/** Bytes in MB, to 0.1. */
export const mb = (bytes: number) => round1(bytes / MB);
/** Seconds as m:ss. */
export const minutesSeconds = (seconds: number) => {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/**
 * Whether the heap stayed flat, and the sentence that says so; `settleS`:
 * how long the server's heap takes to fill (see `warmUpSeconds`).
 */
export function heapVerdict(points: HeapPoint[], settleS: number): Verdict {
  const durationS = points.at(-1)?.seconds ?? 0;
  const warmUpS = warmUpSeconds(durationS, settleS);
  const settled = warmUpS >= settleS;
  const fitted = points.filter((p) => p.seconds >= warmUpS);
  const xs = fitted.map((p) => p.seconds);
  const ys = fitted.map((p) => p.heapUsed / MB);
  const first = fitted[0];
  const last = fitted.at(-1);
  if (fitted.length < 2 || !first || !last || last.seconds === first.seconds) {
    return {
      flat: undefined,
      mbPer10Min: NaN,
      limitMB: NaN,
      fromMB: NaN,
      toMB: NaN,
      fromS: first?.seconds ?? NaN,
      toS: last?.seconds ?? NaN,
      interceptMB: NaN,
      slopeMBPerS: NaN,
      sentence: `Heap: too few samples after the first ${minutesSeconds(warmUpS)} to tell whether it is flat; run longer.`,
    };
  }
  const { slope, intercept } = leastSquares(xs, ys);
  const mbPer10Min = slope * 600;
  const baseMB = intercept + slope * first.seconds;
  const limitMB = Math.max(FLAT_MB_PER_10_MIN, FLAT_SHARE_PER_10_MIN * baseMB);
  const flat = mbPer10Min < limitMB;
  const [fromMB, toMB] = [first.heapUsed / MB, last.heapUsed / MB];
  const span = `from ${minutesSeconds(first.seconds)} to ${minutesSeconds(last.seconds)}`;
  const rule = `flat is under ${round1(limitMB)} MB per 10 min, fitted from ${minutesSeconds(warmUpS)} on`;
  const caveat = settled ? '' : '; the run was too short for the heap to settle, so take it as a first look';
  const sentence = flat
    ? `Heap flat: ${fromMB.toFixed(1)} MB to ${toMB.toFixed(1)} MB ${span} (${signed(mbPer10Min)} MB per 10 min; ${rule}${caveat}).`
    : `Heap grows: ${signed(mbPer10Min)} MB per 10 min, ${fromMB.toFixed(1)} MB to ${toMB.toFixed(1)} MB ${span} (${rule}${caveat}); look for a leak.`;
  return {
    flat,
    mbPer10Min,
    limitMB,
    fromMB,
    toMB,
    fromS: first.seconds,
    toS: last.seconds,
    interceptMB: intercept,
    slopeMBPerS: slope,
    sentence,
  };
}

function leastSquares(xs: number[], ys: number[]) {
  const n = xs.length;
  const meanX = xs.reduce((a, b) => a + b, 0) / n;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  xs.forEach((x, i) => {
    sxy += (x - meanX) * (ys[i]! - meanY);
    sxx += (x - meanX) ** 2;
  });
  const slope = sxx ? sxy / sxx : 0;
  return { slope, intercept: meanY - slope * meanX };
}
