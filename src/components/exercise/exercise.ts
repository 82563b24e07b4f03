import { SERVER_MODULE, SERVER_MODULE_GLOBAL } from '../../shared/server-sandbox.ts';
import { TEST_MODULES } from '../../shared/test-sandbox.ts';
import { demoNamespace } from '../class/class-session.ts';
import { reportExerciseCode } from '../class/exercise-code.ts';
import { followDemoServer, offerServer, yourServerOpener } from '../demo/demo-server.ts';
import { byData, h } from '../demo/dom.ts';
import { reportTraffic } from '../demo/traffic.ts';
import { markDone, stepsDone } from '../site/progress.ts';
import { checkStepId } from '../site/steps.ts';
import { tickStep } from '../site/tick-step.ts';
import { runInSandbox } from './bridge.ts';
import { checkFeedback } from './check-feedback.ts';
import { type Check, CODE_CLIENT, watchChecks } from './checks.ts';
import { handlerErrorText } from './handler-error.ts';
import { loadSolution } from './load-solution.ts';
import { saveCode, savedCode } from './saved-code.ts';

const MAX_LINES = 200;

/**
 * Sets up each exercise as it comes near the screen: the editor weighs more
 * than the rest of the page, so a reader who never scrolls there never loads it.
 */
export function startExercises(roots: Iterable<HTMLElement>) {
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        void startExercise(entry.target as HTMLElement);
      }
    },
    { rootMargin: '800px 0px' },
  );
  for (const root of roots) observer.observe(root);
}

/**
 * One exercise on a lesson page: the editor (seeded from the starter that the
 * page carries as text), Run, Stop and Start over, and the console. Each Run
 * starts a fresh sandboxed page, so nothing of the last run lingers.
 */
