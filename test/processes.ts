import { spawn } from 'node:child_process';

/**
 * Starts `src/server/index.ts` as `npm run serve` does (or another entry, such
 * as the cluster's primary, with its arguments), and waits for its URL.
 */
export async function startServer(env: Record<string, string>, command = ['src/server/index.ts']) {
  const child = spawn(process.execPath, command, {
    env: { ...process.env, HOST: '127.0.0.1', DATA_DIR: ':memory:', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed:\n${output}`)), 10_000);
    child.stdout.on('data', () => {
      // Colours or not (a terminal, or FORCE_COLOR under Playwright), the address is there.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colour codes, which start with ESC (\x1b)
      const found = /Local:\s+(http:\/\/[^/\s]+)\//.exec(output.replace(/\x1b\[[0-9;]*m/g, ''));
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    });
    child.once('exit', () => reject(new Error(`the server exited:\n${output}`)));
  });
  return { child, url, output: () => output };
}
