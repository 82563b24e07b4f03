import QRCode from 'qrcode';
import type { AckResponse } from '../../shared/acks.ts';
import type { ClassState } from '../../shared/class-mode.ts';
import { PRESENTER_CHANNEL, type Whereabouts } from '../class/whereabouts.ts';
import { byData, confirmTwice, h } from '../demo/dom.ts';
import { startCodeView } from './code-view.ts';
import { createGroupsView } from './groups-view.ts';
import {
  connectInstructor,
  forgetToken,
  type InstructorSocket,
  rememberToken,
  takeToken,
} from './instructor-socket.ts';
import { createRaisedHands } from './raised-hands.ts';
import { createRosterView, type DashboardLesson } from './roster-view.ts';
import { startSteeringControls } from './steering-controls.ts';

const WATCHED_KEY = 'socket-workshop:instructor-class';

/**
 * The open class is kept in the address too (`#class=CODE`): a reload, or the
 * address copied to another tab, opens it again. The token link may carry it.
 */
const classInAddress = () => new URLSearchParams(location.hash.slice(1)).get('class');
function showClassInAddress(code: string | null) {
  history.replaceState(null, '', location.pathname + location.search + (code ? `#class=${code}` : ''));
}

/** The instructor's dashboard: sign in with the token, create or pick a class, and run it. */
export function startDashboard(root: HTMLElement) {
  const $ = byData(root);
  const lessons: DashboardLesson[] = JSON.parse(root.dataset.lessons ?? '[]');
  const tokenForm = $<HTMLFormElement>('token-form');
  const requested = classInAddress(); // before the token leaves the address with it

  function signIn(token: string) {
    const socket = connectInstructor(token);
    socket.on('connect_error', (error) => {
      socket.disconnect();
      forgetToken();
      tokenForm.hidden = false;
      $('signed-in').hidden = true;
      $('token-error').textContent =
        error.message === 'unauthorized'
          ? 'That token is not right: check the link the server printed.'
          : `Could not connect: ${error.message}`;
    });
    socket.once('connect', () => {
      rememberToken(token);
      tokenForm.hidden = true;
      $('signed-in').hidden = false;
      runDashboard(socket, lessons, $, root, requested);
    });
  }

  tokenForm.addEventListener('submit', (event) => {
    event.preventDefault();
    $('token-error').textContent = '';
    signIn(String(new FormData(tokenForm).get('token') ?? '').trim());
  });
  const token = takeToken();
  if (token) signIn(token);
  else tokenForm.hidden = false;
}

