import pino from 'pino';

/**
 * What the server logs, structured (JSON lines) with levels. At `info`: the
 * server's life and the classes; at `debug`: connections and refusals. What
 * people write (chat messages, announcements) is never logged.
 */
export type Logger = Pick<pino.Logger, 'error' | 'warn' | 'info' | 'debug'>;

export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: undefined });
}

/** For tests and embedding: logs nothing. */
export const silentLogger: Logger = pino({ level: 'silent' });
