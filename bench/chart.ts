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
  values: number[];
}

const W = 360;
const H = 260;
const PAD = { left: 52, right: 16, top: 40, bottom: 44 };
const OURS = '#3b5bdb';
const FLOOR = '#868e96';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const niceMax = (n: number) => {
  const step = 10 ** Math.floor(Math.log10(n || 1));
  return Math.ceil(n / step) * step;
};

/** One line chart: class size across, the series up. */
function panel(title: string, unit: string, sizes: number[], series: Series[], dx: number) {
  const maxX = Math.max(...sizes);
  const maxY = niceMax(Math.max(...series.flatMap((s) => s.values)));
  const x = (v: number) => dx + PAD.left + (v / maxX) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - v / maxY) * (H - PAD.top - PAD.bottom);
  const parts: string[] = [
    `<text x="${dx + W / 2}" y="20" text-anchor="middle" font-weight="600">${escape(title)}</text>`,
    `<line x1="${x(0)}" y1="${y(0)}" x2="${x(maxX)}" y2="${y(0)}" stroke="#adb5bd"/>`,
    `<line x1="${x(0)}" y1="${y(0)}" x2="${x(0)}" y2="${y(maxY)}" stroke="#adb5bd"/>`,
    `<text x="${dx + W / 2}" y="${H - 8}" text-anchor="middle">students</text>`,
    `<text x="${dx + 14}" y="${PAD.top - 10}">${escape(unit)}</text>`,
  ];
  for (const size of sizes) {
    parts.push(`<text x="${x(size)}" y="${y(0) + 16}" text-anchor="middle">${size}</text>`);
  }
  for (const tick of [0, 0.5, 1]) {
    parts.push(`<text x="${x(0) - 6}" y="${y(maxY * tick) + 4}" text-anchor="end">${Math.round(maxY * tick * 10) / 10}</text>`);
  }
  series.forEach((s, i) => {
    const points = s.values.map((v, j) => `${x(sizes[j]!).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    parts.push(
      `<polyline points="${points}" fill="none" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
      ...s.values.map((v, j) => `<circle cx="${x(sizes[j]!)}" cy="${y(v)}" r="3" fill="${s.color}"/>`),
      `<line x1="${dx + PAD.left + 8}" x2="${dx + PAD.left + 28}" y1="${PAD.top + i * 16}" y2="${PAD.top + i * 16}" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
      `<text x="${dx + PAD.left + 34}" y="${PAD.top + 4 + i * 16}" fill="${s.color}">${escape(s.label)}</text>`,
    );
  });
  return parts.join('\n  ');
}

/** Broadcast latency and memory per student against class size, the workshop beside raw `ws`, as SVG. */
export function sweepChart(points: SweepPoint[], caption: string) {
  const sizes = points.map((p) => p.students);
  const latency = panel('One broadcast to all', 'ms', sizes, [
    { label: 'workshop p99', color: OURS, dashed: true, values: points.map((p) => p.workshop.p99) },
    { label: 'workshop p50', color: OURS, values: points.map((p) => p.workshop.p50) },
    { label: 'raw ws p99', color: FLOOR, dashed: true, values: points.map((p) => p.ws.p99) },
    { label: 'raw ws p50', color: FLOOR, values: points.map((p) => p.ws.p50) },
  ], 0);
  const memory = panel('Server heap per student', 'KB', sizes, [
    { label: 'workshop', color: OURS, values: points.map((p) => p.workshop.heapKB) },
    { label: 'raw ws', color: FLOOR, values: points.map((p) => p.ws.heapKB) },
  ], W);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${2 * W} ${H + 24}" width="${2 * W}" height="${H + 24}" role="img" aria-labelledby="title desc" font-family="system-ui, sans-serif" font-size="12">
  <title id="title">Socket Workshop benchmark: latency and memory by class size</title>
  <desc id="desc">${escape(caption)}</desc>
  <rect width="100%" height="100%" fill="#fff"/>
  ${latency}
  ${memory}
  <text x="${W}" y="${H + 16}" text-anchor="middle" fill="#495057">${escape(caption)}</text>
</svg>
`;
}