async function startExercise(root: HTMLElement) {
  const find = byData(root);
  const starter = find('starter');
  const state = find('state');
  const title = root.querySelector('h2')?.textContent?.replace(/^Your turn\s*/, '') ?? 'the exercise';
  let createEditor: typeof import('./editor.ts').createEditor;
  let history: Pick<typeof import('./editor.ts'), 'isolateHistory' | 'undo'>;
  try {
    ({ createEditor, ...history } = await import('./editor.ts'));
  } catch {
    state.textContent = 'The editor could not load. Reload the page to try again.';
    return;
  }
  const [lesson, exerciseId] = [root.dataset.lesson!, root.dataset.exercise!];
  const starterCode = starter.textContent ?? '';
  const kept = savedCode(lesson, exerciseId);
  let unsaved = false;
  const editor = createEditor(
    find('editor'),
    kept ?? starterCode,
    `Code for ${title}`,
    (code) => {
      reportExerciseCode(root, { lesson, exercise: exerciseId, title, code }); // in a class, the instructor may read it
      // (Called on edits only, so after `checks` and `solution` below exist.)
      checks.tried();
      solution.changed(code);
      if (solution.showsSolution(code)) return; // the learner's own code stays in its slot
      if (saveCode(lesson, exerciseId, code, starterCode) || unsaved) return;
      unsaved = true; // said once
      state.textContent = 'This browser would not keep your code: copy it somewhere before you leave the page.';
    },
    await typeChecking(root, find('editor')),
  );
  starter.hidden = true; // the editor shows it now
  const solution = loadSolution(root, editor, history, (text) => (state.textContent = text));
  const [run, stop, reset] = [
    find<HTMLButtonElement>('run'),
    find<HTMLButtonElement>('stop'),
    find<HTMLButtonElement>('reset'),
  ];
  const output = find('console');
  const server = root.dataset.kind === 'server';
  const tests = root.dataset.kind === 'test';
  /** The learner's server that the running client code is on, if it is. */
  let codeOn: import('../demo/demo-server.ts').InPageServer | undefined;
  // That server stops, or the demo leaves it: the code's connections to it are gone, so is its run.
  const demoServer = followDemoServer(lesson, () => {
    if (!codeOn || demoServer() === codeOn) return;
    codeOn = undefined;
    running?.stop();
    print('warn', 'The demo left your server (or it stopped), so your code stopped with it: Run it again.');
    ended('Stopped: Run again to connect where the demo is now.');
  });
  /** `stop(true)`: another Run follows at once, so a demo on this server waits for the next one. */
  let running: { stop: (forNextRun?: boolean) => void } | undefined;
  /** The demo is still on a server stopped for a new Run: it goes back to the workshop's if that Run fails. */
  let demoWaits = false;
  const checks = followChecks(root, lesson, exerciseId, server, tests, (text) => (state.textContent = text));

  const print = (kind: string, text: string) => {
    output.append(h('li', { class: `console-${kind}` }, text));
    while (output.childElementCount > MAX_LINES) output.firstElementChild?.remove();
    output.parentElement!.scrollTop = output.parentElement!.scrollHeight;
  };
  const ended = (why: string) => {
    running = undefined;
    codeOn = undefined;
    stop.disabled = true;
    state.textContent = why;
    if (demoWaits) offerServer(lesson); // back to the workshop's server
    demoWaits = false;
  };

  const say = (message: string, line?: number) => print('error', line ? `Line ${line}: ${message}` : message);
  let prepare: Promise<typeof import('./prepare-code.ts')> | undefined;
  let serverPart: Promise<typeof import('./server-sandbox.ts')> | undefined;
  let testPart: Promise<typeof import('./test-exercise.ts')> | undefined;
  let runs = 0;

  async function start() {
    const thisRun = ++runs;
    running?.stop(true);
    running = undefined;
    output.replaceChildren();
    checks.reset();
    state.textContent = 'Preparing your code…';
    let prepareCode: (code: string) => import('./prepare-code.ts').Prepared;
    let runServer: typeof import('./server-sandbox.ts').runServerSandbox | undefined;
    let runTests: typeof import('./test-exercise.ts').runTestExercise | undefined;
    try {
      prepare ??= import('./prepare-code.ts');
      // A server run's part of the page comes with its first Run, as the transpiler does; a test run's too.
      if (server) serverPart ??= import('./server-sandbox.ts');
      if (tests) testPart ??= import('./test-exercise.ts');
      const [module, sandbox, testing] = await Promise.all([prepare, serverPart, testPart]);
      runServer = sandbox?.runServerSandbox;
      runTests = testing?.runTestExercise;
      prepareCode = server
        ? (code) => module.prepareServerCode(code, SERVER_MODULE_GLOBAL, SERVER_MODULE)
        : tests
          ? (code) => module.prepareTestCode(code, TEST_MODULES)
          : module.prepareCode;
    } catch {
      // Asked for again at the next Run. A browser may keep the failed fetch and fail every later
      // import of that file without asking the network (Chromium 150 does): then only a reload helps.
      prepare = serverPart = testPart = undefined;
      const lost = 'The part of the page that prepares your code did not load (offline?).';
      return ended(
        unsaved
          ? `${lost} Copy your code, then reload the page when you are online.`
          : `${lost} Reload the page when you are online: your code is kept.`,
      );
    }
    if (thisRun !== runs) return; // Run was pressed again meanwhile: that run goes on
    let prepared: ReturnType<typeof prepareCode>;
    try {
      prepared = prepareCode(editor.state.doc.toString());
    } catch (error) {
      prepared = { error: `Your code could not be read: ${(error as Error).message}` };
    }
    if ('error' in prepared) {
      say(prepared.error, prepared.line);
      return ended('Not running: fix the error shown in the console, then Run again.');
    }
    if (runServer) return startServer(runServer, prepared.code);
    if (runTests) {
      const handle = runTests(root, prepared.code, {
        print,
        state: (text) => (state.textContent = text),
        passed: checks.pass,
        seen: checks.outcome,
        ended: () => {
          if (running !== handle) return;
          running = undefined;
          stop.disabled = true;
        },
      });
      running = handle;
      stop.disabled = false;
      return;
    }
    const { namespace, classKey } = demoNamespace(lesson);
    // While the demo is on the learner's own server, so is the code: every client of the page goes there.
    const yours = demoServer();
    const open = yours && (await yourServerOpener(yours, lesson));
    if (thisRun !== runs) return;
    // On the workshop's server, the lesson's events are known: a typo is said at once.
    const events = open ? undefined : ((JSON.parse(root.dataset.events ?? 'null') as string[] | null) ?? undefined);
    const connection = { lesson, namespace, auth: { name: 'Your code', ...(classKey && { classKey }) }, open, events };
    codeOn = yours;
    running = runInSandbox(find('frame'), prepared.code, connection, {
      log: (level, text) => print(level, text),
      error: say,
      stopped: (why) => {
        print('error', why);
        ended('Stopped.');
      },
      connected: (socket) => reportTraffic(socket, CODE_CLIENT),
      page: checks.page,
    });
    stop.disabled = false;
    state.textContent = open
      ? 'Running: your code has its own page below, on your server, as the demo is.'
      : 'Running: your code has its own page below.';
  }

  /** A server run: the real socket.io in a frame of its own; the demo moves to it once it listens. */
  function startServer(runServerSandbox: typeof import('./server-sandbox.ts').runServerSandbox, code: string) {
    const recovery = root.dataset.recovery !== undefined;
    const names = JSON.parse(root.dataset.names ?? '{}') as Record<string, string | number | boolean>;
    let listening = false;
    const thisServer = runServerSandbox(
      find('frame'),
      code,
      { connectionStateRecovery: recovery, names },
      {
        log: (level, text) => print(level, text),
        error: (message, line, during) => {
          if (during === 'start') {
            say(message, line);
            return stopServer(
              "Not running: your server stopped with the error shown in its console, so the demo stays on the workshop's server.",
            );
          }
          say(handlerErrorText(message), line);
        },
        started: (hasHandler) => {
          if (!hasHandler) {
            print(
              'error',
              "Your server never calls io.on('connection', …) (or .on('connection') on a namespace): clients could connect, but nothing would answer them.",
            );
            return stopServer("Not running: the demo stays on the workshop's server.");
          }
          listening = true;
          demoWaits = false;
          offerServer(lesson, thisServer);
          state.textContent = 'Running: the demo above is connected to your server.';
        },
        unhandled: (namespace, event) =>
          print(
            'warn',
            `A client sent \`${event}\`${namespace === '/' ? '' : ` on ${namespace}`}; your server has no handler for it.`,
          ),
        stopped: (why) => {
          print('error', why);
          stopServer('Stopped.');
        },
      },
    );
    const stopServer = (why: string, forNextRun = false) => {
      thisServer.stop();
      const demoWasHere = listening;
      listening = false;
      if (running === handle) ended(why);
      if (!demoWasHere) return;
      // The demo goes back to the workshop's server, or, for a new Run, waits for its server.
      if (forNextRun) demoWaits = true;
      else offerServer(lesson);
    };
    const handle = {
      stop: (forNextRun?: boolean) =>
        stopServer("Stopped: your server is closed, and the demo is back on the workshop's server.", forNextRun),
    };
    running = handle;
    stop.disabled = false;
    state.textContent = 'Starting your server…';
  }

  run.disabled = reset.disabled = false;
  state.textContent =
    kept === undefined
      ? 'Not running.'
      : 'Not running. Your code from last time is back; Start over brings the starting code.';
  run.addEventListener('click', () => void start());
  editor.contentDOM.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void start();
    }
  });
  stop.addEventListener('click', () => {
    running?.stop();
    ended(
      server
        ? "Stopped: your server is closed, and the demo is back on the workshop's server."
        : tests
          ? 'Stopped: the tests still running are left unfinished.'
          : 'Stopped: its page and its connections are closed.',
    );
    run.focus();
  });
  reset.addEventListener('click', () => {
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: starterCode } });
    state.textContent = 'Back to the starting code. Undo (Ctrl+Z in the editor) brings yours back.';
  });
}

