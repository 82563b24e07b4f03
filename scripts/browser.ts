import { existsSync } from 'node:fs';

/**
 * The Chromium that Playwright should drive: `PLAYWRIGHT_CHROMIUM_PATH` if
 * set, else Debian's `/usr/bin/chromium` when present, else undefined
 * (Playwright's own browser, as on a normal laptop).
 */
export function systemChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const fromEnv = env.PLAYWRIGHT_CHROMIUM_PATH?.trim();
  if (fromEnv) return fromEnv;
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
}

/** Flags that keep Chromium from calling home on machines with a closed network. */
export const quietChromiumArgs = [
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
