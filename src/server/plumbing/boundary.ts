import { Socket } from 'socket.io';
import { z } from 'zod';
import { type AckError, type AckResponse, SERVER_PROBLEM } from '../../shared/acks.ts';
import type { ClientEventSpec, ClientEventSpecs } from '../../shared/events.ts';
import { nearestName } from '../../shared/nearest-name.ts';
import { callSafely, guardedSocketUse, type OnFault, socketUse, type Tries } from './guarded.ts';
import { nameKey } from './name-key.ts';
import { type EventLimits, eventLimits, type Rates, TOO_FAST } from './rate-limit.ts';
import type { AnyNamespace, AnySocket } from './types.ts';

type Reply = (response: AckResponse) => void;
type Listener = (...args: unknown[]) => unknown;

export interface BoundaryHooks {
  /** A client sent an event the lesson does not declare. */
  onUnknownEvent?: (event: string) => void;
  /** A client sent an event whose name is not a non-empty string (a raw packet: clients never do). */
  onBadEventName?: (name: unknown) => void;
  /** A middleware or a connection listener threw: a bug, logged by the app. */
  onFault?: OnFault;
  /** The last namespace middleware, after every check: counts the sockets a connection and an address hold. */
  admit?: Parameters<AnyNamespace['use']>[0];
  /** A lesson handler threw: a bug, logged by the app. */
  onHandlerError?: (error: unknown, event: string, namespace: string) => void;
  /** The rate limits, for a guard without `limits` of its own (default: `RATES`). */
  rates?: Rates;
  /** The counters of the rate limits, shared by every namespace (and with Redis, every process). */
  limits?: EventLimits;
  /** Whom a socket's events count against, each with its own allowance: its address, and in a class its member too (default: the socket alone). */
  whoIs?: (socket: AnySocket) => string[];
  /** Wrong tries at a lesson's own checks, counted per address. */
  tries?: Tries;
  /** Wrong tries at the workshop's secrets (the instructor token, class codes, student keys), counted per address. */
  secretTries?: Tries;
  /** In a class: an event that names its sender (`claimsName`) must name the student, not a classmate. */
  ownNameOnly?: boolean;
  /** A reason to refuse an event for now (an instructor's chat lock), or nothing. */
  refuse?: (spec: ClientEventSpec, event: string) => string | undefined;
  /** How guarded sockets get the boundary's `on` and `use`: one for the whole app (default: one per guard). */
  sockets?: GuardedSockets;
}

type Methods = Pick<AnySocket, 'on' | 'use'>;
export type GuardedSockets = ReturnType<typeof guardedSockets>;

/**
 * Gives a guarded socket its namespace's guarded `on` and `use` through a
 * prototype shared by every guarded socket of the app, rather than as its own
 * properties (40 bytes more in each socket); the prototype finds the
 * namespace's methods by the socket's namespace. One for the app: sockets of
 * one shape keep Socket.IO's own code as fast as it is.
 */
export function guardedSockets() {
  const methodsOf = new WeakMap<AnyNamespace, Methods>();
  const methods = (socket: AnySocket) => methodsOf.get(socket.nsp) as Methods;
  const prototype = Object.create(Socket.prototype, {
    on: {
      value(this: AnySocket, ...args: Parameters<AnySocket['on']>) {
        return methods(this).on.apply(this, args);
      },
    },
    use: {
      value(this: AnySocket, ...args: Parameters<AnySocket['use']>) {
        return methods(this).use.apply(this, args);
      },
    },
  });
  return {
    guard(socket: AnySocket, guarded: Methods) {
      const known = methodsOf.get(socket.nsp);
      if (known && known !== guarded) throw new Error(`Namespace ${socket.nsp.name} has two guards.`);
      methodsOf.set(socket.nsp, guarded);
      Object.setPrototypeOf(socket, prototype);
    },
  };
}

