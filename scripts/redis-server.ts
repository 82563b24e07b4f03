import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

/**
 * A Redis of its own for the tests and the bench, on a free loopback port (`redis-server` from the
 * PATH; `.ci/run` installs it), with nothing saved to disk. `REDIS_URL` in the
 * environment is used instead when set. `port`: start on that one (a restart).
 */
export async function startRedis(port?: number): Promise<{ url: string; port: number; stop: () => Promise<void> }> {
  if (process.env.REDIS_URL)
    return { url: process.env.REDIS_URL, port: Number(new URL(process.env.REDIS_URL).port), stop: async () => {} };
  port ??= await freePort();
  let child: ChildProcess;
  try {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      child.once('error', reject);
      child.stdout!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('Ready to accept connections')) resolve();
      });
    });
  } catch (error) {
    throw new Error(
      'The scale-out tests and `bench --cluster` need Redis: install `redis-server` (Debian: apt-get install redis-server) or set REDIS_URL.',
      { cause: error },
    );
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop() {
      child.kill();
      await once(child, 'exit');
    },
  };
}

/** A port nothing listens on now (the system's pick). */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}
