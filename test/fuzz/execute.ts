import { writeFileSync } from 'node:fs';
import { describeStep, type Script, type Step } from './arbitraries.ts';
import {
  answerToConnect,
  type ConnectAnswer,
  nextAttackerAddress,
  nspPart,
  parsePacket,
  RawConnection,
} from './raw.ts';
import { TOKEN, type World } from './world.ts';

/**
 * Runs a script the way a hostile client would, on one or more raw
 * connections: each connect waits for the server's answer (a Socket.IO
 * server closes a connection that sends events to a namespace it has not
 * joined yet), every other frame goes out at once. Then it waits until the
 * server has read everything: an ack for a last event on each namespace
 * still joined, or the connection's close.
 */

/** Events that may take long to answer: a delay the client chooses, or a question to the client. */
const SLOW_EVENTS = new Set(['question:send', 'question:request', 'question:poll']);
const ANSWER_TIMEOUT_MS = 1500;
const CONNECT_TIMEOUT_MS = 3000;
const SYNC_ID = 987_654_321;
const CREATE_ID = 987_654_000;

/** Stands for the class code in generated namespaces: each server makes its own class, with a random code. */
export const CODE = '@CODE@';
/** Stands for the code of the class a script creates itself (`createClass`), or a code no class has before that. */
export const NEW = '@NEW@';

/** What the runs did, for `FUZZ_STATS=1`: how far the frames got. */
export const tally: Record<string, number> = {};
const count = (key: string, n = 1) => {
  tally[key] = (tally[key] ?? 0) + n;
};

export interface Outcome {
  transcript: string[];
  /** Acks the server owed (events with an id on a joined namespace) and did not send within the time. */
  unanswered: string[];
  /** Acks in a shape the contract does not allow. */
  badAnswers: string[];
  /** Connects the server never answered (neither connected, refused nor closed). */
  silent: string[];
}

interface Owed {
  nsp: string;
  id: number;
  event: string;
  from: number;
}

/** One of the script's connections, and what this client believes of it. */
interface Line {
  connection: RawConnection;
  address: string;
  joined: Set<string>;
  owed: Owed[];
  /** Per namespace: the private session id the server gave on connect, and the last offset it sent. */
  pids: Map<string, string>;
  offsets: Map<string, string>;
}