/**
 * The one boundary between a client and the lesson code, set up on every
 * socket before the lesson sees it:
 *
 * - Floods: each person has a rate limit; over it, events are refused.
 * - Input: each event is checked against the lesson's spec, so handlers only
 *   ever see valid, normalised arguments. A refused event is answered in its
 *   ack and goes no further: it changes nothing and reaches nobody. Events the
 *   lesson does not declare are dropped.
 * - Acks: when a handler does not answer an event itself (`answers` unset),
 *   the client still gets `{ ok: true }` once the handlers have run.
 * - Faults: Socket.IO calls handlers on a later tick, where an exception
 *   would end the process. A throwing handler is logged, its client gets a
 *   polite error, and the server and everyone else go on.
 */
export function createGuard(specs: ClientEventSpecs, hooks: BoundaryHooks = {}) {
  // Made once per namespace; the rate counters are per person, shared by every namespace.
  // What a packet's handlers need to know, found by the reply that the boundary adds to every
  // packet it lets through: its event, its namespace, and whether the plumbing owns the reply
  // (the automatic ack) rather than the lesson. Kept for the packet, not by every handler.
  const packets = new WeakMap<Reply, { event: string; namespace: string; automatic: boolean }>();
  const limits = hooks.limits ?? eventLimits(hooks.rates);

  // Every handler the lesson adds is wrapped: it answers the automatic ack and cannot take the
  // process down. A wrapper is the handler bound to a runner (every handler of every socket has
  // one, and a bound function with no arguments keeps the least): for the lesson's events, what
  // else the runner needs comes with the packet; the events Socket.IO emits itself (`disconnect`,
  // `disconnecting`, `error`) come with no packet, and have a runner that knows them.
  const on = Socket.prototype.on as (this: AnySocket, event: string, listener: Listener) => AnySocket;
  function runGuarded(this: Listener, ...args: unknown[]) {
    const last = args.at(-1);
    const packet = typeof last === 'function' ? packets.get(last as Reply) : undefined;
    const reply = packet ? (last as Reply) : undefined;
    if (packet?.automatic) args.pop();
    const fail = (error: unknown) => {
      hooks.onHandlerError?.(error, packet?.event ?? 'an event', packet?.namespace ?? 'a namespace');
      reply?.(refusal(SERVER_PROBLEM));
    };
    callSafely(() => {
      const result = this(...args);
      if (!packet?.automatic) return result;
      // The automatic answer comes once the handler is done: after an async one's work (a count
      // stored, a message kept), so that what the client does next finds it done.
      if (result instanceof Promise) return result.then(() => reply?.({ ok: true }));
      reply?.({ ok: true });
    }, fail);
  }
  // For the events Socket.IO emits itself, one runner per namespace and event, shared by its sockets.
  const reservedRunners = new WeakMap<AnyNamespace, Map<string, Listener>>();
  function runReserved(nsp: AnyNamespace, event: string): Listener {
    let runners = reservedRunners.get(nsp);
    if (!runners) {
      runners = new Map();
      reservedRunners.set(nsp, runners);
    }
    let run = runners.get(event);
    if (!run) {
      run = function (this: Listener, ...args: unknown[]) {
        callSafely(
          () => this(...args),
          (error) => hooks.onHandlerError?.(error, event, nsp.name),
        );
      };
      runners.set(event, run);
    }
    return run;
  }
  const guardedOn = function (this: AnySocket, event: string, listener: Listener) {
    const run = Object.hasOwn(specs, event) ? runGuarded : runReserved(this.nsp, event);
    return on.call(this, event, run.bind(listener));
  } as AnySocket['on'];
  const fault: OnFault = (error, where, namespace) => hooks.onFault?.(error, where, namespace);
  const guarded: Methods = { on: guardedOn, use: guardedSocketUse(fault) };
  const sockets = hooks.sockets ?? guardedSockets();

  // One function for every socket of the namespace: what a socket keeps is its middleware alone.
  async function check(socket: AnySocket, packet: unknown[], next: () => void) {
    const [event, ...args] = packet;
    const ack = typeof args.at(-1) === 'function' ? (args.pop() as Reply) : undefined;
    const reply = once(ack);
    // socket.io-parser lets any JSON value through as an event's name.
    if (typeof event !== 'string' || event === '') {
      hooks.onBadEventName?.(event);
      reply(refusal("An event's name must be a non-empty string."));
      return;
    }
    const spec = Object.hasOwn(specs, event) ? specs[event] : undefined;
    if (!spec) {
      hooks.onUnknownEvent?.(event);
      const meant = nearestName(event, Object.keys(specs));
      const hint = meant ? `: did you mean "${meant}"?` : '.';
      reply(refusal(`This demo has no event called "${event.slice(0, 40)}"${hint}`));
      return;
    }
    // Whom it counts against (a person, not a socket: demo clicks and writing are limited per person),
    // asked at each event rather than kept by every socket.
    const who = hooks.whoIs?.(socket) ?? [socket.id];
    if (!(await limits.allows(spec.lockable || spec.rate === 'message' ? 'message' : 'event', who))) {
      reply(refusal(TOO_FAST));
      return;
    }
    const refused = hooks.refuse?.(spec, event);
    if (refused) {
      reply(refusal(refused));
      return;
    }
    // A lesson's contract covers the namespaces under it too; one of them may not take this event.
    if (socket.listeners(event).length === 0) {
      reply(refusal(`Nothing here handles "${event}": this namespace does not take it.`));
      return;
    }
    const parsed = spec.args.safeParse(args);
    if (!parsed.success) {
      reply(refusal(whatIsWrong(parsed.error, event)));
      return;
    }
    const claimed = hooks.ownNameOnly ? spec.claimsName?.(parsed.data) : undefined;
    if (claimed !== undefined && nameKey(claimed) !== nameKey(String(socket.data.name))) {
      reply(refusal(`In this class you are ${socket.data.name}: use that name.`));
      return;
    }
    packets.set(reply, { event, namespace: socket.nsp.name, automatic: !spec.answers });
    // Replace the arguments in place: the handlers receive exactly these, an
    // optional one left out as `undefined`, so the ack is always in its place.
    packet.splice(1, packet.length - 1, ...padded(parsed.data, spec.args), reply);
    next();
  }

  // Whatever the packet holds, this middleware must not throw: Socket.IO runs it from the network's callback.
  function middleware(this: AnySocket, packet: unknown[], next: () => void) {
    callSafely(
      () => check(this, packet, next),
      (error) => fault(error, 'the boundary', this.nsp.name),
    );
  }

  return (socket: AnySocket) => {
    // From here the lesson's handlers and its own packet middlewares get the same net (or, on a
    // namespace that already has another guard, nothing is added and the guard throws).
    sockets.guard(socket, guarded);
    // Socket.IO's own `use`: the boundary's middleware is not the lesson's. Bound, not a closure:
    // it keeps no scope of its own for each socket.
    socketUse.call(socket, middleware.bind(socket) as Parameters<AnySocket['use']>[0]);
  };
}

function padded(args: unknown[], schema: z.ZodType<unknown[]>): unknown[] {
  const arity = schema instanceof z.ZodTuple ? schema.def.items.length : args.length;
  return args.length >= arity ? args : [...args, ...Array<undefined>(arity - args.length).fill(undefined)];
}

function refusal(error: string): AckError {
  return { ok: false, error };
}

/** Answers at most once, and not at all when the client sent no ack. */
function once(ack: Reply | undefined): Reply {
  let done = ack === undefined;
  return (response) => {
    if (done) return;
    done = true;
    ack?.(response);
  };
}

function whatIsWrong(error: z.ZodError, event: string): string {
  const issue = error.issues[0];
  if (!issue) return `"${event}" was refused.`;
  // An issue on the argument list itself means the wrong number of arguments.
  if (issue.path.length === 0 && (issue.code === 'too_big' || issue.code === 'too_small')) {
    return `"${event}" got the wrong number of arguments.`;
  }
  return issue.message;
}
