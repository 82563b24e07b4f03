import { defineConfig, devices } from '@playwright/test';
import { quietChromiumArgs, systemChromium } from './scripts/browser.ts';

const port = Number(process.env.E2E_PORT ?? 4399);
// An address, not "localhost": the Socket.IO client then hears the browser's `offline` event
// (it ignores it on localhost), as it does for students on an instructor's machine.
const baseURL = `http://127.0.0.1:${port}`;
const executablePath = systemChromium();

export default defineConfig({
  // The site's own specs, and each lesson's beside its code (`src/lessons/<slug>/demo.spec.ts`).
  testDir: '.',
  testMatch: ['e2e/**/*.spec.ts', 'src/lessons/*/*.spec.ts'],
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  // One worker: the server, several browsers per test and the runner share two cores here,
  // and more workers made every test slower (3.1 min with 2 workers, 1.5 min with 1).
  workers: 1,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { executablePath, args: quietChromiumArgs },
      },
    },
  ],
  // The production server, as a learner runs it: `npm start` builds when needed, then serves.
  webServer: {
    command: 'npm start',
    url: baseURL,
    env: { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: ':memory:', INSTRUCTOR_TOKEN: 'e2e-instructor-token' },
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: 'ignore',
  },
});
