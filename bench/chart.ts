/** One point of the sweep: a class size and what both servers measured there. */
export interface SweepPoint {
  students: number;
  workshop: { p50: number; p99: number; heapKB: number };
  ws: { p50: number; p99: number; heapKB: number };
}

interface Series {
  label: string;
  color: string;
  dashed?: boolean;
  /** A fitted line has no dots: it was not measured. */
  dots?: boolean;
  points: [x: number, y: number][];
}

/** What runs across: its name and the values written under it. */
interface Axis {
  label: string;
  ticks: number[];
}

const W = 360;
const H = 260;
const PAD = { left: 52, right: 16, top: 40, bottom: 44 };
const OURS = '#3b5bdb';
const FLOOR = '#868e96';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const niceMax = (n: number) => {
  const step = 10 ** Math.floor(Math.log10(n || 1));
  return Math.ceil(n / step) * step;
};

/**
 * One line chart: `across` (class size, minutes) across, the series up from 0.
 * `headroom` over the highest value keeps a level line clear of the legend.
 */
function panel(title: string, unit: string, across: Axis, series: Series[], dx: number, headroom = 1) {
  const maxX = Math.max(...across.ticks, ...series.flatMap((s) => s.points.map(([x]) => x)));
  const maxY = niceMax(headroom * Math.max(...series.flatMap((s) => s.points.map(([, y]) => y))));
  const x = (v: number) => dx + PAD.left + (v / maxX) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - v / maxY) * (H - PAD.top - PAD.bottom);
  const parts: string[] = [
    `<text x="${dx + W / 2}" y="20" text-anchor="middle" font-weight="600">${escapeXml(title)}</text>`,
    `<line x1="${x(0)}" y1="${y(0)}" x2="${x(maxX)}" y2="${y(0)}" stroke="#adb5bd"/>`,
    `<line x1="${x(0)}" y1="${y(0)}" x2="${x(0)}" y2="${y(maxY)}" stroke="#adb5bd"/>`,
    `<text x="${dx + W / 2}" y="${H - 8}" text-anchor="middle">${escapeXml(across.label)}</text>`,
    `<text x="${dx + 14}" y="${PAD.top - 10}">${escapeXml(unit)}</text>`,
  ];
  for (const tick of across.ticks) {
    parts.push(`<text x="${x(tick)}" y="${y(0) + 16}" text-anchor="middle">${tick}</text>`);
  }
  for (const tick of [0, 0.5, 1]) {
    parts.push(
      `<text x="${x(0) - 6}" y="${y(maxY * tick) + 4}" text-anchor="end">${Math.round(maxY * tick * 10) / 10}</text>`,
    );
  }
  series.forEach((s, i) => {
    const points = s.points.map(([px, py]) => `${x(px).toFixed(1)},${y(py).toFixed(1)}`).join(' ');
    parts.push(
      `<polyline points="${points}" fill="none" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
      ...(s.dots === false
        ? []
        : s.points.map(([px, py]) => `<circle cx="${x(px)}" cy="${y(py)}" r="3" fill="${s.color}"/>`)),
      `<line x1="${dx + PAD.left + 8}" x2="${dx + PAD.left + 28}" y1="${PAD.top + i * 16}" y2="${PAD.top + i * 16}" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
      `<text x="${dx + PAD.left + 34}" y="${PAD.top + 4 + i * 16}" fill="${s.color}">${escapeXml(s.label)}</text>`,
    );
  });
  return parts.join('\n  ');
}

/** Broadcast latency and memory per student against class size, the workshop beside raw `ws`, as SVG. */
export function sweepChart(points: SweepPoint[], caption: string) {
  const students = { label: 'students', ticks: points.map((p) => p.students) };
  const by = (pick: (p: SweepPoint) => number) => points.map((p): [number, number] => [p.students, pick(p)]);
  const latency = panel(
    'One broadcast to all',
    'ms',
    students,
    [
      { label: 'workshop p99', color: OURS, dashed: true, points: by((p) => p.workshop.p99) },
      { label: 'workshop p50', color: OURS, points: by((p) => p.workshop.p50) },
      { label: 'raw ws p99', color: FLOOR, dashed: true, points: by((p) => p.ws.p99) },
      { label: 'raw ws p50', color: FLOOR, points: by((p) => p.ws.p50) },
    ],
    0,
  );
  const memory = panel(
    'Server heap per student',
    'KB',
    students,
    [
      { label: 'workshop', color: OURS, points: by((p) => p.workshop.heapKB) },
      { label: 'raw ws', color: FLOOR, points: by((p) => p.ws.heapKB) },
    ],
    W,
  );
  return figure('Socket Workshop benchmark: latency and memory by class size', caption, latency, memory);
}

/** Two panels side by side, and the caption under them. */
function figure(title: string, caption: string, left: string, right: string) {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${2 * W} ${H + 24}" width="${2 * W}" height="${H + 24}" role="img" aria-labelledby="title desc" font-family="system-ui, sans-serif" font-size="12">
  <title id="title">${escapeXml(title)}</title>
  <desc id="desc">${escapeXml(caption)}</desc>
  <rect width="100%" height="100%" fill="#fff"/>
  ${left}
  ${right}
  <text x="${W}" y="${H + 16}" text-anchor="middle" fill="#495057">${escapeXml(caption)}</text>
</svg>
`;
}

/** One sample of a soak, as drawn. */
export interface SoakPoint {
  seconds: number;
  heapMB: number;
  rssMB: number;
}

/** The line fitted to the heap (MB against seconds), from `fromS` to `toS`, and what its legend says. */
export interface SoakFit {
  fromS: number;
  toS: number;
  interceptMB: number;
  slopeMBPerS: number;
  label: string;
}

/** Up to 6 steps across, each a round number of minutes. */
function minuteTicks(maxMinutes: number) {
  const step = [0.25, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 240, 480].find((s) => maxMinutes / s <= 6) ?? 480;
  return Array.from({ length: Math.floor(maxMinutes / step + 1e-9) + 1 }, (_, i) => i * step);
}

/** The server's heap (with the fitted line) and RSS after a full GC, over the minutes of a soak, as SVG. */
export function soakChart(samples: SoakPoint[], fit: SoakFit | undefined, caption: string) {
  const minutes = { label: 'minutes', ticks: minuteTicks(Math.max(...samples.map((s) => s.seconds)) / 60) };
  const at = (pick: (s: SoakPoint) => number) => samples.map((s): [number, number] => [s.seconds / 60, pick(s)]);
  const line =
    fit && [fit.fromS, fit.toS].map((s): [number, number] => [s / 60, fit.interceptMB + fit.slopeMBPerS * s]);
  const heap = panel(
    'Server heap after a full GC',
    'MB',
    minutes,
    [
      { label: 'heap', color: OURS, points: at((s) => s.heapMB) },
      ...(fit && line ? [{ label: fit.label, color: FLOOR, dashed: true, dots: false, points: line }] : []),
    ],
    0,
    1.25,
  );
  const rss = panel(
    'Server RSS after a full GC',
    'MB',
    minutes,
    [{ label: 'RSS', color: OURS, points: at((s) => s.rssMB) }],
    W,
    1.25,
  );
  return figure("Socket Workshop soak: the server's memory over time", caption, heap, rss);
}
