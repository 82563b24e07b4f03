/**
 * The values the demo sends, each with the code its sender wrote (sent as
 * the label, so that whoever receives it sees both), and how a received value
 * is described. What each one becomes is checked in contract.test.ts.
 */
class Point {
  x: number;
  y: number;
  constructor(x: number, y: number) {
    this.x = x;
    this.y = y;
  }
  length() {
    return Math.hypot(this.x, this.y);
  }
}

export interface Specimen {
  code: string;
  make: () => unknown;
}

export const SPECIMENS: Specimen[] = [
  { code: '"héllo 🙂"', make: () => 'héllo 🙂' },
  {
    code: '{ name: "Ada", tags: ["x"], nested: { ok: true } }',
    make: () => ({ name: 'Ada', tags: ['x'], nested: { ok: true } }),
  },
  {
    code: 'new Date("2026-01-01T12:00:00Z")',
    make: () => new Date('2026-01-01T12:00:00Z'),
  },
  {
    code: 'new Map([["Ada", 3], ["Bo", 5]])',
    make: () =>
      new Map([
        ['Ada', 3],
        ['Bo', 5],
      ]),
  },
  {
    code: '[...new Map([["Ada", 3], ["Bo", 5]])]',
    make: () => [
      ...new Map([
        ['Ada', 3],
        ['Bo', 5],
      ]),
    ],
  },
  { code: 'new Set(["red", "blue"])', make: () => new Set(['red', 'blue']) },
  { code: '[1, undefined, 3]', make: () => [1, undefined, 3] },
  { code: '{ a: 1, b: undefined }', make: () => ({ a: 1, b: undefined }) },
  {
    code: '{ a: 1, greet() { return "hi"; } }',
    make: () => ({ a: 1, greet: () => 'hi' }),
  },
  { code: 'new Point(3, 4) (a class with a method)', make: () => new Point(3, 4) },
  {
    code: '[NaN, Infinity, -0]',
    make: () => [Number.NaN, Number.POSITIVE_INFINITY, -0],
  },
  { code: 'new Error("boom")', make: () => new Error('boom') },
  { code: 'new Uint8Array([1, 2, 3])', make: () => new Uint8Array([1, 2, 3]) },
  { code: '10n (a BigInt)', make: () => 10n },
];

const cut = (text: string, max = 120) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/** A received value as text, and what kind of thing it is now. */
export function describeArrival(value: unknown): { text: string; kind: string } {
  if (value === null) return { text: 'null', kind: 'null' };
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    const bytes =
      value instanceof ArrayBuffer
        ? new Uint8Array(value)
        : new Uint8Array(value.buffer);
    const name = value instanceof ArrayBuffer ? 'ArrayBuffer' : value.constructor.name;
    return {
      text: cut(`${name}(${bytes.byteLength}) [${[...bytes.slice(0, 12)].join(', ')}]`),
      kind: 'binary',
    };
  }
  if (typeof value === 'string')
    return { text: cut(JSON.stringify(value)), kind: 'a string' };
  if (typeof value !== 'object')
    return { text: cut(String(value)), kind: `a ${typeof value}` };
  const kind = Array.isArray(value)
    ? 'an array'
    : Object.getPrototypeOf(value) === Object.prototype
      ? 'a plain object'
      : 'an object';
  return { text: cut(JSON.stringify(value) ?? String(value)), kind };
}
