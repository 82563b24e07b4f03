import type { AckResponse } from '../../shared/acks.ts';
import type { RosterEntry } from '../../shared/class-mode.ts';
import { byData, h } from '../demo/dom.ts';
import type { InstructorSocket } from './instructor-socket.ts';

/** What a roster row shows of a student's group (the roster's render hook): " · group 2", or nothing. */
export const groupLabel = (entry: RosterEntry) => (entry.group ? ` · group ${entry.group}` : '');

/** Names shown per group before "and N more": a group of a big class stays one card. */
const NAMES_SHOWN = 12;

/**
 * The dashboard's groups block (Groups.astro): split the watched class into groups, by number
 * or by size; each group's students, live from the roster; move one; ungroup.
 */
export function createGroupsView(
  root: HTMLElement,
  socket: InstructorSocket,
  watched: () => string | null,
  act: (done: string) => (answer: AckResponse) => void,
) {
  const $ = byData(root);
  const entries = new Map<string, RosterEntry>();
  let count = 0;

  function render() {
    const groups = Array.from({ length: count }, () => [] as string[]);
    for (const entry of entries.values())
      if (entry.group && entry.group <= count) groups[entry.group - 1]!.push(entry.name);
    $('groups-summary').textContent = count
      ? `${count} groups: each has its own demos.`
      : 'Not split: every demo is shared by the whole class.';
    $('group-list').replaceChildren(
      ...groups.map((names, i) => {
        names.sort((a, b) => a.localeCompare(b));
        const more = names.length > NAMES_SHOWN ? ` and ${names.length - NAMES_SHOWN} more` : '';
        const shown = names.slice(0, NAMES_SHOWN).join(', ') || 'nobody yet';
        return h('li', {}, h('strong', {}, `Group ${i + 1}`), ` (${names.length}): ${shown}${more}`);
      }),
    );
    $('ungroup').hidden = count === 0;
    const move = $<HTMLFormElement>('move-form');
    move.hidden = count === 0 || entries.size === 0;
    const name = $<HTMLSelectElement>('move-name');
    const picked = name.value;
    name.replaceChildren(...[...entries.keys()].sort((a, b) => a.localeCompare(b)).map((n) => h('option', {}, n)));
    if (entries.has(picked)) name.value = picked;
    const group = $<HTMLSelectElement>('move-group');
    if (group.options.length !== count)
      group.replaceChildren(
        ...Array.from({ length: count }, (_, i) => h('option', { value: i + 1 }, `Group ${i + 1}`)),
      );
  }

  $<HTMLFormElement>('split-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const size = Number(form.get('size') || 0);
    const how = size ? { size } : { groups: Number(form.get('groups')) };
    socket.emit('class:split', { code: watched()!, ...how }, (answer) => {
      if (answer.ok) count = answer.groups;
      act(answer.ok ? `The class is split into ${answer.groups} groups.` : '')(answer);
      render();
    });
  });
  $('ungroup').addEventListener('click', () =>
    socket.emit('class:ungroup', { code: watched()! }, (answer) => {
      if (answer.ok) count = 0;
      act('The class is one group again.')(answer);
      render();
    }),
  );
  $<HTMLFormElement>('move-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const name = String(form.get('name'));
    const group = Number(form.get('group'));
    socket.emit('class:move-student', { code: watched()!, name, group }, act(`${name} is in group ${group} now.`));
  });

  return {
    reset(roster: RosterEntry[], groups: number) {
      entries.clear();
      count = groups;
      this.apply(roster, []);
    },
    apply(changed: RosterEntry[], removed: string[]) {
      for (const name of removed) entries.delete(name);
      for (const entry of changed) entries.set(entry.name, entry);
      render();
    },
  };
}
