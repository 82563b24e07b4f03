// A small part of the browser's DOM, for the learner's code in the page's type
// checker: what `page.*` returns and the usual timers, not the whole lib.dom
// (2 MB of declarations). Code that goes further is told a name is missing.
interface Event {
  readonly type: string;
  readonly target: EventTarget | null;
  preventDefault(): void;
}
interface EventTarget {
  addEventListener(type: string, listener: (event: Event) => void, options?: boolean | { once?: boolean }): void;
  removeEventListener(type: string, listener: (event: Event) => void): void;
}
interface Node extends EventTarget {
  textContent: string | null;
  append(...nodes: (Node | string)[]): void;
  remove(): void;
}
interface CSSStyleDeclaration {
  [property: string]: any;
}
interface DOMTokenList {
  add(...tokens: string[]): void;
  remove(...tokens: string[]): void;
  toggle(token: string, force?: boolean): boolean;
  contains(token: string): boolean;
}
interface HTMLElement extends Node {
  id: string;
  className: string;
  readonly classList: DOMTokenList;
  readonly style: CSSStyleDeclaration;
  hidden: boolean;
  title: string;
  innerText: string;
  focus(): void;
  setAttribute(name: string, value: string): void;
  getAttribute(name: string): string | null;
  querySelector(selectors: string): HTMLElement | null;
  replaceChildren(...nodes: (Node | string)[]): void;
}
interface HTMLButtonElement extends HTMLElement {
  disabled: boolean;
  type: string;
}
interface HTMLInputElement extends HTMLElement {
  value: string;
  checked: boolean;
  disabled: boolean;
  type: string;
  valueAsNumber: number;
}
interface HTMLParagraphElement extends HTMLElement {}
interface HTMLOListElement extends HTMLElement {}
interface Document {
  readonly body: HTMLElement;
  title: string;
  createElement(tagName: string): HTMLElement;
  querySelector(selectors: string): HTMLElement | null;
}
declare var document: Document;
interface Console {
  log(...data: any[]): void;
  info(...data: any[]): void;
  warn(...data: any[]): void;
  error(...data: any[]): void;
}
declare var console: Console;
declare function setTimeout(handler: (...args: any[]) => void, timeout?: number, ...args: any[]): number;
declare function clearTimeout(id: number | undefined): void;
declare function setInterval(handler: (...args: any[]) => void, timeout?: number, ...args: any[]): number;
declare function clearInterval(id: number | undefined): void;
declare function queueMicrotask(callback: () => void): void;
declare function structuredClone<T>(value: T): T;
declare var performance: { now(): number };
