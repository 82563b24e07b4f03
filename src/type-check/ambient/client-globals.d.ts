// What a client exercise's code is given (see sandbox-runtime.ts): `io()` of
// socket.io-client, and `page`, whose helpers add the parts of its page.
import type { io as connect } from 'socket.io-client';

declare global {
  const io: typeof connect;
  const page: {
    /** A button with this text. */
    button(text: string): HTMLButtonElement;
    /** A text box with a visible label; read it with `.value`. */
    input(label: string, value?: string): HTMLInputElement;
    /** A line of text: set it with `.textContent = …`. */
    text(text?: string): HTMLParagraphElement;
    /** A numbered list, named `label`; `list.add(text)` puts a line at its end. */
    list(label: string): HTMLOListElement & { add(text: string): void };
  };
}
