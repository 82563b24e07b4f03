import type { Server } from 'socket.io';
import { type BoundaryHooks, createGuard } from './boundary.ts';
import { guardNamespace } from './guarded.ts';
import { nameFromHandshake } from './identity.ts';
import { type Namespaces, namespaceRegistry } from './namespace-registry.ts';
import type { AnyLessonServer, AnyNamespace, ChildPath, LessonModule, LessonServices } from './types.ts';

/** Where a namespace of a lesson sits: its lesson's namespace, and its own path under it. */
export interface Placement {
  /** The lesson's namespace in its space: `/<slug>`, or `/class/<CODE>/<slug>`. */
  base: string;
  /** The path under `base` (`/staff`) of the namespace being mounted; unset for the lesson's own. */
  path?: string;
  /** This server's namespaces, where a lesson's code reaches the others of its lesson. */
  namespaces: Namespaces;
}

/**
 * Puts a lesson on one of its namespaces: the plumbing first (names, the
 * input boundary), then the lesson's own `register`, which sees a server of
 * its own (`lessonServer`). Everything it keeps lives in closures made here,
 * one set per namespace. Answers the paths its `register` asked `io.of()` for.
 */
export function mountLesson(
  nsp: AnyNamespace,
  lesson: LessonModule,
  hooks: BoundaryHooks,
  services: LessonServices,
  at: Placement = { base: nsp.name, namespaces: namespaceRegistry().namespaces },
) {
  mountPlumbing(nsp, lesson, hooks);
  const asked: ChildPath[] = [];
  lesson.register(lessonServer(nsp, at, asked), services);
  return asked;
}

function mountPlumbing(nsp: AnyNamespace, lesson: LessonModule, hooks: BoundaryHooks) {
  // Before anything is added: the lesson's middlewares and connection listeners cannot end the process.
  guardNamespace(nsp, {
    onFault: (error, where, namespace) => hooks.onFault?.(error, where, namespace),
    first: [nameFromHandshake()],
    last: hooks.admit,
    tries: hooks.tries,
  });
  // Registered before the lesson's own listener, so it runs first.
  nsp.on('connection', createGuard(lesson.contract.clientEvents, hooks));
}

const fits = (asked: ChildPath, path: string) => (typeof asked === 'string' ? asked === path : asked.test(path));
const sameAsk = (a: ChildPath) => (b: ChildPath) => String(a) === String(b) && typeof a === typeof b;

/**
 * The `io` a lesson's `register` gets: a server of one lesson. `io.on`,
 * `io.use`, `io.emit`, `io.to`... are the lesson's namespace's (what a
 * Server's main namespace is to an app), and `io.of('/staff')` or
 * `io.of(/^\/team-.+$/)` names a namespace under it, as an app names its
 * own: `/staff` here is `/<lesson>/staff`, in a class
 * `/class/<CODE>/<lesson>/staff`.
 *
 * `register` runs once for each of the lesson's namespaces as Socket.IO
 * makes it, and that one namespace is real in that run: `use` and `on`
 * reach it. Every other name is a stand-in whose `use` and `on` do nothing
 * (that namespace gets them in its own run) and whose `emit` reaches that
 * namespace if this server has it. What the lesson's own run asks `of()`
 * for are the names it serves: ask in `register`, not later.
 */
function lessonServer(nsp: AnyNamespace, { base, path, namespaces }: Placement, asked: ChildPath[]): AnyLessonServer {
  const underBase = (pattern: RegExp) => () =>
    namespaces
      .all()
      .filter((other) => other.name.startsWith(`${base}/`) && pattern.test(other.name.slice(base.length)));
  const byName = (name: string) => () => [namespaces.get(name)].filter((other) => other !== undefined);
  const own = path === undefined ? nsp : standIn(base, byName(base));
  const of = (name: ChildPath) => {
    if (typeof name === 'string' && !name.startsWith('/')) name = `/${name}`;
    if (name === '/') return own;
    if (path === undefined && !asked.some(sameAsk(name))) asked.push(name);
    if (path !== undefined && fits(name, path)) return nsp;
    return typeof name === 'string'
      ? standIn(base + name, byName(base + name))
      : standIn(`${base}${name}`, underBase(name));
  };
  return new Proxy(own, {
    get(target, key) {
      if (key === 'of') return of;
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as AnyLessonServer;
}

/** A namespace seen from another one's run: see `lessonServer`. */
function standIn(name: string, live: () => AnyNamespace[]): AnyNamespace {
  const handle: Record<string, unknown> = {
    name,
    use: () => stand,
    on: () => stand,
    emit: (event: string, ...args: unknown[]) => {
      for (const other of live()) other.emit(event, ...args);
      return true;
    },
  };
  const stand: AnyNamespace = new Proxy(handle, {
    get(target, key) {
      if (key in target || typeof key === 'symbol' || key === 'then') return target[key as string];
      throw new TypeError(`${name}.${key}: from another namespace's code, only use, on and emit reach it`);
    },
  }) as unknown as AnyNamespace;
  return stand;
}

/** The path under `base` of the namespace `name`, if it is one that `paths` serve. */
export function servedPath(paths: ChildPath[], base: string, name: string): string | undefined {
  if (!name.startsWith(`${base}/`)) return undefined;
  const path = name.slice(base.length);
  return paths.some((asked) => fits(asked, path)) ? path : undefined;
}

/**
 * A lesson's namespaces under its own in the public space: Socket.IO makes
 * each the first time a client asks for a name the lesson serves (any other
 * name is refused as an unknown namespace), and drops it when it is empty again.
 */
export function serveChildren(
  io: Server,
  lesson: LessonModule,
  paths: ChildPath[],
  hooks: BoundaryHooks,
  services: LessonServices,
  at: Placement,
) {
  io.of((name, _auth, next) => next(null, servedPath(paths, at.base, name) !== undefined));
  io.on('new_namespace', (nsp) => {
    const path = servedPath(paths, at.base, nsp.name);
    if (path !== undefined) mountLesson(nsp as AnyNamespace, lesson, hooks, services, { ...at, path });
  });
}
