import type { Socket } from 'socket.io-client';
import { BUSY_LIMIT_MS, SANDBOX_PAGE, type FromSandbox, type ToSandbox } from '../../shared/sandbox.ts';
import { connectClient } from '../demo/connect.ts';

export interface SandboxHandlers {
  log: (level: 'log' | 'info' | 'warn' | 'error', text: string) => void;
  error: (message: string, line?: number) => void;
  /** The run ended by itself: the frame would not start, or it stayed busy too long. */
  stopped: (why: string) => void;
  /** The learner's socket, once its code calls `io()`: the page may watch it like any demo client. */
  connected?: (socket: Socket) => void;
  /** What the code's page shows, when it changes. */
  page?: (text: string) => void;
}

/** The longest an event name from the frame may be; the server refuses unknown ones anyway. */
const MAX_EVENT_LENGTH = 100;

/**
 * The lesson page's side of a run: a fresh sandboxed frame for the learner's
 * code, and the one real socket its `io()` stands for. Only this frame's
 * messages are heard, and only messages of the expected shape are acted on.
 */
export function runInSandbox(
  container: HTMLElement,
  code: string,
  connection: { namespace: string; auth: Record<string, string> },
  on: SandboxHandlers,
) {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.title = "Your code's page";
  frame.src = SANDBOX_PAGE;
  let socket: Socket | undefined;
  /** The server's acknowledgement callbacks, waiting for the code's reply. */
  const replies = new Map<number, (...args: unknown[]) => void>();
  let nextReply = 1;
  let lastSign = performance.now();
  let ready = false;
  const post = (message: ToSandbox) => frame.contentWindow?.postMessage(message, '*');

  function onMessage(event: MessageEvent) {
    if (event.source !== frame.contentWindow || typeof event.data?.type !== 'string') return;
    const message = event.data as FromSandbox;
    lastSign = performance.now();
    switch (message.type) {
      case 'ready':
        ready = true;
        post({ type: 'run', code, namespace: connection.namespace });
        break;
      case 'log':
        on.log(message.level, String(message.text).slice(0, 2000));
        break;
      case 'error':
        on.error(String(message.message).slice(0, 500), Number.isInteger(message.line) ? message.line : undefined);
        break;
      case 'page':
        on.page?.(String(message.text));
        break;
      case 'connect':
        if (!socket) socket = open();
        break;
      case 'disconnect':
        socket?.disconnect();
        break;
      case 'emit':
        emit(message);
        break;
      case 'reply':
        if (Array.isArray(message.args)) replies.get(message.replyId)?.(...message.args);
        replies.delete(message.replyId);
        break;
    }
  }

  function open() {
    const opened = connectClient(connection.namespace, connection.auth);
    opened.on('connect', () => post({ type: 'status', connected: true, id: opened.id }));
    opened.on('disconnect', (reason) => post({ type: 'status', connected: false, reason }));
    opened.on('connect_error', (error) => on.error(`Could not connect: ${error.message}`));
    opened.onAny((event: string, ...args: unknown[]) => {
      // A function cannot cross to the frame: the server's callback waits here for the code's reply.
      const ack = typeof args.at(-1) === 'function' ? (args.pop() as (...reply: unknown[]) => void) : undefined;
      let replyId: number | undefined;
      if (ack) replies.set((replyId = nextReply++), ack);
      post({ type: 'event', event, args, replyId });
    });
    on.connected?.(opened);
    return opened;
  }

  function emit({ event, args, ackId }: Extract<FromSandbox, { type: 'emit' }>) {
    if (!socket || typeof event !== 'string' || event.length > MAX_EVENT_LENGTH || !Array.isArray(args)) return;
    if (typeof ackId === 'number') socket.emit(event, ...args, (...reply: unknown[]) => post({ type: 'ack', ackId, args: reply }));
    else socket.emit(event, ...args);
  }

  // The frame runs in its own process here, so a busy loop there leaves this page free to stop it.
  const watchdog = setInterval(() => {
    const quiet = performance.now() - lastSign;
    if (!ready && quiet > 10_000) return stop('The sandbox did not start. Reload the page and try again.');
    if (ready && quiet > BUSY_LIMIT_MS) {
      stop(`Your code kept its page busy for ${BUSY_LIMIT_MS / 1000} seconds (an endless loop?), so it was stopped.`);
    }
  }, 500);

  function stop(why?: string) {
    clearInterval(watchdog);
    window.removeEventListener('message', onMessage);
    socket?.disconnect();
    frame.remove();
    if (why) on.stopped(why);
  }

  window.addEventListener('message', onMessage);
  container.replaceChildren(frame);
  return { stop: () => stop() };
}
