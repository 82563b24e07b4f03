import type { Namespace } from 'socket.io';
import type { Adapter } from 'socket.io-adapter';
import type { AnyNamespace } from './types.ts';

/** What `new Server({ adapter })` takes: Socket.IO calls it with `new`, once per namespace. */
type AdapterMaker = (nsp: Namespace) => Adapter;

/** The namespaces this server holds now, by name: what the app and its tests may ask about. */
export interface Namespaces {
  has(name: string): boolean;
  get(name: string): AnyNamespace | undefined;
  names(): string[];
  all(): AnyNamespace[];
}

/**
 * The app's own list of its namespaces, kept without Socket.IO's private
 * map. Socket.IO gives each namespace its adapter when it makes it, and
 * closes that adapter when it drops it (an empty namespace made on demand,
 * with `cleanupEmptyChildNamespaces`): the two ends of its life. So the list
 * is kept by the adapter: `tracking(adapter)` is the one handed to the
 * Server. A dropped namespace leaves the list at once, so nothing here holds
 * it in memory.
 */
export function namespaceRegistry() {
  const live = new Map<string, AnyNamespace>();
  const namespaces: Namespaces = {
    has: (name) => live.has(name),
    get: (name) => live.get(name),
    names: () => [...live.keys()],
    all: () => [...live.values()],
  };
  return {
    namespaces,
    tracking(make: AdapterMaker | typeof Adapter): typeof Adapter {
      // A function, not an arrow: Socket.IO calls it with `new`.
      // biome-ignore lint/complexity/useArrowFunction: an arrow function cannot be called with `new`
      return function (nsp: AnyNamespace) {
        const adapter: Adapter = Reflect.construct(make, [nsp]);
        live.set(nsp.name, nsp);
        const close = adapter.close.bind(adapter);
        adapter.close = () => {
          if (live.get(nsp.name) === nsp) live.delete(nsp.name);
          return close();
        };
        return adapter;
      } as unknown as typeof Adapter;
    },
  };
}
