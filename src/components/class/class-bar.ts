import type { ClassState } from '../../shared/class-mode.ts';
import { byData } from '../demo/dom.ts';
import { addProgress, PROGRESS_CHANGE, readProgress } from '../site/progress.ts';
import { createBreakTimer } from './break-timer.ts';
import { followGroup } from './class-groups.ts';
import {
  anotherDeviceLink,
  connectToClass,
  currentClass,
  explainRefusal,
  forgetClass,
  type StudentSocket,
  saveClass,
} from './class-session.ts';
import { publishClassReset, publishClassState } from './class-signals.ts';
import { startRaiseHand } from './raise-hand.ts';
import { shareExerciseCode } from './share-code.ts';
import { lessonOfPage, watchWhereabouts } from './whereabouts.ts';

const FOLLOW_KEY = 'socket-workshop:follow';
const DISMISSED_KEY = 'socket-workshop:dismissed-announcement';
/** The page's own title, before any announcement was put in front of it. */
const pageTitle = document.title;

/** An announcement shows in the tab's title too: a student in another tab sees it there. */
function showInTitle(text: string | undefined) {
  document.title = text ? `📣 ${text.slice(0, 60)} · ${pageTitle}` : pageTitle;
}

/**
 * The class bar on every page of a student in a class: the class and the
 * student's name, "Leave class", the instructor's announcement, and
 * follow-me. It also tells the class which lesson and section this page
 * shows, for the instructor's roster.
 */
export function startClassBar(root: HTMLElement) {
  const session = currentClass();
  if (!session) return;
  const $ = byData(root);
  const bar = $('class-bar');
  const follow = $<HTMLButtonElement>('follow');
  const announcement = $('announcement');
  const notice = $('class-notice');

  bar.hidden = false;
  $('bar-code').textContent = session.code;
  $('bar-name').textContent = session.name;
  $('bar-title').textContent = session.title;
  const deviceLink = $<HTMLInputElement>('device-link');
  deviceLink.value = anotherDeviceLink(session);
  deviceLink.addEventListener('focus', () => deviceLink.select());

  const socket: StudentSocket = connectToClass(session.code, session.name, session.key);
  let state: ClassState | undefined;
  let following = sessionStorage.getItem(FOLLOW_KEY) !== 'off';

  function stop(message: string) {
    forgetClass();
    socket.disconnect();
    bar.hidden = true;
    announcement.hidden = true;
    $('class-notice-text').textContent = message;
    notice.hidden = false;
  }

  function showFollow() {
    follow.hidden = !state?.follow;
    follow.setAttribute('aria-pressed', String(following));
    follow.textContent = following ? 'Following the instructor' : 'Follow the instructor';
  }

  /** Goes where the instructor is, unless the student stepped out. */
  function goToInstructor() {
    const target = state?.follow;
    if (!target || !following) return;
    if (lessonOfPage() !== target.lesson) {
      location.assign(`/lessons/${target.lesson}/${target.section ? `#${target.section}` : ''}`);
    } else if (target.section) {
      document.getElementById(target.section)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    }
  }

  socket.on('class:state', (next) => {
    const moved = JSON.stringify(next.follow) !== JSON.stringify(state?.follow);
    state = next;
    $('bar-title').textContent = next.title;
    saveClass({ ...session, title: next.title });
    const text = next.announcement?.text;
    const dismissed = sessionStorage.getItem(DISMISSED_KEY) === String(next.announcement?.id);
    $('announcement-text').textContent = text ?? '';
    announcement.hidden = !text || dismissed;
    showInTitle(announcement.hidden ? undefined : text);
    showFollow();
    if (moved) goToInstructor();
  });
  // Steering the whole page: a break in the bar; the chat lock and a reset, for the lesson's demo.
  const breakTimer = createBreakTimer($('break-timer'), $('break-aloud'));
  socket.on('class:state', (next) => {
    breakTimer.show(next.breakTimer ?? null, next.sentAt ?? Date.now());
    publishClassState(next);
  });
  socket.on('class:reset', ({ lesson }) => publishClassReset(lesson));
  socket.on('class:ended', ({ reason }) => stop(reason));
  socket.on('class:removed', ({ reason }) => stop(reason));
  socket.on('connect_error', (error) => {
    if (error.message === 'unknown class' || error.message === 'removed from class')
      stop(explainRefusal(error.message));
  });

  follow.addEventListener('click', () => {
    following = !following;
    sessionStorage.setItem(FOLLOW_KEY, following ? 'on' : 'off');
    showFollow();
    goToInstructor();
  });
  $('dismiss-announcement').addEventListener('click', () => {
    sessionStorage.setItem(DISMISSED_KEY, String(state?.announcement?.id));
    announcement.hidden = true;
    showInTitle(undefined);
  });
  $('leave-class').addEventListener('click', () => {
    forgetClass();
    socket.disconnect();
    location.reload();
  });
  $('continue-alone').addEventListener('click', () => location.reload());

  reportWhereabouts(socket);
  reportProgress(socket);
  followGroup(socket, $('bar-group'));
  // Help: the student's hand, and their exercises' code for the instructor to read.
  startRaiseHand(root, socket);
  shareExerciseCode(socket);
}

/**
 * Tells the class the steps this student has done (the instructor's roster
 * shows them), and takes what the class kept: ticks from another device, or
 * from another window of this browser, are never lost.
 */
function reportProgress(socket: StudentSocket) {
  const report = () => socket.connected && socket.emit('student:progress', { progress: readProgress() });
  socket.on('connect', report);
  socket.on('student:progress', ({ progress }) => addProgress(progress));
  document.addEventListener(PROGRESS_CHANGE, report);
  addEventListener('storage', report); // another window of this browser ticked a step
}

/** Tells the class which lesson and section this page shows, when it changes (for the roster). */
function reportWhereabouts(socket: StudentSocket) {
  const where = watchWhereabouts((now) => socket.connected && socket.emit('student:where', now));
  socket.on('connect', () => socket.emit('student:where', where()));
}
