import { defineConfig, devices } from '@playwright/test';
import { quietChromiumArgs, systemChromium } from './scripts/browser.ts';

const port = Number(process.env.E2E_PORT ?? 4399);
const baseURL = `http://localhost:${port}`;
const executablePath = systemChromium();

export default defineConfig({
  testDir: './e2e',
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  // The demos share one public server: a few workers are plenty on two cores.
  workers: process.env.CI ? 2 : undefined,
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
    env: { PORT: String(port), HOST: 'localhost', DATA_DIR: ':memory:', INSTRUCTOR_TOKEN: 'e2e-instructor-token' },
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: 'ignore',
  },
});
