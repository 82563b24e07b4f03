import { h } from './dom.ts';

export const CHAT_LOCKED = 'The instructor has locked the chat';

/**
 * In a class, the instructor's chat lock on one client's controls, shown at
 * once: what a lesson marks `data-lockable` (its send box) is disabled, with
 * a sentence saying why; the server refuses those sends anyway.
 */
export function showChatLock(controls: HTMLElement, locked: boolean) {
  const lockables = [...controls.querySelectorAll<HTMLFieldSetElement | HTMLButtonElement>('[data-lockable]')];
  if (!lockables.length) return;
  for (const element of lockables) element.disabled = locked;
  let notice = controls.querySelector<HTMLElement>('.lock-notice');
  if (!notice) {
    notice = h('p', { class: 'lock-notice', role: 'status', 'aria-label': 'Chat lock' });
    lockables[0]!.before(notice);
  }
  notice.textContent = locked ? CHAT_LOCKED : '';
  notice.hidden = !locked;
}
