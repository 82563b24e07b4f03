import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { lessonModules } from '../../src/lessons/index.ts';
import { CODE_ALPHABET } from '../../src/shared/class-mode.ts';
import { anyNamespace, studentKey } from './arbitraries.ts';
import { effectiveNamespace } from './execute.ts';
import { SEED } from './fuzz.ts';
import { type ConnectAnswer, connectRaw, nspPart, RawConnection } from './raw.ts';
import { createWorld, STUDENT_KEY, TOKEN, type World } from './world.ts';

/**
 * Memory after the attackers leave. Thousands of distinct namespaces are
 * asked for, each kind in its own phase, by attackers that then go: refused
 * (unknown classes, bad names) or joined and left again. After a forced GC
 * the server's heap must be back near where it was, and no Namespace object
 * may outlive its clients. A leak of a few KB per namespace shows: the
 * phases ask for about 9,000. The names come from fast-check with the seed
 * (`FUZZ_SEED`), so a failure replays.
 */

const SLUGS = lessonModules.map((lesson) => lesson.contract.slug);
const LESSON_PATHS = [
  ...SLUGS,
  'namespaces-and-middleware/staff',
  'namespaces-and-middleware/team-red',
  'scaling-out/node-1',
];
/** Heap growth allowed once the attackers are gone: GC noise and caches, not a leak. */
const HEAP_SLACK_BYTES = 12 * 1024 * 1024;
const HEAP_SLACK_RATIO = 0.25;
/** Namespace objects allowed beyond the baseline once the attackers are gone. */
const NAMESPACE_SLACK = 10;
const CONNECTIONS = 16;

/** Letters for a distinct number: every team name of a phase differs from the others. */
const letters = (n: number) => {
  let out = '';
  do {
    out += String.fromCharCode(97 + (n % 26));
    n = Math.floor(n / 26);
  } while (n > 0);
  return out;
};
const codeChars = (n: number) => {
  let out = '';
  for (let i = 0; i < 4; i++, n = Math.floor(n / CODE_ALPHABET.length)) out += CODE_ALPHABET[n % CODE_ALPHABET.length];
  return out;
};

interface Attempt {
  nsp: string;
  auth: string;
  /** Leave again at once if let in. */
  leave: boolean;
}

interface Phase {
  name: string;
  /** What the server should answer: everything refused, or everything joined. */
  expect: 'refused' | 'connected' | 'either';
  attempts: Attempt[];
  /** A phase that is not a list of connects runs itself. */
  run?: (world: World) => Promise<{ answers: Record<string, number>; unexpected: string[] }>;
}

const sample = <T>(arbitrary: fc.Arbitrary<T>, n: number, salt: number) =>
  fc.sample(arbitrary, { seed: SEED + salt, numRuns: n });
const badName = fc.oneof(
  fc.integer().map((name) => ({ name })),
  fc
    .constantFrom('', '   ', 'x'.repeat(25), 'Ada\nAdmin', 'evil\u202Egnp', '\u200B', 'A\u0007')
    .map((name) => ({ name })),
  fc.constantFrom({ name: null }, { name: ['Ada'] }, { name: { first: 'Ada' } }, { name: true }),
);

