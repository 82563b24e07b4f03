import { after, describe, test } from 'node:test';
import fc from 'fast-check';
import { io, type Socket } from 'socket.io-client';
import { eventStep, type Step, type Target, targets } from './arbitraries.ts';
import { CODE, tally } from './execute.ts';
import { assertHealthy, check, runs, WorldKeeper } from './fuzz.ts';
import { nextAttackerAddress } from './raw.ts';
import { TOKEN } from './world.ts';

/**
 * The same kind of input through socket.io-client, as a page's script
 * would send it: any event name (numbers too), arguments of any JSON shape
 * with binary attachments (Buffers, typed arrays, nested in objects), with
 * and without acks. Every event sent with an ack is answered as the
 * contract says; the server lives and serves its honest clients.
 */
const keeper = new WorldKeeper();
after(() => keeper.close());

/** Events that may take long to answer: a delay the client chooses, or a question to the client. */
const SLOW = new Set(['question:send', 'question:request', 'question:poll']);
/** Names socket.io-client refuses to send (it throws): the raw frames cover them. */
const RESERVED = new Set(['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener']);

const binary = fc.oneof(
  fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b)),
  fc.uint8Array({ maxLength: 64 }),
  fc.integer({ min: 1000, max: 12_000 }).map((n) => new Uint8Array(n).buffer),
  fc.uint8Array({ maxLength: 16 }).map((b) => ({ text: Buffer.from(b), nested: [Buffer.from(b)] })),
);

interface Emit {
  name: string | number;
  args: unknown[];
  ack: boolean;
  [fc.toStringMethod]?: () => string;
}

/** An event as socket.io-client sends it: the raw generator's name and arguments, parsed, with binary ones mixed in. */
function emitOn(target: Target): fc.Arbitrary<Emit> {
  return fc
    .tuple(eventStep(target.nsp, target.events), fc.array(fc.tuple(fc.nat(), binary), { maxLength: 2 }), fc.boolean())
    .map(([step, binaries, ack]) => {
      const frame = (step as Extract<Step, { kind: 'frame' }>).frame;
      const [name, ...args] = JSON.parse(frame.slice(frame.indexOf('['))) as [string | number, ...unknown[]];
      for (const [at, value] of binaries) args.splice(at % (args.length + 1), 0, value);
      const emit: Emit = { name, args, ack };
      return Object.defineProperty(emit, fc.toStringMethod, {
        value: () =>
          `emit(${JSON.stringify(name)}, ${args.map((a) => (ArrayBuffer.isView(a) || a instanceof ArrayBuffer ? `<${(a as ArrayBuffer).byteLength} bytes>` : JSON.stringify(a)?.slice(0, 200))).join(', ')})${ack ? ' with an ack' : ''}`,
      });
    })
    .filter((e) => typeof e.name !== 'string' || !RESERVED.has(e.name));
}

const script = fc
  .noShrink(targets(CODE, TOKEN).filter((t) => t.nsp !== '/'))
  .chain((target) =>
    fc.record({ target: fc.constant(target), emits: fc.array(emitOn(target), { minLength: 1, maxLength: 8 }) }),
  );

function shapeOk(ack: unknown) {
  const answer = ack as { ok?: unknown; error?: unknown } | null | undefined;
  return (
    answer?.ok === true ||
    (answer?.ok === false && typeof answer.error === 'string' && answer.error.length > 0 && answer.error.length <= 300)
  );
}

describe('fuzz: through socket.io-client', () => {
  test('any event and arguments, binary too, from a real client: every ack is answered as the contract says', {
    timeout: 180_000,
  }, async () => {
    await check(
      'any event and arguments, binary too, from a real client',
      import.meta.url,
      script,
      async ({ target, emits }) => {
        const world = await keeper.get();
        const nsp = target.nsp.replaceAll(CODE, world.code);
        const auth = target.auth ? JSON.parse(target.auth.replaceAll(CODE, world.code)) : undefined;
        const during = world.probe();
        const problems: string[] = [];
        const socket: Socket = io(world.server.url + nsp, {
          auth,
          forceNew: true,
          transports: ['websocket'],
          reconnection: false,
          localAddress: nextAttackerAddress(),
        } as object);
        try {
          const joined = await new Promise<boolean>((resolve) => {
            socket.once('connect', () => resolve(true));
            socket.once('connect_error', () => resolve(false));
            setTimeout(() => resolve(false), 3000);
          });
          tally[joined ? 'client joined' : 'client refused'] =
            (tally[joined ? 'client joined' : 'client refused'] ?? 0) + 1;
          if (joined) {
            // The server's own questions get an answer of some kind.
            socket.onAny((...args) => {
              const last = args.at(-1);
              if (typeof last === 'function') last({ answer: 42 });
            });
            const answers = emits.map(async (emit) => {
              if (!emit.ack) return void socket.emit(emit.name as string, ...emit.args);
              try {
                const answer = await socket
                  .timeout(SLOW.has(String(emit.name)) ? 12_000 : 1500)
                  .emitWithAck(emit.name as string, ...emit.args);
                tally['client acks'] = (tally['client acks'] ?? 0) + 1;
                if (!shapeOk(answer))
                  problems.push(
                    `${String(emit[fc.toStringMethod]?.())} was answered ${JSON.stringify(answer)?.slice(0, 300)}`,
                  );
              } catch {
                // A timeout; unless the connection went (a frame over the limit closes it), an ack is owed.
                if (socket.connected) problems.push(`${String(emit[fc.toStringMethod]?.())} got no answer`);
              }
            });
            await Promise.all(answers);
          }
        } finally {
          socket.disconnect();
        }
        try {
          await assertHealthy(world, await during);
          if (problems.length)
            throw new Error(
              `PROPERTY (2) every event sent with an ack is answered as { ok: true, ... } or { ok: false, error }, on ${nsp}:\n- ${problems.join('\n- ')}`,
            );
        } catch (error) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          const death = world.server.death;
          await keeper.discard();
          const message = (error as Error).message;
          throw new Error(
            death && !message.includes(death)
              ? `PROPERTY (1) the server process lives: ${death}\n\n${message}`
              : message,
          );
        }
      },
      runs(100),
    );
  });
});
