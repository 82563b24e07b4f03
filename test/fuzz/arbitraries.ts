import fc from 'fast-check';
import { lessonModules } from '../../src/lessons/index.ts';
import { STAFF_TOKEN, VISITOR_TOKEN } from '../../src/lessons/namespaces-and-middleware/contract.ts';
import { MAX_MESSAGE_BYTES } from '../../src/server/app.ts';
import { instructorEvents, studentEvents } from '../../src/shared/class-mode.ts';
import { nspPart } from './raw.ts';
import { STUDENT_KEY } from './world.ts';

/**
 * The generators: what a stranger may send, as raw Socket.IO frames. A run
 * is a `Script`: steps on one connection (connects, frames, binary frames,
 * pauses), and how to answer the server's own questions. Each step prints
 * as the frames it sends, so a counterexample reads as a transcript.
 */

/**
 * One thing a client does. `conn` picks which of the script's connections
 * (0 unless set; each opened when first used, from its own address).
 */
export type Step =
  /** `once`: not again if this connection is already in (a page that knows; without it, a second connect closes the connection). */
  (
    | { kind: 'connect'; nsp: string; auth: string; once?: boolean }
    | { kind: 'leave'; nsp: string }
    | { kind: 'frame'; frame: string }
    | { kind: 'binary'; header: string; attachments: Uint8Array[] }
    | { kind: 'bytes'; data: Uint8Array }
    | { kind: 'pause'; ms: number }
    /** Joins `/instructor` (with the token) if need be and creates a class; `NEW` stands for its code from then on. */
    | { kind: 'createClass' }
    /** Drops the connection without a word (as a network does) and connects `nsp` again on a new one, with the `pid` and last offset the server gave: connection state recovery. */
    | { kind: 'recover'; nsp: string; auth: string }
    /** A new connection in place of a closed one (a page that reloads). */
    | { kind: 'reopen' }
  ) & { conn?: number };

export interface Script {
  steps: Step[];
  /** How to answer the server's own questions (an event with an ack id): the ack's JSON. */
  answers: string[];
}

/** A step as it goes on the wire, shortened for a report. */
export function describeStep(step: Step): string {
  return `${step.conn ? `[connection ${step.conn}] ` : ''}${describeOnly(step)}`;
}

