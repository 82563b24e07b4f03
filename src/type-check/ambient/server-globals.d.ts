// What a server exercise's code is given (see frame-runtime.ts and
// lesson-scope.ts) besides `io` and the lesson's names, which the checker
// declares from the lesson's events.ts.
import type { Server as SocketIoServer } from 'socket.io';

declare global {
  const Server: typeof SocketIoServer;
  /** The workshop's counter, in memory here. */
  const counter: {
    get(): Promise<number>;
    add(delta: number): Promise<number>;
    reset(): Promise<void>;
  };
  /** The workshop's chat history, in memory here. */
  const history: {
    nextId(): Promise<number>;
    add(room: string, message: object, clientId?: string): Promise<void>;
    recent(room: string, limit: number, after?: number): Promise<any[]>;
  };
  /** Logs to the server's console below the editor, `%s` and the like filled in. */
  function log(format: string, ...args: unknown[]): void;
  /** The key two display names are compared by. */
  function nameKey(name: string): string;
  /** Calls `send` once things are quiet after the last change; returns `changed()`. */
  function whenSettled(
    send: () => Promise<unknown>,
    options: { quietMs: number; atMostMs?: number; tries?: number },
  ): () => void;
}
