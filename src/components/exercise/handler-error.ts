/**
 * What the console says when a handler of the learner's server fails: what
 * Node would have done, and that the page's server runs on. The loop guard's
 * error (see `loop-clock.ts`) stands for a loop that Node would not stop.
 */
export function handlerErrorText(message: string): string {
  const said = message.replace(/\.+$/, '');
  if (said.includes('This loop ran for over'))
    return `${said}. On Node, such a loop freezes the whole server (no client is answered while it runs); here it was stopped, and your server runs on.`;
  return `${said}. On Node, an error thrown in a handler ends the whole server (every client is cut off); here your server runs on, so you can fix it.`;
}
