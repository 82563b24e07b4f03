import { fileURLToPath } from 'node:url';

export interface ServerOptions {
  port: number;
  host: string;
  staticDir: string;
}

/** Reads the server's options from the environment, refusing bad values with a clear message. */
export function readOptions(env: NodeJS.ProcessEnv = process.env): ServerOptions {
  const port = Number(env.PORT ?? 4321);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, not "${env.PORT}".`);
  }
  return {
    port,
    host: env.HOST?.trim() || 'localhost',
    staticDir: env.STATIC_DIR ?? fileURLToPath(new URL('../../dist/', import.meta.url)),
  };
}
