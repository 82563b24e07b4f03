/**
 * `page` in the learner's code: one line per part of its page, so that the
 * code is about sockets, not about building a form. Each adds its element at
 * the end of the page and returns it; plain DOM code works as well.
 */
export function createPageHelpers(root: HTMLElement) {
  const add = <E extends HTMLElement>(element: E) => {
    root.append(element);
    return element;
  };
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, text = '') =>
    Object.assign(document.createElement(tag), { textContent: text });
  return {
    /** A button with this text: `page.button('Join').addEventListener('click', …)`. */
    button: (text: string) => add(make('button', text)),
    /** A text box with a visible label; read it with `.value`. */
    input(label: string, value = '') {
      const input = Object.assign(document.createElement('input'), { value });
      add(make('label', `${label} `)).append(input);
      return input;
    },
    /** A line of text: set it with `.textContent = …`. */
    text: (text = '') => add(make('p', text)),
    /** A numbered list, named `label`; `list.add(text)` puts a line at its end. */
    list(label: string) {
      const list = make('ol');
      list.setAttribute('aria-label', label);
      return add(Object.assign(list, { add: (text: string) => list.append(make('li', text)) }));
    },
  };
}
