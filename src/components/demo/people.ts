import { h } from './dom.ts';

export interface Person {
  id: string;
  name: string;
}

/**
 * Fills a list with clients by name, marking those that are not on this page
 * (another window, another student), so a reader sees who is who.
 */
export function renderPeople(list: HTMLElement, people: Person[], local: ReadonlySet<string>) {
  list.replaceChildren(
    ...people.map((person) =>
      h(
        'li',
        { class: local.has(person.id) ? 'person local' : 'person remote' },
        person.name,
        local.has(person.id) ? null : h('span', { class: 'elsewhere' }, ' (another window)'),
      ),
    ),
  );
}

/** The socket ids of the clients on this page that are connected now. */
export function localIds(clients: { socket: { id?: string; connected: boolean } }[]): Set<string> {
  return new Set(clients.filter((c) => c.socket.connected && c.socket.id).map((c) => c.socket.id!));
}
