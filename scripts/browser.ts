import { existsSync } from 'node:fs';

/**
 * The Chromium that Playwright should drive: `PLAYWRIGHT_CHROMIUM_PATH` if
 * set, else the first of `paths` present (Debian's `/usr/bin/chromium`), else undefined
 * (Playwright's own browser, as on a normal laptop).
 */
export function systemChromium(
  env: NodeJS.ProcessEnv = process.env,
  paths = ['/usr/bin/chromium', '/usr/bin/chromium-browser'],
): string | undefined {
  const fromEnv = env.PLAYWRIGHT_CHROMIUM_PATH?.trim();
  if (fromEnv) return fromEnv;
  return paths.find((path) => existsSync(path));
}

/**
 * The Chromium for the browser tests: as `systemChromium`, but Debian's
 * `chromium-headless-shell` first when present. It is the browser Playwright
 * itself runs headless tests in (the old headless mode, without the full
 * browser's UI underneath), and the suite's lesson specs took 37 s in it against
 * 63 s in the full Chromium on this 2-core machine (2 December): nearly all of
 * the suite's CPU is Chromium's. Lighthouse and the benches keep the full one.
 */
export const testChromium = (env: NodeJS.ProcessEnv = process.env) =>
  systemChromium(env, ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium', '/usr/bin/chromium-browser']);

/** Flags that keep Chromium from calling home on machines with a closed network. */
export const quietChromiumArgs = [
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/**
 * The browser tests' flags: the quiet ones, and site isolation as desktop Chrome has it. The
 * headless shell runs an exercise's sandboxed frame in the lesson page's own process unless told
 * otherwise, and then code that keeps that frame busy freezes the page that should stop it (the
 * busy-page exercise spec failed so). (A phone's Chrome isolates fewer frames: not checked here.)
 */
export const testChromiumArgs = [
  ...quietChromiumArgs,
  '--site-per-process',
  '--enable-features=IsolateSandboxedIframes',
];
