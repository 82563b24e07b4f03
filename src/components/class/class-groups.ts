import { currentClass, currentGroup, type StudentSocket, saveGroup } from './class-session.ts';

/** Said on `document` when the student's group changes (`detail.group`, null: none): the demos reconnect there. */
export const GROUP_CHANGED = 'socket-workshop:group-changed';

/**
 * Follows the student's group as their class page hears it (on joining, and when the
 * instructor splits the class, moves them or ungroups it): shown in the class bar, kept for
 * the next page, and said on `document` so that this page's demos start again in it.
 */
export function followGroup(socket: StudentSocket, shown: HTMLElement) {
  socket.on('class:group', ({ group }) => {
    const session = currentClass();
    if (!session) return;
    shown.hidden = group === null;
    shown.textContent = group === null ? '' : ` · group ${group}`;
    if (currentGroup(session.code) === group) return;
    saveGroup(session.code, group);
    document.dispatchEvent(new CustomEvent(GROUP_CHANGED, { detail: { group } }));
  });
}
