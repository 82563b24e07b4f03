/**
 * The part of Node's EventEmitter that socket.io and socket.io-adapter use
 * (on/once/off/emit/prependListener/listeners/listenerCount), for the browser build.
 */
// biome-ignore lint/suspicious/noExplicitAny: listeners take whatever the emitter passes, as in Node's types
type Listener = (...args: any[]) => void;

export class EventEmitter {
  #listeners = new Map<string | symbol, Listener[]>();

  on(event: string | symbol, listener: Listener): this {
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), listener]);
    return this;
  }
  addListener(event: string | symbol, listener: Listener): this {
    return this.on(event, listener);
  }
  prependListener(event: string | symbol, listener: Listener): this {
    this.#listeners.set(event, [listener, ...(this.#listeners.get(event) ?? [])]);
    return this;
  }
  once(event: string | symbol, listener: Listener): this {
    const once: Listener & { listener?: Listener } = (...args) => {
      this.off(event, once);
      listener.apply(this, args);
    };
    once.listener = listener;
    return this.on(event, once);
  }
  off(event: string | symbol, listener: Listener): this {
    const list = this.#listeners.get(event);
    if (!list) return this;
    const index = list.findIndex((l) => l === listener || (l as { listener?: Listener }).listener === listener);
    if (index !== -1) list.splice(index, 1);
    if (list.length === 0) this.#listeners.delete(event);
    return this;
  }
  removeListener(event: string | symbol, listener: Listener): this {
    return this.off(event, listener);
  }
  removeAllListeners(event?: string | symbol): this {
    if (event === undefined) this.#listeners.clear();
    else this.#listeners.delete(event);
    return this;
  }
  emit(event: string | symbol, ...args: unknown[]): boolean {
    const list = this.#listeners.get(event);
    if (!list) return false;
    // A copy: a listener may remove itself (once) while we iterate.
    for (const listener of [...list]) listener.apply(this, args);
    return true;
  }
  listeners(event: string | symbol): Listener[] {
    return (this.#listeners.get(event) ?? []).map((l) => (l as { listener?: Listener }).listener ?? l);
  }
  listenerCount(event: string | symbol): number {
    return this.#listeners.get(event)?.length ?? 0;
  }
  setMaxListeners(): this {
    return this;
  }
}

// Enumerable, as Node's are: socket.io's Server forwards every method that
// `Object.keys(EventEmitter.prototype)` lists to its main namespace (`io.on('connection')`).
// Class methods are not enumerable, and without this `io.on` listened on the Server itself.
for (const key of Object.getOwnPropertyNames(EventEmitter.prototype)) {
  if (key === 'constructor') continue;
  const descriptor = Object.getOwnPropertyDescriptor(EventEmitter.prototype, key);
  if (descriptor) Object.defineProperty(EventEmitter.prototype, key, { ...descriptor, enumerable: true });
}

export default EventEmitter;
