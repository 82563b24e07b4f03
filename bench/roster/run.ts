import { existsSync, readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { type Browser, chromium, type Page } from '@playwright/test';
import { io, type Socket } from 'socket.io-client';
import { quietChromiumArgs, systemChromium } from '../../scripts/browser.ts';
import type { RosterEntry } from '../../src/shared/class-mode.ts';
import { ensureBuiltSite } from '../in-page/built-site.ts';
import { startBenchServer } from '../servers/protocol.ts';
import { clock, type Summary, summarize } from '../stats.ts';
import { BENCH_INSTRUCTOR_TOKEN, type Emitted, type FromStudents, type ToStudents } from './messages.ts';

export interface RosterOptions {
  students: number;
  /** Seconds over which every student does its steps. */
  seconds: number;
  workers: number;
  /** Open the real dashboard in Chromium and time it too. */
  browser: boolean;
}

export interface RosterResult {
  students: number;
  lesson: string;
  steps: number;
  seconds: number;
  method: string;
  joinAllMs: number;
  /** From a student's `student:progress` emit to the instructor's `roster:delta` that has the step. */
  update: Summary & { goalP99Ms: number; emitted: number; received: number; perSecond: number };
  deltas: { count: number; changedPerDelta: number; perSecond: number };
  browser?: BrowserResult | { error: string };
}

export interface BrowserResult {
  browser: string;
  method: string;
  /** The dashboard's own work per delta (the model and the rows it marks). */
  applyMs: Summary;
  /** From a delta's arrival in the page to its rows drawn in the next animation frame, and to that frame painted. */
  drawnMs: Summary;
  paintedMs: Summary;
  /** Frames while the grid is scrolled through, deltas arriving: their intervals. */
  scrollFrameMs: Summary & { longFrames: number };
  /** The same scroll once the class has gone quiet: what the page costs without the load beside it. */
  quietScrollFrameMs: Summary & { longFrames: number };
  /** Table rows in the DOM with every student in the roster (the grid's window), and the rows it says it has. */
  rowsInDom: number;
  ariaRowCount: number;
  count: string;
}

/** The goal of issue 22: the dashboard hears a student's step within half a second, p99. */
export const UPDATE_GOAL_MS = 500;
const LESSON = 'rooms';
const STEPS_PER_STUDENT = 5;

const METHOD =
  'students: socket.io-client over WebSocket from worker threads, each on /class/<CODE> with a name and key, on the lesson ' +
  'the class follows, emitting its steps at random moments; the instructor: a socket.io-client on /instructor watching the ' +
  'class, in the main thread; latency from each emit to the first roster:delta carrying that step, on one clock';
const BROWSER_METHOD =
  'the built dashboard (/instructor/) in headless Chromium watching the same class; window.rosterTimings (read by ' +
  "roster-view.ts only when the page defines it): performance.now() around the delta's apply, then in the animation " +
  'frame that draws it, then in a message posted from that frame (after its paint); a scroll of 120 px per frame through the grid';

/**
 * 1,000 simulated students join one class and make progress while an
 * instructor watches: how soon the dashboard hears each step, and (in
 * Chromium) how long the real dashboard takes to draw it.
 */
export async function runRoster(options: RosterOptions, log: (line: string) => void): Promise<RosterResult> {
  if (options.browser) await ensureBuiltSite();
  const steps = lessonSteps(LESSON).slice(0, STEPS_PER_STUDENT);
  const server = await startBenchServer('workshop-class.ts');
  const workers = Array.from(
    { length: options.workers },
    () => new Worker(new URL('./student-worker.ts', import.meta.url)),
  );
  let instructor: Socket | undefined;
  let browser: Browser | undefined;
  try {
    instructor = io(`${server.url}/instructor`, {
      auth: { token: BENCH_INSTRUCTOR_TOKEN },
      transports: ['websocket'],
    });
    const { code } = await instructor.emitWithAck('class:create', { title: 'Roster bench' });
    await instructor.emitWithAck('class:watch', { code });
    await instructor.emitWithAck('class:follow', { code, lesson: LESSON, section: null });

    // When each (student, step) first reaches the instructor, and who is connected.
    const heard = new Map<string, number>();
    const connected = new Set<string>();
    const deltas: number[] = [];
    instructor.on('roster:delta', ({ changed }: { changed: RosterEntry[] }) => {
      const now = clock();
      deltas.push(changed.length);
      for (const entry of changed) {
        if (entry.connected) connected.add(entry.name);
        for (const step of entry.progress[LESSON] ?? []) {
          const key = `${entry.name}|${step}`;
          if (!heard.has(key)) heard.set(key, now);
        }
      }
    });

    let page: Page | undefined;
    if (options.browser) {
      log('roster: opening the dashboard in Chromium');
      browser = await chromium.launch({ executablePath: systemChromium(), args: quietChromiumArgs });
      page = await openDashboard(browser, server.url, code);
    }

    const share = Math.ceil(options.students / workers.length);
    const joinStart = clock();
    await Promise.all(
      workers.map((w, i) => {
        const first = i * share;
        const count = Math.max(0, Math.min(share, options.students - first));
        return ask(w, { type: 'join', url: server.url, code, lesson: LESSON, first, count }, 'joined');
      }),
    );
    await until(() => connected.size >= options.students, 30_000, 'every student on the roster');
    const joinAllMs = Math.round(clock() - joinStart);
    log(`roster: ${options.students} students joined in ${joinAllMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    deltas.length = 0;

    log(`roster: ${STEPS_PER_STUDENT} steps each over ${options.seconds} s…`);
    const scrolling = page && scrollLater(page, (options.seconds * 1000) / 3);
    const progressStart = clock();
    const emitted = (
      await Promise.all(
        workers.map((w) => ask(w, { type: 'progress', lesson: LESSON, steps, seconds: options.seconds }, 'emitted')),
      )
    ).flatMap((reply) => reply.emitted);
    const expected = emitted.length;
    await until(() => heard.size >= expected, 15_000, 'every step heard').catch(() => {});
    const elapsed = (clock() - progressStart) / 1000;
    const latencies = emitted.flatMap(({ name, step, at }: Emitted) => {
      const t = heard.get(`${name}|${step}`);
      return t === undefined ? [] : [t - at];
    });
    const update = {
      ...summarize(latencies),
      goalP99Ms: UPDATE_GOAL_MS,
      emitted: expected,
      received: latencies.length,
      perSecond: Math.round(expected / options.seconds),
    };
    log(`roster: update p50 ${update.p50} ms, p99 ${update.p99} ms`);
    const deltaSummary = {
      count: deltas.length,
      changedPerDelta: Math.round((deltas.reduce((a, b) => a + b, 0) / Math.max(1, deltas.length)) * 10) / 10,
      perSecond: Math.round((deltas.length / elapsed) * 10) / 10,
    };

    const result: RosterResult = {
      students: options.students,
      lesson: LESSON,
      steps: STEPS_PER_STUDENT,
      seconds: options.seconds,
      method: METHOD,
      joinAllMs,
      update,
      deltas: deltaSummary,
    };
    if (page && browser) {
      try {
        result.browser = await browserFigures(page, browser, await scrolling!);
      } catch (error) {
        result.browser = { error: (error as Error).message.split('\n')[0]! };
      }
    }
    return result;
  } finally {
    instructor?.disconnect();
    await browser?.close().catch(() => {});
    await Promise.all(workers.map((w) => ask(w, { type: 'close' }, 'closed').catch(() => {})));
    await Promise.all(workers.map((w) => w.terminate()));
    await server.stop();
  }
}

/** The steps of the lesson as the built dashboard knows them (its real columns), or made-up ones without a build. */
function lessonSteps(slug: string): string[] {
  const file = 'dist/instructor/index.html';
  const fallback = Array.from({ length: STEPS_PER_STUDENT }, (_, i) => `bench-${i + 1}`);
  if (!existsSync(file)) return fallback;
  const attribute = /data-lessons="([^"]*)"/.exec(readFileSync(file, 'utf8'))?.[1];
  if (!attribute) return fallback;
  const json = attribute.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
  const lesson = (JSON.parse(json) as { slug: string; steps: string[] }[]).find((l) => l.slug === slug);
  return lesson && lesson.steps.length >= STEPS_PER_STUDENT ? lesson.steps : fallback;
}

async function openDashboard(browser: Browser, url: string, code: string) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(() => {
    globalThis.rosterTimings = [];
  });
  await page.goto(`${url}/instructor/#token=${BENCH_INSTRUCTOR_TOKEN}`);
  await page.getByRole('button', { name: `Open ${code}` }).click();
  await page.getByRole('table', { name: 'Roster' }).waitFor();
  return page;
}

/** After `delayMs`, scrolls the grid down and back, 120 px a frame, timing the frames. */
function scrollLater(page: Page, delayMs = 0): Promise<number[]> {
  return page.evaluate(async (delay) => {
    await new Promise((resolve) => setTimeout(resolve, delay));
    const box = document.querySelector<HTMLElement>('[data-roster-scroll]')!;
    const frames: number[] = [];
    let last = performance.now();
    for (let i = 0; i < 240; i++) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const now = performance.now();
      frames.push(now - last);
      last = now;
      box.scrollTop += i < 120 ? 120 : -120;
    }
    return frames;
  }, delayMs);
}

async function browserFigures(page: Page, browser: Browser, frames: number[]): Promise<BrowserResult> {
  await page.waitForTimeout(3_000); // the last deltas, and one more "said" count
  const timings = await page.evaluate(() => globalThis.rosterTimings ?? []);
  const dom = await page.evaluate(() => ({
    rows: document.querySelectorAll('[data-roster-table] tbody tr:not(.roster-spacer)').length,
    ariaRowCount: Number(document.querySelector('[data-roster-table]')?.getAttribute('aria-rowcount')),
    count: document.querySelector('[data-roster-count]')?.textContent ?? '',
  }));
  const of = (key: 'applyMs' | 'drawnMs' | 'paintedMs') =>
    summarize(timings.flatMap((t) => (typeof t[key] === 'number' ? [t[key]] : [])));
  const quiet = await scrollLater(page);
  // The first frame's interval is from before the loop: not a frame of the scroll.
  const frameSummary = (all: number[]) => {
    const scrolled = all.slice(1);
    return { ...summarize(scrolled), longFrames: scrolled.filter((ms) => ms > 50).length };
  };
  return {
    browser: `Chromium ${browser.version()}`,
    method: BROWSER_METHOD,
    applyMs: of('applyMs'),
    drawnMs: of('drawnMs'),
    paintedMs: of('paintedMs'),
    scrollFrameMs: frameSummary(frames),
    quietScrollFrameMs: frameSummary(quiet),
    rowsInDom: dom.rows,
    ariaRowCount: dom.ariaRowCount,
    count: dom.count,
  };
}

type Reply<T extends FromStudents['type']> = Extract<FromStudents, { type: T }>;
function ask<T extends FromStudents['type']>(worker: Worker, message: ToStudents, answer: T) {
  return new Promise<Reply<T>>((resolve, reject) => {
    const listen = (reply: FromStudents) => {
      if (reply.type === 'error') {
        worker.off('message', listen);
        reject(new Error(`a student worker failed: ${reply.message}`));
      } else if (reply.type === answer) {
        worker.off('message', listen);
        resolve(reply as Reply<T>);
      }
    };
    worker.on('message', listen);
    worker.postMessage(message);
  });
}

async function until(holds: () => boolean, timeoutMs: number, what: string) {
  const end = clock() + timeoutMs;
  while (!holds()) {
    if (clock() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
