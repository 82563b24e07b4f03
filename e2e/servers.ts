/**
 * The suite runs on two workers, each with a server of its own (`npm start` on
 * ports E2E_PORT and E2E_PORT + 1): the lessons' public demos keep state (a
 * counter, a tally, a chat), and a test that counts on it must not see another
 * worker's clicks.
 */
export const E2E_WORKERS = 2;

const firstPort = Number(process.env.E2E_PORT ?? 4399);

/** The server of the worker with this `parallelIndex`. An address, not "localhost": see playwright.config.ts. */
export const e2eServerUrl = (parallelIndex: number) => `http://127.0.0.1:${firstPort + (parallelIndex % E2E_WORKERS)}`;