/** The phases, `scale` times their full size; `offset` makes every name differ from those of another plan. */
function plan(code: string, scale: number, offset = 0): Phase[] {
  const n = (count: number) => Math.max(1, Math.round(count * scale));
  const salt = offset;
  const unknownCode = fc.oneof(
    { weight: 3, arbitrary: fc.stringMatching(/^[A-HJ-NP-Z2-9]{2}$/) },
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 8 }).map((s) => s.replace(/[/,]/g, '_')) },
  );
  const refusedClassLessons = sample(
    fc.tuple(unknownCode, fc.constantFrom(...LESSON_PATHS), fc.option(studentKey)),
    n(2500),
    salt + 1,
  ).map(
    ([prefix, path, key], i): Attempt => ({
      nsp: `/class/${prefix}${codeChars(i + offset)}/${path}`,
      auth: JSON.stringify(key ? { classKey: key } : {}),
      leave: false,
    }),
  );
  const refusedPresence = sample(
    fc.tuple(unknownCode, fc.string({ minLength: 1, maxLength: 12 }), studentKey),
    n(1000),
    salt + 2,
  ).map(
    ([prefix, name, key], i): Attempt => ({
      nsp: `/class/${prefix}${codeChars(i + offset)}`,
      auth: JSON.stringify({ name, key }),
      leave: false,
    }),
  );
  const teamPrefix = fc.stringMatching(/^[a-z]{0,6}$/);
  const refusedTeams = sample(fc.tuple(teamPrefix, badName), n(2500), salt + 3).map(
    ([prefix, auth], i): Attempt => ({
      nsp: `/namespaces-and-middleware/team-${prefix}q${letters(i + offset)}`,
      auth: JSON.stringify(auth),
      leave: false,
    }),
  );
  const joinedTeams = sample(teamPrefix, n(1500), salt + 4).map(
    (prefix, i): Attempt => ({
      nsp: `/namespaces-and-middleware/team-${prefix}j${letters(i + offset)}`,
      auth: JSON.stringify({ name: 'Visitor' }),
      leave: true,
    }),
  );
  // A class's demos are for its students: the honest student's key opens them.
  const joinedClassTeams = sample(teamPrefix, n(500), salt + 5).map(
    (prefix, i): Attempt => ({
      nsp: `/class/${code}/namespaces-and-middleware/team-${prefix}c${letters(i + offset)}`,
      auth: JSON.stringify({ classKey: STUDENT_KEY }),
      leave: true,
    }),
  );
  const invalid = sample(anyNamespace('NOCLASS'), n(1000), salt + 6)
    .map((nsp) => effectiveNamespace(nsp.replaceAll('\u0000', '')))
    // Only names no lesson serves: the app's own would be let in.
    .filter(
      (nsp) =>
        !/^\/(class\/|namespaces-and-middleware\/team-[a-z]{1,12}$)/.test(nsp) &&
        !SLUGS.some((slug) => nsp === `/${slug}` || nsp.startsWith(`/${slug}/`)) &&
        nsp !== '/' &&
        nsp !== '/instructor',
    )
    .map((nsp, i): Attempt => ({ nsp: `${nsp}~${i + offset}`, auth: '{}', leave: false }));
  return [
    { name: 'refused: /class/<unknown code>/<lesson>', expect: 'refused', attempts: refusedClassLessons },
    { name: 'refused: /class/<unknown code>', expect: 'refused', attempts: refusedPresence },
    {
      name: 'refused (bad name): new /namespaces-and-middleware/team-<letters>',
      expect: 'refused',
      attempts: refusedTeams,
    },
    {
      name: 'joined and left: new /namespaces-and-middleware/team-<letters>',
      expect: 'connected',
      attempts: joinedTeams,
    },
    {
      name: 'joined and left: new /class/<CODE>/namespaces-and-middleware/team-<letters>',
      expect: 'connected',
      attempts: joinedClassTeams,
    },
    { name: 'refused: names no lesson serves', expect: 'refused', attempts: invalid },
    {
      name: 'classes created, joined (presence, 3 demos) and ended by the instructor',
      expect: 'connected',
      attempts: Array.from({ length: n(150) }, (): Attempt => ({ nsp: '', auth: '', leave: false })),
      run: (world) => classLives(world, n(150)),
    },
  ];
}

/**
 * Classes as a long-running server sees them, one workshop after another:
 * made through `/instructor`, a student in it and in three of its demos,
 * then ended (which closes the student's connection).
 */