function describeOnly(step: Step): string {
  const cut = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}… (${s.length} chars)` : s);
  switch (step.kind) {
    case 'connect':
      return `${step.once ? 'unless in already, ' : ''}send ${JSON.stringify(cut(`40${nspPart(step.nsp)}${step.auth}`))} and wait for the answer`;
    case 'leave':
      return `send ${JSON.stringify(`41${nspPart(step.nsp)}`)}`;
    case 'frame':
      return `send ${JSON.stringify(cut(step.frame))}`;
    case 'binary':
      return `send ${JSON.stringify(cut(step.header))} then ${step.attachments.length} binary frame(s) of ${step.attachments.map((a) => a.length).join(', ')} bytes`;
    case 'bytes':
      return `send a stray binary frame of ${step.data.length} bytes`;
    case 'pause':
      return `wait ${step.ms} ms`;
    case 'createClass':
      return 'create a class through /instructor (its code stands for @NEW@ from here on)';
    case 'recover':
      return `drop the connection, then on a new one send ${JSON.stringify(cut(`40${nspPart(step.nsp)}${step.auth}`))} with the pid and offset the server gave`;
    case 'reopen':
      return 'open a new connection if the last one closed';
  }
}

const printable = <T extends object>(value: T, print: (v: T) => string): T =>
  Object.defineProperty(value, fc.toStringMethod, { value: () => print(value), enumerable: false });

export const step = (value: Step) => printable(value, describeStep);

// ---- Namespaces of the app, and the auth each expects ----------------------------------------

export const SLUGS = lessonModules.map((lesson) => lesson.contract.slug);

/** Team names as the lesson allows them: 1 to 12 small letters. */
export const teamName = fc.stringMatching(/^[a-z]{1,12}$/);
/** A student's key as the class accepts it. */
export const studentKey = fc.stringMatching(/^[\w-]{16,64}$/);
/** A name a person might pick (valid or not: the server decides). */
const personName = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[A-Za-z][a-z]{0,10}$/) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30, unit: 'grapheme' }) },
);

export interface Target {
  nsp: string;
  /** The auth that lets an honest client in (JSON). */
  auth: string;
  /** The events this namespace declares. */
  events: string[];
}

export const eventsOf = (slug: string) =>
  Object.keys(lessonModules.find((l) => l.contract.slug === slug)!.contract.clientEvents);

/** Every kind of namespace the app serves, with a fitting auth, for the class `code`. */
export function targets(code: string, token: string): fc.Arbitrary<Target> {
  const json = (value: unknown) => JSON.stringify(value);
  const withName = (nsp: string, slug: string) =>
    personName.map((name) => ({ nsp, auth: json({ name }), events: eventsOf(slug) }));
  // A class's demos are for its students: mostly the key of the student in the class, sometimes one nobody holds.
  const memberKey = fc.oneof({ weight: 4, arbitrary: fc.constant(STUDENT_KEY) }, { weight: 1, arbitrary: studentKey });
  const inClass = (nsp: string, slug: string) =>
    memberKey.map((key) => ({ nsp, auth: json({ classKey: key }), events: eventsOf(slug) }));
  const lessonTargets = SLUGS.map((slug) => withName(`/${slug}`, slug));
  const classTargets = SLUGS.map((slug) => inClass(`/class/${code}/${slug}`, slug));
  return fc.oneof(
    ...lessonTargets,
    fc.tuple(personName, fc.constantFrom(STAFF_TOKEN, VISITOR_TOKEN)).map(([name, token]) => ({
      nsp: '/namespaces-and-middleware/staff',
      auth: json({ name, token }),
      events: eventsOf('namespaces-and-middleware'),
    })),
    teamName.chain((team) => withName(`/namespaces-and-middleware/team-${team}`, 'namespaces-and-middleware')),
    fc.constantFrom('/node-1', '/node-2').chain((node) => withName(`/scaling-out${node}`, 'scaling-out')),
    fc.constant<Target>({ nsp: '/instructor', auth: json({ token }), events: Object.keys(instructorEvents) }),
    fc
      .tuple(personName, studentKey)
      .map(([name, key]) => ({ nsp: `/class/${code}`, auth: json({ name, key }), events: Object.keys(studentEvents) })),
    ...classTargets,
    fc.tuple(memberKey, fc.constantFrom(STAFF_TOKEN, VISITOR_TOKEN)).map(([key, token]) => ({
      nsp: `/class/${code}/namespaces-and-middleware/staff`,
      auth: json({ classKey: key, token }),
      events: eventsOf('namespaces-and-middleware'),
    })),
    teamName.chain((team) =>
      inClass(`/class/${code}/namespaces-and-middleware/team-${team}`, 'namespaces-and-middleware'),
    ),
    fc.constantFrom('/node-1', '/node-2').chain((node) => inClass(`/class/${code}/scaling-out${node}`, 'scaling-out')),
    fc.constant<Target>({ nsp: '/', auth: '', events: [] }),
  );
}

// ---- JSON, strings, and the things a parser dislikes ---------------------------------------

const bytes = (text: string) => Buffer.byteLength(text);

/** One character repeated up to about `min`..`max` bytes: big frames at no cost to generate. */
const repeated = (min: number, max: number) =>
  fc
    .tuple(fc.constantFrom('x', 'é', '😀', '"', '\\', '\u0000', '\u202E', ' '), fc.integer({ min, max }))
    .map(([c, n]) => c.repeat(Math.max(1, Math.floor(n / bytes(JSON.stringify(c).slice(1, -1))))));

/** Strings of every kind: short, unicode, control characters, big (but inside the 16 KB frame limit). */
export const anyString = fc.oneof(
  { weight: 6, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 3, arbitrary: fc.string({ maxLength: 40, unit: 'grapheme' }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40, unit: 'binary' }) },
  { weight: 2, arbitrary: repeated(400, 600) },
  { weight: 1, arbitrary: repeated(2000, MAX_MESSAGE_BYTES - 200) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '__proto__',
      'constructor',
      'prototype',
      'toString',
      'hasOwnProperty',
      '$ne',
      '../..',
      '%s%s%s',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe: the literal text is the payload
      '${7*7}',
      '<script>',
    ),
  },
);

/** A JSON string of a text a lesson might accept (short, plain), or of any string. */
const text = fc
  .oneof({ weight: 3, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) }, { weight: 2, arbitrary: anyString })
  .map((t) => JSON.stringify(t));

/** Keys that lessons read, and keys that poison objects. */
const KEYS = [
  'text',
  'message',
  'name',
  'room',
  'to',
  'after',
  'delayMs',
  'on',
  'code',
  'title',
  'lesson',
  'section',
  'locked',
  'progress',
  'token',
  'key',
  'classKey',
  'typing',
  'answer',
  'pid',
  'offset',
  '__proto__',
  'constructor',
  'prototype',
  '',
];

/** A value a lesson might read: mostly the right kinds (short text, booleans, small numbers, lesson slugs). */
const plausibleValue = fc.oneof(
  { weight: 4, arbitrary: text },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'true',
      'false',
      'null',
      '0',
      '1',
      '-1',
      '250',
      '10001',
      '1.5',
      '1e308',
      '-0',
      '9007199254740993',
      '[]',
      '{}',
      '"chat"',
      '"sockets-intro"',
      '["chat","rooms"]',
      '"ABCDEF"',
      '"honest-lobby"',
    ),
  },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)) },
);

/** An object shaped like the lessons' payloads: their keys (and poisoned ones) with plausible values. Written as text, so `__proto__` is an own key. */
const plausibleObject = fc
  .array(fc.tuple(fc.constantFrom(...KEYS), plausibleValue), { maxLength: 4 })
  .map((pairs) => `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`);

/** Deep nesting, as deep as a frame allows. */
const deep = fc
  .tuple(fc.constantFrom('[', '{"a":'), fc.integer({ min: 50, max: 3000 }))
  .map(([open, depth]) =>
    open === '[' ? '['.repeat(depth) + ']'.repeat(depth) : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
  );

/** JSON text of any shape: fast-check's JSON values, payload-shaped objects, deep nesting, big strings, poison. */
export const anyJson: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: plausibleObject },
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
  { weight: 2, arbitrary: plausibleValue },
  { weight: 1, arbitrary: anyString.map((s) => JSON.stringify(s)) },
  { weight: 1, arbitrary: deep },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '{"_placeholder":true,"num":0}',
      '{"_placeholder":true,"num":99}',
      '{"_placeholder":true}',
      '{"__proto__":{"polluted":true}}',
      '{"constructor":{"prototype":{"polluted":true}}}',
      '{"toString":1,"valueOf":2}',
      '[null]',
      '{"length":1e9}',
    ),
  },
);

/** Names that the parser lets through: the namespace's own events, reserved and odd strings, numbers. */
export function eventName(events: string[]): fc.Arbitrary<string> {
  const own = events.length
    ? [{ weight: 10, arbitrary: fc.constantFrom(...events).map((e) => JSON.stringify(e)) }]
    : [];
  return fc.oneof(
    ...own,
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(
          'error',
          'message',
          '__proto__',
          'constructor',
          'hasOwnProperty',
          'toString',
          'valueOf',
          'class:create',
          'class:end',
          'server:restart',
          'join',
          'increment',
          'note:post',
          '',
        )
        .map((e) => JSON.stringify(e)),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map((s) => JSON.stringify(s)) },
    // socket.io-parser lets a number through as an event's name.
    {
      weight: 2,
      arbitrary: fc.oneof(fc.integer().map(String), fc.constantFrom('0', '-1', '1.5', '1e300', '-0', '123')),
    },
  );
}

/** Names the parser refuses (the connection closes), and the reserved ones it refuses too. */
const badEventName = fc.constantFrom(
  'null',
  'true',
  '{}',
  '[]',
  '["increment"]',
  '{"toString":"x"}',
  '"connect"',
  '"disconnect"',
  '"disconnecting"',
  '"connect_error"',
  '"newListener"',
  '"removeListener"',
);

/** An ack id as the client writes it: none, small, huge, with leading zeros. */
export const ackId = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  { weight: 5, arbitrary: fc.nat({ max: 10_000 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('0', '007', '4294967296', '9007199254740993', '99999999999999999999999') },
);

/** Within the frame limit, or the connection closes before anything is read. */
const fits = (s: Step) => s.kind !== 'frame' || bytes(s.frame) <= MAX_MESSAGE_BYTES;

// Arguments that the lessons accept, to reach the handlers behind the checks (and, mutated, just beside them).
export const shortText = fc.string({ minLength: 1, maxLength: 20 }).map((t) => JSON.stringify(t));
const slug = fc.constantFrom(...SLUGS, 'nope', 'CHAT').map((t) => JSON.stringify(t));
// Codes of classes that do not exist: the instructor's actions on the real class would end it for the honest clients.
const otherCode = fc
  .oneof(fc.stringMatching(/^[A-HJ-NP-Z2-9]{6}$/), fc.string({ maxLength: 8 }))
  .map((t) => JSON.stringify(t));
const obj = (fields: Record<string, fc.Arbitrary<string>>) =>
  fc.record(fields, { requiredKeys: [] }).map(
    (r) =>
      `{${Object.entries(r)
        .map(([k, v]) => `${JSON.stringify(k)}:${v}`)
        .join(',')}}`,
  );
const one = (a: fc.Arbitrary<string>) => a.map((v) => [v]);
const none = fc.constant<string[]>([]);
const bool = fc.boolean().map(String);

export const VALID_ARGS: Record<string, fc.Arbitrary<string[]>> = {
  increment: none,
  decrement: none,
  thanks: one(obj({ message: shortText })),
  'emit:self': one(obj({ text: shortText })),
  'emit:all': one(obj({ text: shortText })),
  'emit:others': one(obj({ text: shortText })),
  'emit:to': one(
    obj({
      to: fc.oneof(
        shortText,
        fc.stringMatching(/^[\w-]{20}$/).map((t) => JSON.stringify(t)),
      ),
      text: shortText,
    }),
  ),
  IO_CLIENT_JOIN_ROOM: one(shortText),
  IO_CLIENT_LEAVE_ROOM: one(shortText),
  IO_CLIENT_HELLO: one(shortText),
  join: one(
    obj({
      name: shortText,
      room: fc.oneof(shortText, fc.constant('"honest-lobby"')),
      after: fc.nat({ max: 100 }).map(String),
    }),
  ),
  sendMessage: fc
    .tuple(
      shortText,
      fc.option(
        fc.stringMatching(/^[\w-]{1,64}$/).map((t) => JSON.stringify(t)),
        { nil: undefined },
      ),
    )
    .map(([t, id]) => (id ? [t, id] : [t])),
  typing: one(bool),
  privateMessage: one(obj({ to: shortText, text: shortText })),
  'question:send': one(obj({ text: shortText, delayMs: fc.integer({ min: -5, max: 40 }).map(String) })),
  'question:request': none,
  'note:post': one(obj({ text: shortText })),
  'message:send': one(obj({ text: shortText })),
  'adapter:set': one(obj({ on: bool })),
  'server:restart': none,
  'server:info': none,
  'class:create': one(obj({ title: shortText })),
  'class:list': none,
  'class:watch': one(obj({ code: otherCode })),
  'class:end': one(obj({ code: otherCode })),
  'class:follow': one(
    obj({
      code: otherCode,
      lesson: fc.oneof(slug, fc.constant('null')),
      section: fc.oneof(shortText, fc.constant('null')),
    }),
  ),
  'class:announce': one(obj({ code: otherCode, text: shortText })),
  'class:lock-chat': one(obj({ code: otherCode, locked: bool })),
  'class:reset': one(obj({ code: otherCode, lesson: slug })),
  'class:remove-student': one(obj({ code: otherCode, name: shortText })),
  'student:where': one(
    obj({ lesson: fc.oneof(slug, fc.constant('null')), section: fc.oneof(shortText, fc.constant('null')) }),
  ),
  'student:progress': one(
    obj({
      progress: fc
        .array(fc.tuple(slug, fc.array(slug, { maxLength: 6 })), { maxLength: 8 })
        .map((lessons) => `{${lessons.map(([lesson, steps]) => `${lesson}:[${steps.join(',')}]`).join(',')}}`),
    }),
  ),
};

/** Arguments for `event`: ones it accepts, the same with one changed, added or taken away, or anything. */
function argsFor(event: string): fc.Arbitrary<string[]> {
  const valid = VALID_ARGS[event] ?? none;
  const mutated = fc
    .tuple(valid, fc.nat(), anyJson, fc.constantFrom('replace', 'append', 'drop'))
    .map(([args, at, other, how]) => {
      const copy = [...args];
      if (how === 'append' || copy.length === 0) copy.push(other);
      else if (how === 'drop') copy.pop();
      else copy[at % copy.length] = other;
      return copy;
    });
  return fc.oneof(
    { weight: 3, arbitrary: valid },
    { weight: 3, arbitrary: mutated },
    { weight: 2, arbitrary: fc.array(anyJson, { maxLength: 3 }) },
  );
}

/** Events on `nsp`: `42` frames with any name the parser accepts and any arguments (often the right ones). */
export function eventStep(nsp: string, events: string[]): fc.Arbitrary<Step> {
  const own = events.length
    ? [
        {
          weight: 3,
          arbitrary: fc
            .constantFrom(...events)
            .chain((event) => argsFor(event).map((args) => [JSON.stringify(event), args] as const)),
        },
      ]
    : [];
  const named = fc.oneof(...own, {
    weight: 2,
    arbitrary: fc.tuple(eventName(events), fc.array(anyJson, { maxLength: 3 })),
  });
  return fc
    .tuple(ackId, named)
    .map(([id, [name, args]]) => step({ kind: 'frame', frame: `42${nspPart(nsp)}${id}[${[name, ...args].join(',')}]` }))
    .filter(fits);
}

/** Acks from the client for ids the server never sent (small, huge), with any arguments. */
export function ackStep(nsp: string): fc.Arbitrary<Step> {
  return fc
    .tuple(ackId, fc.array(anyJson, { maxLength: 3 }))
    .map(([id, args]) => step({ kind: 'frame', frame: `43${nspPart(nsp)}${id}[${args.join(',')}]` }))
    .filter(fits);
}

/** Binary events and acks (`45`, `46`) whose placeholders match their attachments (1 to 10, the parser's limit). */
export function binaryStep(nsp: string, events: string[]): fc.Arbitrary<Step> {
  return fc
    .record({
      type: fc.constantFrom('5', '5', '6'),
      id: ackId,
      name: eventName(events),
      attachments: fc.array(
        fc.oneof(
          fc.uint8Array({ maxLength: 64 }),
          fc.integer({ min: 1000, max: MAX_MESSAGE_BYTES - 10 }).map((n) => new Uint8Array(n)),
        ),
        { minLength: 1, maxLength: 10 },
      ),
      others: fc.array(anyJson, { maxLength: 2 }),
      nested: fc.boolean(),
    })
    .map(({ type, id, name, attachments, others, nested }) => {
      const placeholders = attachments.map((_, num) => `{"_placeholder":true,"num":${num}}`);
      const args = nested ? [`{"text":${placeholders[0]},"more":[${placeholders.slice(1).join(',')}]}`] : placeholders;
      const all = [...args, ...others];
      const payload = type === '5' ? `[${[name, ...all].join(',')}]` : `[${all.join(',')}]`;
      return step({
        kind: 'binary',
        header: `4${type}${attachments.length}-${nspPart(nsp)}${type === '6' && id === '' ? '1' : id}${payload}`,
        attachments,
      });
    })
    .filter((s) => s.kind === 'binary' && bytes(s.header) <= MAX_MESSAGE_BYTES);
}

/** Binary packets that are wrong: placeholders pointing nowhere, attachments that never come or are too many, or too big. */
export function badBinaryStep(nsp: string, events: string[]): fc.Arbitrary<Step> {
  const placeholder = fc.oneof(
    fc.nat({ max: 12 }).map((num) => `{"_placeholder":true,"num":${num}}`),
    fc.constantFrom(
      '{"_placeholder":true,"num":-1}',
      '{"_placeholder":true,"num":"0"}',
      '{"_placeholder":true}',
      '{"_placeholder":false,"num":0}',
      '{"_placeholder":true,"num":1.5}',
      '{"_placeholder":true,"num":1e400}',
    ),
  );
  return fc
    .record({
      type: fc.constantFrom('5', '5', '6'),
      declared: fc.oneof(
        fc.integer({ min: 1, max: 12 }).map(String),
        fc.constantFrom('0', '-1', 'x', '99999', '1.5', ''),
      ),
      id: ackId,
      name: fc.oneof(eventName(events), badEventName),
      args: fc.array(fc.oneof(placeholder, anyJson), { minLength: 1, maxLength: 4 }),
      attachments: fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 12 }),
      big: fc.boolean(),
    })
    .map(({ type, declared, id, name, args, attachments, big }) => {
      const payload = type === '5' ? `[${[name, ...args].join(',')}]` : `[${args.join(',')}]`;
      if (big && attachments.length) attachments[0] = new Uint8Array(MAX_MESSAGE_BYTES + 10);
      return step({ kind: 'binary', header: `4${type}${declared}-${nspPart(nsp)}${id}${payload}`, attachments });
    });
}

/** Frames that are wrong in themselves: garbage, truncated JSON, names and ids the parser refuses, packet types a client never sends, frames over the limit, Engine.IO oddities. */
export function malformedStep(nsp: string, events: string[]): fc.Arbitrary<Step> {
  const n = nspPart(nsp);
  const frame = (f: string) => step({ kind: 'frame', frame: f });
  const truncated = fc.tuple(eventStep(nsp, events), fc.nat()).map(([s, cut]) => {
    const full = (s as Extract<Step, { kind: 'frame' }>).frame;
    return frame(full.slice(0, 2 + (cut % Math.max(1, full.length - 2))));
  });
  return fc.oneof(
    fc.string({ maxLength: 50 }).map(frame),
    fc.string({ maxLength: 50, unit: 'binary' }).map((f) => frame(`4${f}`)),
    truncated,
    fc
      .tuple(ackId, badEventName, fc.array(anyJson, { maxLength: 2 }))
      .map(([id, name, args]) => frame(`42${n}${id}[${[name, ...args].join(',')}]`)),
    fc
      .tuple(fc.constantFrom('-1', '1.5', 'x', '1e5', '+1'), anyJson)
      .map(([id, payload]) => frame(`43${n}${id}${payload}`)),
    anyJson.filter((j) => !j.startsWith('[')).map((payload) => frame(`43${n}1${payload}`)),
    fc
      .tuple(eventName(events), repeated(MAX_MESSAGE_BYTES, MAX_MESSAGE_BYTES + 4000))
      .map(([name, big]) => frame(`42${n}1[${name},${JSON.stringify(big)}]`)),
    badBinaryStep(nsp, events),
    fc
      .constantFrom(
        '',
        '0',
        '1',
        '2',
        '3',
        '5',
        '6',
        '7',
        '8',
        '9',
        '4',
        '40',
        '41',
        '44',
        '47',
        '48',
        '49',
        '4/',
        `4${n}`,
        `42${n}`,
        `42${n}[]`,
        `42${n}[`,
        `42${n}{}`,
        `42${n}"x"`,
        `42${n}1`,
        `44${n}{"message":"x"}`,
        `41${n}{"x":1}`,
        `40${n}`,
        `40${n}[]`,
        `40${n}"x"`,
        `40${n}null`,
        `43${n}[]`,
        `43${n}`,
        `45${n}[]`,
        `451-${n}`,
        '6probe',
        '5',
        '2probe',
        '3probe',
        `4${'9'.repeat(400)}`,
        'bAAAA',
        `4${'\u0000'.repeat(10)}`,
      )
      .map(frame),
    fc.uint8Array({ maxLength: 40 }).map((data) => step({ kind: 'bytes', data })),
    anyJson.map((json) => frame(`4${json}`)),
  );
}

/** A namespace string a stranger might try: unicode, paths, very long, near the app's own names. */
export function anyNamespace(code: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ maxLength: 30 }).map((s) => `/${s}`),
    fc.string({ maxLength: 30, unit: 'grapheme' }).map((s) => `/${s}`),
    fc.string({ maxLength: 20, unit: 'binary' }).map((s) => `/${s}`),
    fc.constantFrom(
      '/',
      '//',
      '/..',
      '/../..',
      '/class',
      '/class/',
      '/class//',
      `/class/${code}/`,
      `/class/${code}//chat`,
      `/class/${code}/../chat`,
      '/class/../chat',
      '/instructor/',
      '/instructor/x',
      '/namespaces-and-middleware/',
      '/namespaces-and-middleware/team-',
      '/namespaces-and-middleware/team-A',
      '/namespaces-and-middleware/team-abcdefghijklm',
      '/namespaces-and-middleware/staff/',
      '/scaling-out/node-3',
      '/scaling-out/node-1/x',
      '/chat/',
      '/CHAT',
      '/chat\u0000',
      '/%2e%2e',
      '/__proto__',
      '/constructor',
      '/class/__proto__',
      '/class/__proto__/chat',
    ),
    fc.tuple(fc.constantFrom(...SLUGS), fc.string({ maxLength: 20 })).map(([slug, tail]) => `/${slug}${tail}`),
    fc
      .tuple(
        fc.string({ maxLength: 10 }),
        fc.constantFrom(
          ...SLUGS,
          'namespaces-and-middleware/team-x',
          'namespaces-and-middleware/staff',
          'scaling-out/node-1',
          'nope',
        ),
      )
      .map(([c, slug]) => `/class/${c}/${slug}`),
    fc
      .tuple(fc.constantFrom(...SLUGS), fc.string({ maxLength: 30 }))
      .map(([slug, rest]) => `/class/${code}/${slug}/${rest}`),
    teamName.map((team) => `/namespaces-and-middleware/team-${team}`),
    fc.integer({ min: 1000, max: 15_000 }).map((n) => `/${'a'.repeat(n)}`),
    fc.integer({ min: 100, max: 3000 }).map((n) => `/class/${'Z'.repeat(n)}/chat`),
  );
}