/** A lesson's type checking of the code (frontmatter `typecheck`), if it has it; without it if its part did not load. */
async function typeChecking(root: HTMLElement, editorBox: HTMLElement) {
  if (root.dataset.typecheck === undefined) return [];
  try {
    const { typeErrors } = await import('./type-errors.ts');
    const kind = root.dataset.kind === 'server' ? 'server' : 'client';
    return typeErrors(editorBox, kind, JSON.parse(root.dataset.typecheck));
  } catch {
    return [];
  }
}

/** Ticks the checks already passed in this browser, then watches for the others; each passed one is lesson progress. */
function followChecks(
  root: HTMLElement,
  lesson: string,
  exercise: string,
  server: boolean,
  tests: boolean,
  announce: (text: string) => void,
) {
  const checks = JSON.parse(root.dataset.checks!) as Check[];
  const done = stepsDone(lesson);
  const tick = (id: string) => tickStep(root, id);
  const open = checks.filter((check) => {
    const passed = done.has(checkStepId(exercise, check.id));
    if (passed) tick(check.id);
    return !passed;
  });
  const pending = new Set(open.map((check) => check.id));
  // Under each open check: what it waits for, what this run has seen, and a hint after a while.
  const feedback = checkFeedback(root, open, tests ? 'tests' : server ? 'your-server' : 'code');
  const pass = (id: string) => {
    if (!pending.delete(id)) return;
    markDone(lesson, checkStepId(exercise, id));
    tick(id);
    feedback.passed(id);
    const left = root.querySelectorAll('[data-step]:not(.done)').length;
    announce(`Check passed: ${checks.find((check) => check.id === id)?.text}.${left ? '' : ' All checks passed!'}`);
  };
  // A test exercise's checks are the outcomes of its runs, not traffic: its runner says each one.
  const { tried, outcome } = feedback;
  if (tests) return { page() {}, reset: feedback.ran, pass, tried, outcome };
  const watching = watchChecks(open, server ? 'your-server' : 'code', pass, feedback.observe);
  return {
    page(text: string) {
      watching.page(text);
      feedback.page(text);
    },
    reset() {
      watching.reset();
      feedback.ran();
    },
    pass,
    tried,
    outcome,
  };
}