async function classLives(world: World, count: number) {
  const answers: Record<string, number> = {};
  const unexpected: string[] = [];
  const tally = (kind: string) => {
    answers[kind] = (answers[kind] ?? 0) + 1;
  };
  const instructor = await RawConnection.open(world.server.url);
  const joined = await connectRaw(instructor, '/instructor', JSON.stringify({ token: TOKEN }));
  if (joined.kind !== 'connected') return { answers, unexpected: [`/instructor: ${JSON.stringify(joined)}`] };
  let id = 0;
  const ask = async (payload: string) => {
    const ack = ++id;
    const from = instructor.received.length;
    instructor.send(`42/instructor,${ack}${payload}`);
    const frame = await instructor.waitFor((f) => f.startsWith(`43/instructor,${ack}[`), 3000, from);
    return frame === undefined
      ? undefined
      : (JSON.parse(frame.slice(`43/instructor,${ack}`.length)) as [{ ok: boolean; code?: string; error?: string }])[0];
  };
  let next = 0;
  const worker = async () => {
    while (next++ < count) {
      const created = await ask('["class:create",{"title":"a workshop"}]');
      if (!created?.ok || !created.code) {
        if (unexpected.length < 5) unexpected.push(`class:create → ${JSON.stringify(created)}`);
        continue;
      }
      const code = created.code;
      const key = `leak-student-key-${String(next).padStart(6, '0')}`;
      const student = await RawConnection.open(world.server.url);
      for (const [nsp, auth] of [
        [`/class/${code}`, { name: 'Ada', key }],
        [`/class/${code}/chat`, { classKey: key }],
        [`/class/${code}/sockets-intro`, { classKey: key }],
        [`/class/${code}/namespaces-and-middleware/team-red`, { classKey: key }],
      ] as const) {
        const answer = await connectRaw(student, nsp, JSON.stringify(auth));
        tally(answer.kind === 'refused' ? `refused: ${answer.message}` : answer.kind);
        if (answer.kind !== 'connected' && unexpected.length < 5)
          unexpected.push(`40${nsp},${JSON.stringify(auth)} → ${JSON.stringify(answer)}`);
      }
      const ended = await ask(`["class:end",{"code":"${code}"}]`);
      tally(ended?.ok ? 'classes ended' : 'class:end failed');
      if (!ended?.ok && unexpected.length < 5) unexpected.push(`class:end → ${JSON.stringify(ended)}`);
      if (!(await student.waitClosed(3000))) student.close();
    }
  };
  try {
    await Promise.all(Array.from({ length: 4 }, worker));
  } finally {
    instructor.close();
  }
  return { answers, unexpected };
}

interface PhaseResult {
  name: string;
  attempts: number;
  answers: Record<string, number>;
  unexpected: string[];
  ms: number;
  heapAfter: number;
  namespacesAfter: number;
  liveNamespacesAfter: number;
  honestDuring: string[];
}

