import type { Namespace, ServerOptions } from 'socket.io';
import * as socketIo from 'socket.io';
import { consoleText } from '../components/exercise/console-text.ts';
import { lineOf, whereInCode } from '../components/exercise/error-line.ts';
import { createLoopGuard } from '../components/exercise/loop-clock.ts';
import { LOOP_GUARD, LOOP_LIMIT_MS } from '../shared/sandbox.ts';
import {
  type FromServerFrame,
  SERVER_MODULE_GLOBAL,
  SERVER_SANDBOX_PAGE,
  SERVER_STARTED,
  type ToServerFrame,
} from '../shared/server-sandbox.ts';
import { InPageEngine } from './engine.ts';
import { lessonScope } from './lesson-scope.ts';

/**
 * Runs inside the server's sandboxed frame (`/sandbox/server/`): the real
 * socket.io `Server`, bound to an in-page engine whose clients are the lesson
 * page's sockets. It gives the learner's code `io` (and `Server`, for code
 * that makes its own), runs it, and tells the page what the code logs, what
 * throws (and where), whether the code listens for connections, and which
 * events no handler takes.
 */
const post = (message: FromServerFrame) => parent.postMessage(message, '*');
const engine = new InPageEngine();
let started = false;
let guests = 0;
const told = new Set<string>();

for (const level of ['log', 'info', 'warn', 'error'] as const) {
  console[level] = (...args: unknown[]) => post({ type: 'log', level, text: args.map(consoleText).join(' ') });
}

/**
 * What the workshop's own server does before any lesson code, done here too so
 * that the lesson's code reads the same `socket.data.name`; and each event that
 * arrives without a handler, said once.
 */
function prepare(nsp: Namespace) {
  nsp.use((socket, next) => {
    const asked = socket.handshake.auth?.name;
    socket.data.name = typeof asked === 'string' && asked.trim() ? asked.trim().slice(0, 40) : `Guest ${++guests}`;
    next();
  });
  nsp.on('connection', (socket) => {
    socket.onAny((event: string) => {
      const key = `${nsp.name} ${event}`;
      if (socket.listeners(event).length > 0 || told.has(key)) return;
      told.add(key);
      post({ type: 'unhandled', namespace: nsp.name, event: event.slice(0, 100) });
    });
    // A client that sent a callback waits for it: say so when a handler never calls it.
    socket.use((packet, next) => {
      const [event, ...args] = packet;
      const ack = args.at(-1);
      if (typeof ack !== 'function') return next();
      let answered = false;
      packet[packet.length - 1] = (...reply: unknown[]) => {
        answered = true;
        ack(...reply);
      };
      setTimeout(() => {
        const key = `${nsp.name} ${event} ack`;
        if (answered || told.has(key) || !socket.connected || socket.listeners(event).length === 0) return;
        told.add(key);
        console.warn(
          `A client sent \`${String(event).slice(0, 100)}\` with a callback and has waited ${UNANSWERED_MS / 1000} s: your handler has not called it (\`ack(…)\`) yet.`,
        );
      }, UNANSWERED_MS);
      next();
    });
  });
}

/** How long a client's callback may wait before the console says that no handler called it. */
const UNANSWERED_MS = 5000;

/** The namespaces of the newest server the code made (the page's clients reach that one), and its namespaces of a pattern. */
const namespaces: Namespace[] = [];
const patterns: Namespace[] = [];

/** `new Server(…)` as the code writes it, on Node or here: here it listens to the page's clients, never to a port. */
class Server extends socketIo.Server {
  constructor(where?: unknown, options?: Partial<ServerOptions>) {
    const given =
      where && typeof where === 'object' && !('listen' in where) ? (where as Partial<ServerOptions>) : options;
    super({ ...given, serveClient: false });
    if (where !== undefined && (typeof where !== 'object' || 'listen' in (where as object)))
      console.info(
        "In the page, your server takes the page's clients: it does not listen on a port or an HTTP server.",
      );
    engine.removeAllListeners('connection'); // an earlier server of the code's hears no more clients
    namespaces.length = 0;
    patterns.length = 0;
    const watch = (nsp: Namespace) => {
      namespaces.push(nsp);
      prepare(nsp);
    };
    watch(this.sockets);
    this.on('new_namespace', watch);
    this.bind(engine as never);
  }
  override of(name: Parameters<socketIo.Server['of']>[0], fn?: Parameters<socketIo.Server['of']>[1]): Namespace {
    const nsp = super.of(name, fn);
    if (typeof name !== 'string' && !patterns.includes(nsp)) patterns.push(nsp);
    return nsp;
  }
  override listen(): this {
    return this;
  }
  override attach(): this {
    return this;
  }
}

const here = SERVER_SANDBOX_PAGE;
window.addEventListener('error', (event) => {
  event.preventDefault();
  const { line } = whereInCode(event, here);
  post({
    type: 'error',
    message: event.error instanceof Error ? consoleText(event.error) : String(event.message),
    line,
    during: started ? 'handler' : 'start',
  });
});
window.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  const message = `Unhandled rejection: ${consoleText(event.reason)}`;
  post({ type: 'error', message, line: lineOf(event.reason, here).line, during: started ? 'handler' : 'start' });
});
setInterval(() => post({ type: 'alive' }), 500);

let ran = false;
window.addEventListener('message', (event) => {
  if (event.source !== parent) return;
  const message = event.data as ToServerFrame;
  if (message?.type === 'accept' && event.ports[0]) {
    const headers = Object.fromEntries(
      Object.entries(message.headers ?? {}).filter(([, value]) => typeof value === 'string'),
    );
    engine.accept(event.ports[0], headers);
    return;
  }
  if (message?.type !== 'run' || ran || typeof message.code !== 'string') return;
  ran = true; // one run per frame
  const io = new Server(message.options?.connectionStateRecovery ? { connectionStateRecovery: {} } : {});
  const scope = {
    io,
    Server,
    [SERVER_MODULE_GLOBAL]: { ...socketIo, Server, default: Server },
    ...lessonScope(message.options?.names),
    [LOOP_GUARD]: createLoopGuard(LOOP_LIMIT_MS),
    [SERVER_STARTED]: () => {
      started = true;
      // Socket.IO says `connect` too; a namespace of a pattern (`io.of(/^\/team-/)`) listens for its children.
      const listens = (nsp: { listenerCount(event: string): number }, own: number) =>
        nsp.listenerCount('connection') + nsp.listenerCount('connect') > own;
      post({
        type: 'started',
        listening: namespaces.some((nsp) => listens(nsp, 1)) || patterns.some((parent) => listens(parent, 0)),
      });
    },
  };
  // As globals the code may shadow; `history` and the like replace the frame's own, which nothing here needs.
  for (const [name, value] of Object.entries(scope))
    Object.defineProperty(window, name, { value, configurable: true, writable: true });
  const script = document.createElement('script');
  script.type = 'module'; // so that `await` works at the top level
  script.textContent = `${message.code}\n;${SERVER_STARTED}();`;
  document.body.append(script);
});
post({ type: 'ready' });
