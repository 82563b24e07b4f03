import { BUSY_LIMIT_MS } from '../../shared/sandbox.ts';
import {
  type FromServerFrame,
  SERVER_SANDBOX_PAGE,
  type ServerRunOptions,
  type ToServerFrame,
} from '../../shared/server-sandbox.ts';

export interface ServerHandlers {
  log: (level: 'log' | 'info' | 'warn' | 'error', text: string) => void;
  /** `during: 'start'`: the code never got going; `'handler'`: one of its handlers threw, and it runs on. */
  error: (message: string, line: number | undefined, during: 'start' | 'handler') => void;
  /** The code ran to its end; `listening`: it handles connections, so clients may come. */
  started: (listening: boolean) => void;
  /** An event that a client sent and no handler took. */
  unhandled: (namespace: string, event: string) => void;
  /** The server ended by itself: the frame would not start, or it stayed busy too long. */
  stopped: (why: string) => void;
}

export interface InPageServer {
  /** A new connection to the server: the client's end of a fresh channel (the transport's `connect`). */
  connect: () => MessagePort;
  stop: () => void;
}

/** Event names and namespaces from the frame, cut to what a line of the console shows. */
const cut = (value: unknown, length: number) => String(value).slice(0, length);

/**
 * The lesson page's side of a server run: a fresh sandboxed frame in which
 * the real socket.io server runs `code`, and `connect()` for each client the
 * page opens to it. Only this frame's messages are heard.
 */
export function runServerSandbox(
  container: HTMLElement,
  code: string,
  options: ServerRunOptions,
  on: ServerHandlers,
): InPageServer {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.title = 'Your server';
  frame.className = 'server-frame';
  frame.src = SERVER_SANDBOX_PAGE;
  let lastSign = performance.now();
  let ready = false;
  let ended = false;
  const post = (message: ToServerFrame, transfer: Transferable[] = []) =>
    frame.contentWindow?.postMessage(message, '*', transfer);

  function onMessage(event: MessageEvent) {
    if (event.source !== frame.contentWindow || typeof event.data?.type !== 'string') return;
    const message = event.data as FromServerFrame;
    lastSign = performance.now();
    switch (message.type) {
      case 'ready':
        ready = true;
        post({ type: 'run', code, options });
        break;
      case 'log':
        on.log(message.level, cut(message.text, 2000));
        break;
      case 'error':
        on.error(
          cut(message.message, 500),
          Number.isInteger(message.line) ? message.line : undefined,
          message.during === 'start' ? 'start' : 'handler',
        );
        break;
      case 'started':
        on.started(message.listening === true);
        break;
      case 'unhandled':
        on.unhandled(cut(message.namespace, 100), cut(message.event, 100));
        break;
    }
  }

  // The frame runs in its own process here, so a busy loop there leaves this page free to stop it.
  const watchdog = setInterval(() => {
    const quiet = performance.now() - lastSign;
    if (!ready && quiet > 10_000) stop('Your server did not start: reload the page and try again.');
    else if (ready && quiet > BUSY_LIMIT_MS)
      stop(`Your server stayed busy for ${BUSY_LIMIT_MS / 1000} seconds (an endless loop?), so it was stopped.`);
  }, 500);

  function stop(why?: string) {
    if (ended) return;
    ended = true;
    clearInterval(watchdog);
    window.removeEventListener('message', onMessage);
    frame.remove(); // its clients' ports close with it: each demo client sees a lost connection
    if (why) on.stopped(why);
  }

  window.addEventListener('message', onMessage);
  container.append(frame);
  return {
    connect() {
      const { port1, port2 } = new MessageChannel();
      post({ type: 'accept', headers: { 'user-agent': navigator.userAgent } }, [port2]);
      return port1;
    },
    stop: () => stop(),
  };
}