/** Sends every attempt over a few connections, one connect at a time each; a closed connection is replaced. */
async function attack(world: World, attempts: Attempt[], expect: Phase['expect']) {
  const answers: Record<string, number> = {};
  const unexpected: string[] = [];
  let next = 0;
  const worker = async () => {
    let connection = await RawConnection.open(world.server.url);
    try {
      while (next < attempts.length) {
        const attempt = attempts[next++]!;
        if (!connection.isOpen) connection = await RawConnection.open(world.server.url);
        let answer: ConnectAnswer = await connectRaw(connection, attempt.nsp, attempt.auth);
        if (answer.kind === 'closed') {
          // A server may close a connection that asked for too much: the attempt goes again on a new one.
          connection = await RawConnection.open(world.server.url);
          answer = await connectRaw(connection, attempt.nsp, attempt.auth);
        }
        const kind = answer.kind === 'refused' ? `refused: ${answer.message}` : answer.kind;
        answers[kind] = (answers[kind] ?? 0) + 1;
        const fine =
          answer.kind === expect || expect === 'either' || (answer.kind === 'refused' && expect === 'refused');
        if (!fine && unexpected.length < 5) unexpected.push(`40${nspPart(attempt.nsp)}${attempt.auth} → ${kind}`);
        if (answer.kind === 'connected' && attempt.leave) connection.send(`41${nspPart(attempt.nsp)}`);
      }
    } finally {
      connection.close();
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  return { answers, unexpected };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('fuzz: memory after the attackers leave', () => {
  let world: World;
  let baseline: Awaited<ReturnType<World['server']['usage']>>;
  let final: Awaited<ReturnType<World['server']['usage']>>;
  const results: PhaseResult[] = [];
  let honestAfter: string[] = [];
  let setupError: unknown;

  before(async () => {
    try {
      world = await createWorld();
      // Warm up every path (JIT, caches, the database's statements) with a small round of each phase.
      for (const phase of plan(world.code, 0.04, 20_000))
        await (phase.run?.(world) ?? attack(world, phase.attempts, 'either'));
      await settle(300);
      baseline = await world.server.usage({ names: true });
      for (const phase of plan(world.code, 1)) {
        const started = Date.now();
        const during = world.probe();
        const { answers, unexpected } = await (phase.run?.(world) ?? attack(world, phase.attempts, phase.expect));
        const honestDuring = await during;
        await settle(200);
        const usage = await world.server.usage();
        results.push({
          name: phase.name,
          attempts: phase.attempts.length,
          answers,
          unexpected,
          ms: Date.now() - started,
          heapAfter: usage.heapUsed,
          namespacesAfter: usage.namespaces,
          liveNamespacesAfter: usage.liveNamespaces,
          honestDuring,
        });
        if (world.server.death) break;
      }
      await settle(300);
      final = await world.server.usage({ names: true });
      honestAfter = await world.probe();
    } catch (error) {
      setupError = error;
    }
  });
  after(async () => {
    if (process.env.FUZZ_STATS)
      console.log(
        `  ${table()}\n  final: heap ${mb(final?.heapUsed ?? 0)}, ${final?.namespaces} namespaces, ${final?.liveNamespaces} Namespace objects`,
      );
    await world?.close();
  });

  const table = () =>
    [
      `seed ${SEED}; baseline: heap ${mb(baseline?.heapUsed ?? 0)}, ${baseline?.namespaces} namespaces in the server, ${baseline?.liveNamespaces} Namespace objects`,
      ...results.map(
        (r) =>
          `${r.name}: ${r.attempts} ${r.name.startsWith('classes') ? 'classes' : 'connects'} in ${r.ms} ms (${Object.entries(
            r.answers,
          )
            .map(([k, v]) => `${v} ${k}`)
            .join(
              ', ',
            )}) → heap ${mb(r.heapAfter)} (${r.heapAfter >= (baseline?.heapUsed ?? 0) ? '+' : ''}${mb(r.heapAfter - (baseline?.heapUsed ?? 0))} from the baseline), ${r.namespacesAfter} namespaces in the server, ${r.liveNamespacesAfter} Namespace objects`,
      ),
    ].join('\n  ');

  const ready = () => {
    if (setupError) throw setupError;
    if (world.server.death)
      throw new Error(`PROPERTY (1) the server process lives: ${world.server.death}\n  ${table()}`);
  };

  test('the server lives through thousands of namespace connects, and answers each as expected', () => {
    ready();
    const unexpected = results.flatMap((r) => r.unexpected.map((u) => `${r.name}: ${u}`));
    assert.deepEqual(unexpected, [], `unexpected answers (the first few of each phase):\n  ${table()}`);
  });

  test('honest clients are served during and after', () => {
    ready();
    const problems = [
      ...results.flatMap((r) => r.honestDuring.map((p) => `during "${r.name}": ${p}`)),
      ...honestAfter.map((p) => `after: ${p}`),
    ];
    assert.deepEqual(problems, []);
  });

  test('after the attackers leave, the heap returns near its baseline (forced GC)', () => {
    ready();
    const allowed = Math.max(HEAP_SLACK_BYTES, baseline.heapUsed * HEAP_SLACK_RATIO);
    const grown = final.heapUsed - baseline.heapUsed;
    assert.ok(
      grown <= allowed,
      `PROPERTY (3) the heap grew by ${mb(grown)} (allowed: ${mb(allowed)}) from ${mb(baseline.heapUsed)} to ${mb(final.heapUsed)} after ${results.reduce((n, r) => n + r.attempts, 0)} namespace connects whose clients have all left:\n  ${table()}`,
    );
  });

  test('after the attackers leave, no namespace outlives its clients', () => {
    ready();
    const before = new Set(baseline.names);
    const extra = (final.names ?? []).filter((name) => !before.has(name));
    const leftBehind = final.liveNamespaces - baseline.liveNamespaces;
    assert.ok(
      leftBehind <= NAMESPACE_SLACK && extra.length === 0,
      `${leftBehind} more Namespace objects in the heap than before the attack (${baseline.liveNamespaces} → ${final.liveNamespaces}), ${final.namespaces - baseline.namespaces} more in the server's map${extra.length ? ` (such as ${extra.slice(0, 5).join(', ')})` : ''}:\n  ${table()}`,
    );
  });
});
