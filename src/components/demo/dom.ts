type Child = Node | string | null | undefined | false;
type Props = Record<string, string | number | boolean | undefined | EventListener>;

/**
 * Makes an element. Strings become text nodes, never HTML, so user text
 * cannot turn into markup. `on*` props are listeners; `false`/`undefined`
 * attributes are left out.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (typeof value === 'function') element.addEventListener(key.slice(2).toLowerCase(), value);
    else if (value === true) element.setAttribute(key, '');
    else if (value !== false && value !== undefined) element.setAttribute(key, String(value));
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

/** Finds the element marked `data-<name>` inside `root` (pages mark what their scripts use). */
export const byData =
  (root: ParentNode) =>
  <T extends HTMLElement = HTMLElement>(name: string) =>
    root.querySelector<T>(`[data-${name}]`)!;

/**
 * For what cannot be undone: the first click only changes the label to
 * `confirmLabel`; a second click within 5 seconds does it.
 */
export function confirmTwice(button: HTMLButtonElement, confirmLabel: string, action: () => void) {
  const label = button.textContent;
  let armed = false;
  button.addEventListener('click', () => {
    if (armed) return action();
    armed = true;
    button.textContent = confirmLabel;
    setTimeout(() => {
      armed = false;
      button.textContent = label;
    }, 5000);
  });
}

/** A short, readable form of an event's arguments for the log. */
export function preview(args: unknown[], max = 140): string {
  const text = args
    .filter((arg) => typeof arg !== 'function')
    .map((arg) => (arg === undefined ? 'undefined' : JSON.stringify(arg, binaryAsSize)))
    .join(', ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Bytes (an ArrayBuffer, a typed array) as what they are, not as JSON's `{}` or a list of numbers. */
function binaryAsSize(_key: string, value: unknown) {
  if (value instanceof ArrayBuffer) return `<ArrayBuffer ${value.byteLength} bytes>`;
  if (ArrayBuffer.isView(value)) return `<${value.constructor.name} ${value.byteLength} bytes>`;
  return value;
}

/** Enough to follow a demo; older entries drop off so a long session stays light. */
export const MAX_LOG_ENTRIES = 200;

/**
 * A scrolling `log` region (screen readers announce what is added, politely)
 * around a list, focusable so it scrolls by keyboard too. It keeps at most
 * `max` entries, and follows the newest one unless the reader scrolled up to read.
 */
export function createLogBox(label: string, className: string, max = MAX_LOG_ENTRIES) {
  const list = h('ol', {});
  // Just past the newest entry: in view (or within 48 px of it), the box follows what comes next.
  const end = h('div', { class: 'log-end', 'aria-hidden': 'true' });
  const box = h('div', { class: `log-box ${className}`, role: 'log', 'aria-label': label, tabindex: 0 }, list, end);
  // Whether the reader is at the end is told by an IntersectionObserver, at each frame, as the
  // layout the frame made anyway: measuring it on each new entry (scrollHeight, scrollTop) made
  // the browser lay the page out there and then, in the middle of a socket's event.
  // That is told a frame late: what scrolls the box to its end itself (`showNewest`) says so at
  // once, and a notice measured before it is stale.
  let following = true;
  let shownAt = Number.NEGATIVE_INFINITY;
  new IntersectionObserver(
    (entries) => {
      const latest = entries.at(-1)!;
      if (latest.time >= shownAt) following = latest.isIntersecting;
    },
    {
      root: box,
      rootMargin: '0px 0px 48px 0px',
    },
  ).observe(end);
  let followDue = false;
  const follow = () => {
    followDue = false;
    if (following) box.scrollTop = box.scrollHeight;
  };
  const showNewest = () => {
    following = true;
    shownAt = performance.now();
    box.scrollTop = box.scrollHeight;
  };
  return {
    box,
    list,
    /** Adds an entry at the end, or before `before`; keeps the newest in view if the reader was there. */
    append(item: Node, before: Node | null = null) {
      if (!followDue) {
        followDue = true;
        requestAnimationFrame(follow);
      }
      list.insertBefore(item, before);
      while (list.childElementCount > max) list.firstElementChild?.remove();
    },
    /** Replaces everything, and shows the newest. */
    replace(...items: Node[]) {
      list.replaceChildren(...items);
      showNewest();
    },
    /** Scrolls to the newest entry and follows the next ones (as if the reader had scrolled there). */
    showNewest,
    clear: () => list.replaceChildren(),
  };
}

export type LogBox = ReturnType<typeof createLogBox>;
