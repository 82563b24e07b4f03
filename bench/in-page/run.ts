import { chromium, type ElementHandle, type Page } from '@playwright/test';
import { quietChromiumArgs, systemChromium } from '../../scripts/browser.ts';
import { startBenchServer } from '../servers/protocol.ts';
import { type Summary, summarize } from '../stats.ts';
import { ensureBuiltSite } from './built-site.ts';
import { timeBroadcasts, timeRunToConnected } from './in-page-timers.ts';
import { type ScriptSize, scriptSizes } from './script-size.ts';

export interface InPageOptions {
  /** Fresh browser contexts (empty cache): each times one cold Run, then `warmRuns` more. */
  coldRuns: number;
  warmRuns: number;
  broadcasts: number;
}

export interface InPageResult {
  browser: string;
  lesson: string;
  exercise: string;
  /** How the times were taken. */
  method: string;
  /** Run pressed to the demo's first client connected to the learner's server. */
  runToConnected: { cold: Summary; warm: Summary; goalMs: number };
  /** One Increment to the new count shown by all clients, on the learner's server. */
  broadcast: Summary & { clients: number };
  script: ScriptSize;
  transport: ScriptSize;
}

const LESSON = '/lessons/sockets-intro/';
const EXERCISE = "Write the counter's server";
const CLIENTS = 6;
/** The goal for Run to a connected demo client, on this 2-core machine. */
export const RUN_GOAL_MS = 300;

const METHOD =
  'in the page (page.evaluate): performance.now() at the Run click / at the Increment click, whose handler emits at once, ' +
  'to the MutationObserver callback that sees the last status change; headless Chromium, the workshop server on loopback';

/**
 * The learner's server in the page, as a learner meets it in Chromium: Run
 * on the first server exercise until the demo is on it (cold: a fresh
 * context, so the server's script loads; warm: Run again in that page),
 * then one broadcast to six demo clients, many times.
 */
export async function runInPage(options: InPageOptions, progress: (line: string) => void): Promise<InPageResult> {
  await ensureBuiltSite();
  const sizes = scriptSizes();
  const server = await startBenchServer('workshop.ts');
  const browser = await chromium.launch({ executablePath: systemChromium(), args: quietChromiumArgs });
  try {
    const cold: number[] = [];
    const warm: number[] = [];
    let broadcasts: number[] = [];
    for (let i = 0; i < options.coldRuns; i++) {
      const context = await browser.newContext({ baseURL: server.url });
      try {
        const page = await context.newPage();
        const run = await openServerExercise(page);
        progress(`in-page: cold Run ${i + 1}/${options.coldRuns}`);
        cold.push(await page.evaluate(timeRunToConnected, run));
        for (let j = 0; j < options.warmRuns; j++) {
          await settled(page);
          progress(`in-page: warm Run ${j + 1}/${options.warmRuns} in page ${i + 1}`);
          warm.push(await page.evaluate(timeRunToConnected, run));
        }
        if (i === options.coldRuns - 1) {
          await settled(page);
          await addClients(page, CLIENTS);
          progress(`in-page: ${options.broadcasts} broadcasts to ${CLIENTS} clients`);
          broadcasts = await page.evaluate(timeBroadcasts, { times: options.broadcasts, warmup: 5 });
        }
      } finally {
        await context.close();
      }
    }
    return {
      browser: `Chromium ${browser.version()}`,
      lesson: LESSON,
      exercise: EXERCISE,
      method: METHOD,
      runToConnected: { cold: summarize(cold), warm: summarize(warm), goalMs: RUN_GOAL_MS },
      broadcast: { ...summarize(broadcasts), clients: CLIENTS },
      ...sizes,
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** Opens the lesson with its demo on the workshop's server, and puts the shown solution in the exercise's editor; returns its Run button. */
async function openServerExercise(page: Page) {
  await page.goto(LESSON);
  await connection(page, 'Client 1').waitFor();
  const section = page.getByRole('region', { name: `Your turn ${EXERCISE}` }).first();
  await section.scrollIntoViewIfNeeded();
  await section
    .getByRole('status')
    .filter({ hasText: /^Not running\./ })
    .waitFor();
  const solution = await section.getByRole('group').filter({ hasText: 'Show a solution' }).locator('pre').textContent();
  if (!solution) throw new Error(`${LESSON}: no solution shown for "${EXERCISE}"`);
  await section.getByRole('textbox', { name: /^Code for/ }).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(solution);
  const run = await section.getByRole('button', { name: 'Run', exact: true }).elementHandle();
  return run as ElementHandle<HTMLButtonElement>;
}

/** The named client's Connection status, once it says "connected". */
const connection = (page: Page, client: string) =>
  page
    .getByRole('region', { name: client, exact: true })
    .getByRole('status', { name: 'Connection' })
    .filter({ hasText: /^connected$/ });

/** The demo is on the learner's server, and the page has had a moment to finish what the Run began. */
async function settled(page: Page) {
  await page
    .getByRole('status', { name: 'Demo connected to' })
    .filter({ hasText: /^your server$/ })
    .waitFor();
  await connection(page, 'Client 1').waitFor();
  await page.waitForTimeout(300);
}

/** "Add a client" until the demo has `total`, all connected, all showing the same count. */
async function addClients(page: Page, total: number) {
  const add = page.getByRole('button', { name: 'Add a client' });
  for (let n = 2; n <= total; n++) {
    await add.click();
    await connection(page, `Client ${n}`).waitFor();
  }
  await page.waitForFunction((n) => {
    const counts = [...document.querySelectorAll('[data-clients] [aria-label="Count"]')].map((c) => c.textContent);
    return counts.length === n && /^-?\d+$/.test(counts[0] ?? '') && counts.every((c) => c === counts[0]);
  }, total);
}