export async function execute(world: World, script: Script): Promise<Outcome> {
  const transcript: string[] = [`(the class code ${CODE} is ${world.code} on this server)`];
  const silent: string[] = [];
  const vars = { created: 'NOCLASS' };
  const put = (text: string) => text.replaceAll(CODE, world.code).replaceAll(NEW, vars.created);
  const lines = new Map<number, Line>();
  /** Connections already dropped, with the acks owed on them (checked in their shape, if they came). */
  const retired: { connection: RawConnection; owed: Owed[] }[] = [];
  let answerIndex = 0;

  const open = async (address: string) => {
    const connection = await RawConnection.open(world.server.url, { from: address });
    connection.onServerEvent = (packet) => {
      if (!script.answers.length) return undefined;
      const answer = script.answers[answerIndex++ % script.answers.length]!;
      return `43${nspPart(packet.nsp)}${packet.id}${answer}`;
    };
    return connection;
  };
  const watch = (line: Line) => {
    line.connection.onPacket = (packet) => {
      if (packet.type === 1) left(packet.nsp, line); // the server disconnected that socket
      if (packet.type === 0 && typeof (packet.data as { pid?: unknown })?.pid === 'string')
        line.pids.set(packet.nsp, (packet.data as { pid: string }).pid);
      if (packet.type === 2 && Array.isArray(packet.data) && typeof packet.data.at(-1) === 'string')
        line.offsets.set(packet.nsp, packet.data.at(-1) as string);
    };
  };
  const lineOf = async (n: number): Promise<Line> => {
    let line = lines.get(n);
    if (!line) {
      const address = nextAttackerAddress();
      line = {
        connection: await open(address),
        address,
        joined: new Set(),
        owed: [],
        pids: new Map(),
        offsets: new Map(),
      };
      watch(line);
      lines.set(n, line);
    }
    return line;
  };
  /** The same client on a new connection (the old one dropped or closed). */
  const renew = async (line: Line) => {
    retired.push({ connection: line.connection, owed: line.owed });
    line.connection = await open(line.address);
    line.joined = new Set();
    line.owed = [];
    watch(line);
  };

  const connect = async (line: Line, nsp: string, auth: string, what: string) => {
    const from = line.connection.received.length;
    line.connection.send(`40${nspPart(nsp)}${auth}`);
    const name = effectiveNamespace(nsp);
    const answer = await answerToConnect(line.connection, name, from, CONNECT_TIMEOUT_MS);
    count(`connect ${answer.kind}`);
    if (answer.kind === 'connected') line.joined.add(name);
    if (answer.kind === 'silent') silent.push(`${what}: no answer within ${CONNECT_TIMEOUT_MS / 1000} s`);
    return `  → ${describeAnswer(answer)}`;
  };

  async function send(line: Line, step: Step): Promise<string | undefined> {
    const { connection } = line;
    switch (step.kind) {
      case 'connect':
        if (step.once && line.joined.has(effectiveNamespace(put(step.nsp)))) return '  (in already)';
        return connect(line, put(step.nsp), put(step.auth), describeStep(step));
      case 'leave': {
        const nsp = put(step.nsp);
        connection.send(`41${nspPart(nsp)}`);
        left(effectiveNamespace(nsp), line);
        return;
      }
      case 'frame': {
        const frame = put(step.frame);
        const owes = owedAck(frame, line.joined);
        if (owes) line.owed.push({ ...owes, from: connection.received.length });
        if (frame.startsWith('41')) left(parsePacket(wire(frame))?.nsp ?? '/', line);
        connection.send(frame);
        return;
      }
      case 'binary':
        connection.send(put(step.header));
        for (const attachment of step.attachments) connection.send(attachment);
        return;
      case 'bytes':
        connection.send(step.data);
        return;
      case 'pause':
        await new Promise((resolve) => setTimeout(resolve, step.ms));
        return;
      case 'createClass': {
        let note = '';
        if (!line.joined.has('/instructor'))
          note = await connect(line, '/instructor', JSON.stringify({ token: TOKEN }), 'the instructor');
        if (!line.joined.has('/instructor')) return note;
        const from = connection.received.length;
        connection.send(`42/instructor,${CREATE_ID}["class:create",{"title":"fuzz"}]`);
        const frame = await connection.waitFor(
          (f) => {
            const p = parsePacket(f);
            return p?.type === 3 && p.nsp === '/instructor' && p.id === CREATE_ID;
          },
          ANSWER_TIMEOUT_MS,
          from,
        );
        const code = (parsePacket(frame ?? '')?.data as [{ code?: unknown }] | undefined)?.[0]?.code;
        if (typeof code === 'string') vars.created = code;
        return `${note}\n  → ${typeof code === 'string' ? `class ${code}` : `no class: ${frame?.slice(0, 200) ?? 'no answer'}`}`;
      }
      case 'recover': {
        const nsp = effectiveNamespace(put(step.nsp));
        const pid = line.pids.get(nsp);
        const offset = line.offsets.get(nsp);
        connection.terminate();
        await connection.waitClosed(1000);
        await renew(line);
        let auth: object = {};
        try {
          const parsed = JSON.parse(put(step.auth) || '{}');
          if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) auth = parsed;
        } catch {}
        const withSession = JSON.stringify({ ...auth, ...(pid && { pid }), ...(offset && { offset }) });
        count(pid ? 'recoveries with a pid' : 'recoveries without a pid');
        return connect(line, nsp, withSession, describeStep(step));
      }
      case 'reopen':
        if (!connection.isOpen) await renew(line);
        return;
    }
  }

  try {
    for (const step of script.steps) {
      const line = await lineOf(step.conn ?? 0);
      if (!line.connection.isOpen && step.kind !== 'reopen' && step.kind !== 'recover') {
        transcript.push(
          `${describeStep(step)}\n  (not sent: connection ${step.conn ?? 0} is closed: ${line.connection.closeInfo})`,
        );
        continue;
      }
      transcript.push(describeStep(step));
      const note = await send(line, step);
      if (note) transcript.push(note);
    }
    const unanswered: string[] = [];
    const badAnswers: string[] = [];
    for (const [n, line] of lines) {
      await settle(line, n, transcript);
      await checkAnswers(line.connection, line.owed, unanswered, badAnswers, true);
    }
    for (const { connection, owed } of retired) await checkAnswers(connection, owed, unanswered, badAnswers, false);
    count('runs');
    count([...lines.values()].some((l) => l.connection.closed) ? 'runs the server closed' : 'runs left open');
    count(
      'acks owed',
      [...lines.values()].reduce((n, l) => n + l.owed.length, 0),
    );
    count('steps', script.steps.length);
    return { transcript, unanswered, badAnswers, silent };
  } finally {
    for (const line of lines.values()) line.connection.close();
    for (const { connection } of retired) connection.close();
  }
}

/**
 * The client left `nsp` (or the server disconnected it there): the server
 * drops what it had not handled yet from that namespace (Socket.IO ignores a
 * packet read after the disconnection), so nothing is owed there any more.
 */
function left(nsp: string, line: { joined: Set<string>; owed: Owed[] }) {
  line.joined.delete(nsp);
  for (let i = line.owed.length - 1; i >= 0; i--) if (line.owed[i]!.nsp === nsp) line.owed.splice(i, 1);
}

/** What a string becomes on the wire (a lone surrogate turns into U+FFFD). */
export const wire = (text: string) => Buffer.from(text).toString();