function runDashboard(
  socket: InstructorSocket,
  lessons: DashboardLesson[],
  $: <T extends HTMLElement = HTMLElement>(name: string) => T,
  root: HTMLElement,
  requested: string | null,
) {
  const titles = new Map(lessons.map((l) => [l.slug, l.title]));
  let watched: string | null = null;
  let networkUrl = `${location.origin}/`;

  const say = (message: string) => {
    $('error').textContent = '';
    $('status').textContent = message;
  };
  /** Runs an instructor action and reports its outcome next to the controls. */
  const act = (done: string) => (answer: AckResponse) => {
    if (answer.ok) say(done);
    else $('error').textContent = answer.error;
  };

  const rosterElements = {
    scroll: $('roster-scroll'),
    table: $<HTMLTableElement>('roster-table'),
    summary: $('roster-summary'),
    count: $('roster-count'),
    find: $<HTMLInputElement>('roster-find'),
    stuckOnly: $<HTMLInputElement>('roster-stuck-only'),
    stuckMinutes: $<HTMLInputElement>('roster-stuck-minutes'),
  };
  const roster = createRosterView(rosterElements, lessons, (name) =>
    socket.emit('class:remove-student', { code: watched!, name }, (answer) => {
      act(`${name} was removed from the class.`)(answer);
      if (answer.ok) showRemoved([...removedNames, name]);
    }),
  );

  const groups = createGroupsView($('groups'), socket, () => watched, act);
  // Help: the hands up, and a student's code (from a hand, or from the roster's "View code").
  const hands = createRaisedHands(
    $('raised-hands'),
    socket,
    (slug) => titles.get(slug),
    (error) => {
      $('error').textContent = error;
    },
  );
  startCodeView(
    $<HTMLDialogElement>('code-view'),
    socket,
    () => watched,
    (slug) => titles.get(slug),
  );

  // Removed students stay out until the instructor lets them back in.
  let removedNames: string[] = [];
  function showRemoved(names: string[]) {
    removedNames = [...new Set(names)].sort();
    $('removed-section').hidden = removedNames.length === 0;
    $('removed').replaceChildren(
      ...removedNames.map((name) => {
        const readmit = h('button', { type: 'button', class: 'quiet' }, `Let ${name} back in`);
        readmit.addEventListener('click', () =>
          socket.emit('class:readmit', { code: watched!, name }, (answer) => {
            act(`${name} may join the class again.`)(answer);
            if (answer.ok) showRemoved(removedNames.filter((n) => n !== name));
          }),
        );
        return h('li', {}, h('span', {}, name), ' ', readmit);
      }),
    );
  }

  function listClasses() {
    socket.emit('class:list', (answer) => {
      if (!answer.ok) return;
      $('class-list').replaceChildren(
        ...answer.classes.map((c) => {
          const open = h('button', { type: 'button', class: 'quiet' }, `Open ${c.code}`);
          open.addEventListener('click', () => watch(c.code));
          const count = h('span', { 'data-students-of': c.code }, studentsText(c.students));
          return h('li', {}, h('strong', {}, c.code), ` ${c.title} · `, count, ' ', open);
        }),
      );
    });
  }

  // Each class's count, live: a class this page does not list yet (made in another tab) lists them again.
  const studentsText = (n: number) => `${n} student${n === 1 ? '' : 's'}`;
  socket.on('class:students', ({ code, students }) => {
    const count = $('class-list').querySelector(`[data-students-of="${code}"]`);
    if (count) count.textContent = studentsText(students);
    else listClasses();
  });

  const steering = startSteeringControls(root, socket, () => watched, act);

  function showState(state: ClassState) {
    steering.show(state);
    $('class-code').textContent = state.code;
    $('class-title').textContent = state.title;
    $('join-code').textContent = state.code;
    const followSelect = $<HTMLSelectElement>('follow');
    if (followSelect.value !== '@me') followSelect.value = state.follow?.lesson ?? '';
    showLock(state.chatLocked);
    roster.follow(state.follow?.lesson ?? null);
    classFollows = state.follow?.lesson ?? null;
    if (state.follow) viewLesson(state.follow.lesson);
  }

  // The lesson whose progress the roster shows: the one the class follows, else where most
  // students are, until the instructor picks one.
  const inView = $<HTMLSelectElement>('lesson-in-view');
  let picked = false;
  let classFollows: string | null = null;
  let shown: string | undefined; // the lesson the roster shows now
  function viewLesson(slug: string | undefined, byHand = false) {
    if (!slug || (picked && !byHand) || (slug === shown && !byHand)) return;
    shown = slug;
    picked ||= byHand;
    inView.value = slug;
    roster.showLesson(slug);
  }
  inView.addEventListener('change', () => viewLesson(inView.value, true));

  async function showJoinLink(code: string) {
    const link = `${networkUrl}?class=${code}`;
    $('join-url').textContent = link;
    const svg = await QRCode.toString(link, { type: 'svg', margin: 1 });
    const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement;
    $('qr').replaceChildren(document.importNode(parsed, true));
  }

  function watch(code: string) {
    socket.emit('class:watch', { code }, (answer) => {
      if (!answer.ok) {
        sessionStorage.removeItem(WATCHED_KEY);
        showClassInAddress(null);
        $('class-panel').hidden = true;
        $('error').textContent = answer.error;
        return;
      }
      watched = code;
      hands.watch(code);
      sessionStorage.setItem(WATCHED_KEY, code);
      showClassInAddress(code);
      $('class-panel').hidden = false;
      showState(answer.state);
      roster.reset(answer.roster);
      groups.reset(answer.roster, answer.groups ?? 0);
      viewLesson(answer.state.follow?.lesson ?? roster.busiestLesson());
      showRemoved(answer.removed);
      void showJoinLink(code);
      say(`Class ${code} is open.`);
    });
  }

  socket.on('roster:delta', ({ code, changed, removed }) => {
    if (code !== watched) return;
    roster.apply(changed, removed);
    groups.apply(changed, removed);
    // Students arrive after the class opened: the lesson most of them are on, until one is picked.
    if (!classFollows) viewLesson(roster.busiestLesson());
  });
  // After a reconnection (a restart of the server), pick up where we were.
  socket.on('connect', () => watched && watch(watched));

  socket.emit('server:info', (answer) => {
    if (answer.ok && answer.networkUrls[0]) networkUrl = answer.networkUrls[0];
    const saved = requested ?? sessionStorage.getItem(WATCHED_KEY);
    if (saved) watch(saved);
  });
  listClasses();

  $<HTMLFormElement>('create-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const title = String(new FormData(event.currentTarget as HTMLFormElement).get('title') ?? '');
    socket.emit('class:create', { title }, (answer) => {
      if (!answer.ok) {
        $('error').textContent = answer.error;
        return;
      }
      listClasses();
      watch(answer.code);
    });
  });

  // Follow me: a lesson picked here, or wherever the instructor reads in another tab.
  let followReading = false;
  let followed: string | null = null;
  const follow = (lesson: string | null, section: string | null = null) => {
    const news = lesson !== followed;
    followed = lesson;
    socket.emit('class:follow', { code: watched!, lesson, section }, (answer) => {
      if (answer.ok) roster.follow(lesson);
      // Say so when the lesson changes, not at every section.
      if (news || !answer.ok)
        act(lesson ? `Students now follow you to “${titles.get(lesson)}”.` : 'Follow me is off.')(answer);
    });
  };
  $<HTMLSelectElement>('follow').addEventListener('change', (event) => {
    const choice = (event.currentTarget as HTMLSelectElement).value;
    followReading = choice === '@me';
    if (followReading) say('Open a lesson in another tab: students follow you there, section by section.');
    else follow(choice || null);
  });
  if ('BroadcastChannel' in window) {
    new BroadcastChannel(PRESENTER_CHANNEL).addEventListener('message', (event: MessageEvent<Whereabouts>) => {
      if (followReading && watched && event.data.lesson) follow(event.data.lesson, event.data.section);
    });
  }

  const announceForm = $<HTMLFormElement>('announce-form');
  announceForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = String(new FormData(announceForm).get('text') ?? '');
    socket.emit(
      'class:announce',
      { code: watched!, text },
      act(text.trim() ? 'Announcement sent.' : 'Announcement cleared.'),
    );
  });
  $('clear-announcement').addEventListener('click', () => {
    announceForm.reset();
    socket.emit('class:announce', { code: watched!, text: '' }, act('Announcement cleared.'));
  });

  function showLock(locked: boolean) {
    const lock = $('lock-chat');
    lock.setAttribute('aria-pressed', String(locked));
    lock.textContent = locked ? 'Chat locked (unlock)' : 'Lock the chat';
  }
  $('lock-chat').addEventListener('click', () => {
    const locked = $('lock-chat').getAttribute('aria-pressed') !== 'true';
    socket.emit('class:lock-chat', { code: watched!, locked }, (answer) => {
      act(locked ? 'The chat is locked.' : 'The chat is open again.')(answer);
      // The answer is all the dashboard needs: no need to fetch the whole class again.
      if (answer.ok) showLock(locked);
    });
  });

  const resetForm = $<HTMLFormElement>('reset-form');
  resetForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const lesson = String(new FormData(resetForm).get('lesson'));
    socket.emit(
      'class:reset',
      { code: watched!, lesson },
      act(`The demo of “${titles.get(lesson)}” was reset for this class.`),
    );
  });

  // Ending a class cannot be undone: the button asks for a second click.
  confirmTwice($<HTMLButtonElement>('end-class'), 'Click again to end the class for everyone', () => {
    socket.emit('class:end', { code: watched! }, (answer) => {
      act(`Class ${watched} has ended.`)(answer);
      if (!answer.ok) return;
      watched = null;
      hands.watch(null);
      sessionStorage.removeItem(WATCHED_KEY);
      showClassInAddress(null);
      $('class-panel').hidden = true;
      listClasses();
    });
  });

  $('projector').addEventListener(
    'click',
    () =>
      void $('join-info')
        .requestFullscreen?.()
        .catch(() => {}),
  );
}