/** An auth as JSON text: objects of any shape, and things that are not objects at all. */
export const anyAuth: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: anyJson.filter((j) => j.startsWith('{')) },
  {
    weight: 4,
    arbitrary: fc
      .record(
        {
          name: fc.oneof(personName, anyString, fc.integer()),
          key: fc.oneof(studentKey, anyString),
          token: fc.oneof(anyString, fc.constantFrom(STAFF_TOKEN, VISITOR_TOKEN)),
          classKey: fc.oneof(studentKey, anyString, fc.integer()),
          pid: anyString,
          offset: anyString,
        },
        { requiredKeys: [] },
      )
      .map((auth) => JSON.stringify(auth)),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      '{}',
      '[]',
      'null',
      '"x"',
      '1',
      '{',
      '{"name":',
      '{"__proto__":{"name":"Admin"}}',
      '{"token":{"$ne":null}}',
      '{"name":["Ada"]}',
    ),
  },
);

/** The server's own questions answered with anything at all. */
export const answers = fc.array(
  fc.oneof(
    fc.array(anyJson, { maxLength: 2 }).map((a) => `[${a.join(',')}]`),
    fc.constantFrom('[]', '[null]', '[{"answer":42}]', '[{"answer":"seven"}]', '{}', 'x'),
  ),
  { maxLength: 4 },
);

export const pauseStep = (ms: number) => step({ kind: 'pause', ms });
export const pause = fc.integer({ min: 0, max: 30 }).map(pauseStep);

export const connectStep = (nsp: string, auth: string, once = false) =>
  step({ kind: 'connect', nsp, auth, ...(once && { once }) });
export const leaveStep = (nsp: string) => step({ kind: 'leave', nsp });
export const recoverStep = (nsp: string, auth: string) => step({ kind: 'recover', nsp, auth });