/** The namespace the server reads from `40<nsp>,...`: up to the first comma (the rest would be an id and data). */
export const effectiveNamespace = (nsp: string) => wire(nsp).split(',')[0]!;

/**
 * The ack an event frame makes the server owe: a well-formed `42` with a
 * small id and a string or number name, on a namespace this connection has
 * joined (the plumbing answers every such event, with a result or a
 * refusal). Frames the parser refuses close the connection instead.
 */
function owedAck(frame: string, joined: Set<string>) {
  if (!frame.startsWith('42')) return undefined;
  const packet = parsePacket(wire(frame));
  if (
    !packet ||
    packet.id === undefined ||
    !Number.isSafeInteger(packet.id) ||
    packet.id > 1e12 ||
    !joined.has(packet.nsp) ||
    packet.nsp === '/'
  )
    return undefined;
  if (!Array.isArray(packet.data) || packet.data.length === 0) return undefined;
  const name = packet.data[0];
  if (typeof name !== 'string' && typeof name !== 'number') return undefined;
  if (SLOW_EVENTS.has(String(name))) return undefined;
  return { nsp: packet.nsp, id: packet.id, event: String(name) };
}

function describeAnswer(answer: ConnectAnswer) {
  switch (answer.kind) {
    case 'connected':
      return 'connected';
    case 'refused':
      return `refused: ${answer.message}`;
    case 'closed':
      return 'the server closed the connection';
    case 'silent':
      return 'no answer within 3 s';
  }
}

/** Waits until the server has read everything sent on `line`: a last event's ack on each joined namespace, or the close. */
async function settle(line: Line, n: number, transcript: string[]) {
  const { connection } = line;
  const namespaces = [...line.joined].filter((nsp) => nsp !== '/');
  if (connection.isOpen && namespaces.length) {
    const from = connection.received.length;
    for (const nsp of namespaces) connection.send(`42${nspPart(nsp)}${SYNC_ID}["fuzz:sync"]`);
    for (const nsp of namespaces) {
      const seen = await connection.waitFor(
        (f) => {
          const p = parsePacket(f);
          return p?.type === 3 && p.nsp === nsp && p.id === SYNC_ID;
        },
        3000,
        from,
      );
      if (seen === undefined && !connection.closed && line.joined.has(nsp))
        transcript.push(`(no answer on ${nsp} to a last event sent to see that the server had read everything)`);
    }
  } else if (connection.isOpen) {
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  if (connection.closed) transcript.push(`(connection ${n}: ${connection.closeInfo})`);
}

/**
 * Every owed ack came (unless the connection closed: then nothing more can
 * come), and each is `[{ ok: true, ... }]` or `[{ ok: false, error: "<a sentence>" }]`.
 */
async function checkAnswers(
  connection: RawConnection,
  owed: Owed[],
  unanswered: string[],
  badAnswers: string[],
  wait: boolean,
) {
  for (const { nsp, id, event, from } of owed) {
    const isAck = (f: string) => {
      const p = parsePacket(f);
      return p?.type === 3 && p.nsp === nsp && p.id === id;
    };
    const frame =
      wait && !connection.closed
        ? await connection.waitFor(isAck, ANSWER_TIMEOUT_MS, from)
        : connection.received.slice(from).find(isAck);
    if (frame === undefined) {
      if (wait && !connection.closed)
        unanswered.push(
          `${nsp} event ${JSON.stringify(event).slice(0, 60)} (ack id ${id}): no ack within ${ANSWER_TIMEOUT_MS} ms`,
        );
      continue;
    }
    const data = parsePacket(frame)!.data;
    const [answer] = Array.isArray(data) ? data : [];
    count(answer?.ok === true ? 'acks ok' : 'acks refused');
    const fine =
      Array.isArray(data) &&
      data.length === 1 &&
      typeof answer === 'object' &&
      answer !== null &&
      (answer.ok === true ||
        (answer.ok === false &&
          typeof answer.error === 'string' &&
          answer.error.length > 0 &&
          answer.error.length <= 300));
    if (!fine)
      badAnswers.push(
        `${nsp} event ${JSON.stringify(event).slice(0, 60)} (ack id ${id}) was answered ${frame.slice(0, 300)}`,
      );
  }
}

/** Writes a failing script, every frame in full (binary ones as base64), to `file`: `FUZZ_DUMP=file` on a failing run. */
export function dump(file: string, script: Script) {
  const frames = script.steps.map((s) =>
    s.kind === 'binary'
      ? { ...s, attachments: s.attachments.map((a) => Buffer.from(a).toString('base64')) }
      : s.kind === 'bytes'
        ? { ...s, data: Buffer.from(s.data).toString('base64') }
        : s,
  );
  writeFileSync(file, JSON.stringify({ steps: frames, answers: script.answers }, null, 1));
}
