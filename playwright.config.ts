import { defineConfig, devices } from '@playwright/test';
import { E2E_WORKERS, e2eServerUrl } from './e2e/servers.ts';
import { testChromium, testChromiumArgs } from './scripts/browser.ts';

// An address, not "localhost": the Socket.IO client then hears the browser's `offline` event
// (it ignores it on localhost), as it does for students on an instructor's machine.
// Each worker's tests go to its own server (`e2e/demo.ts` sets `baseURL` per worker).
const servers = Array.from({ length: E2E_WORKERS }, (_, i) => e2eServerUrl(i));
const executablePath = testChromium();

export default defineConfig({
  // The site's own specs, and each lesson's beside its code (`src/lessons/<slug>/demo.spec.ts`).
  testDir: '.',
  testMatch: ['e2e/**/*.spec.ts', 'src/lessons/*/*.spec.ts'],
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  // Two workers on two cores: one worker left a third of the machine idle (tests wait on
  // timers and sockets), and the whole suite took 12.0 min with two against 15.7 with one
  // (2 December; when it was 40 tests, two were slower: 3.1 min against 1.5).
  workers: E2E_WORKERS,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: servers[0],
    // On CI a trace of each test's retry alone: recording every test cost about a fifth of the suite's time.
    trace: process.env.CI ? 'on-first-retry' : 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { executablePath, args: testChromiumArgs },
      },
    },
  ],
  // The production server, as a learner runs it: `npm start` builds when needed, then serves.
  // One per worker, started one after the other (the first builds; the next finds the build fresh).
  webServer: servers.map((url) => ({
    command: 'npm start',
    url,
    env: {
      PORT: new URL(url).port,
      HOST: '127.0.0.1',
      DATA_DIR: ':memory:',
      INSTRUCTOR_TOKEN: 'e2e-instructor-token',
    },
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: 'ignore' as const,
  })),
});
