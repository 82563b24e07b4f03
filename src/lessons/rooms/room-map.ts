import type { DemoClient } from '../../components/demo/demo-host.ts';
import { h } from '../../components/demo/dom.ts';
import { localIds, renderPeople } from '../../components/demo/people.ts';
import { IO_SERVER_ROOMS, type RoomInfo } from './events.ts';

/**
 * The demo-wide view of `rooms`: every named room with its members, as the
 * server last described it (`IO_SERVER_ROOMS`). Each room is a list named
 * after the room, so it can be found by its name.
 */
export function createRoomMap(element: HTMLElement) {
  const rooms = h('div', { class: 'room-map' });
  const empty = h(
    'p',
    { class: 'room-map-empty' },
    'No rooms yet: join one from a client below.',
  );
  element.append(h('h3', {}, 'Room map'), empty, rooms);
  const tracked: DemoClient[] = [];
  const idPrefix = `room-${crypto.randomUUID()}`;
  let map: RoomInfo[] = [];

  function render() {
    const local = localIds(tracked);
    empty.hidden = map.length > 0;
    rooms.replaceChildren(
      ...map.map(({ room, members }, index) => {
        const headingId = `${idPrefix}-${index}`;
        const list = h('ul', { class: 'people', 'aria-labelledby': headingId });
        renderPeople(list, members, local);
        return h('section', { class: 'room' }, h('h4', { id: headingId }, room), list);
      }),
    );
  }

  return {
    track(client: DemoClient) {
      tracked.push(client);
      client.socket.on(IO_SERVER_ROOMS, (next: RoomInfo[]) => {
        map = next;
        render();
      });
      client.socket.on('disconnect', render);
    },
  };
}

export type RoomMap = ReturnType<typeof createRoomMap>;
