import type { DemoClient } from '../../components/demo/demo-host.ts';
import { h } from '../../components/demo/dom.ts';
import { localIds, renderPeople } from '../../components/demo/people.ts';
import { shortClientName } from '../../shared/namespaces.ts';
import type { Client, Message, MessageKind } from './events.ts';

const HOW: Record<MessageKind, string> = {
  self: 'socket.emit (back to the sender)',
  all: 'io.emit (everyone)',
  others: 'socket.broadcast.emit (everyone but the sender)',
  direct: 'io.to(id).emit (one client)',
};

/** One message and who got it: seen by this page, or (for other windows) implied by how it was sent. */
interface FanOut {
  from: Client;
  kind: MessageKind;
  text: string;
  to?: string;
  seenBy: Set<string>;
  at: number;
}

/** Receipts of one send arrive within moments of each other. */
const SAME_SEND_MS = 1500;
const SVG = 'http://www.w3.org/2000/svg';

function svg(tag: string, attrs: Record<string, string | number>, text?: string) {
  const element = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs))
    element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/**
 * The demo-wide view of `emit-vs-broadcast`: who is connected, and for the
 * last message, an arrow from its sender to every client that received it.
 */
export function createFanOut(element: HTMLElement) {
  const drawing = svg('svg', {
    viewBox: '0 0 400 270',
    role: 'img',
    class: 'fanout-drawing',
  }) as SVGSVGElement;
  const caption = h(
    'p',
    { role: 'status', 'aria-label': 'Fan-out', class: 'fanout-caption' },
    'Send a message to see who receives it.',
  );
  const people = h('ul', { class: 'people', 'aria-label': 'Connected clients' });
  element.append(
    h('figure', { class: 'fanout' }, drawing, h('figcaption', {}, caption)),
    h('div', { class: 'connected' }, h('h3', {}, 'Connected clients'), people),
  );

  const tracked: DemoClient[] = [];
  let clients: Client[] = [];
  let last: FanOut | undefined;

  function current(from: Client, kind: MessageKind, text: string) {
    const fresh =
      !last ||
      last.from.id !== from.id ||
      last.kind !== kind ||
      last.text !== text ||
      Date.now() - last.at > SAME_SEND_MS;
    if (fresh) last = { from, kind, text, seenBy: new Set(), at: Date.now() };
    return last!;
  }

  /** Who received `message`: those on this page that saw it, plus the others its kind reaches. */
  function receivers(message: FanOut, local: Set<string>) {
    const reached = (id: string) => {
      if (local.has(id)) return message.seenBy.has(id);
      if (message.kind === 'self') return id === message.from.id;
      if (message.kind === 'direct') return id === message.to;
      return message.kind === 'all' || id !== message.from.id;
    };
    return clients.filter((c) => reached(c.id));
  }

  function render() {
    const local = localIds(tracked);
    renderPeople(people, clients, local);
    drawing.replaceChildren(svg('defs', {}));
    drawing.firstChild!.appendChild(arrowHead());
    const n = Math.max(clients.length, 1);
    const at = new Map(
      clients.map((c, i) => {
        const angle = (2 * Math.PI * i) / n - Math.PI / 2;
        return [
          c.id,
          { x: 200 + 150 * Math.cos(angle), y: 150 + 90 * Math.sin(angle) },
        ];
      }),
    );
    const got = last ? receivers(last, local) : [];
    if (last) {
      const from = at.get(last.from.id);
      for (const receiver of got) {
        const to = at.get(receiver.id);
        if (!from || !to) continue;
        drawing.append(arrow(from, to, !local.has(receiver.id)));
      }
    }
    clients.forEach((c) => {
      const p = at.get(c.id)!;
      const role =
        last?.from.id === c.id
          ? 'sender'
          : got.some((r) => r.id === c.id)
            ? 'receiver'
            : 'idle';
      drawing.append(
        svg('circle', {
          cx: p.x,
          cy: p.y,
          r: 20,
          class: `node ${role} ${local.has(c.id) ? '' : 'remote'}`,
        }),
        svg(
          'text',
          { x: p.x, y: p.y + 4, 'text-anchor': 'middle', class: 'node-label' },
          shortClientName(c.name),
        ),
      );
    });
    const summary = last
      ? whoReceived(last, got, local)
      : 'Send a message to see who receives it.';
    caption.textContent = summary;
    drawing.setAttribute('aria-label', summary);
  }

  return {
    /** Called for each in-page client: the stage follows its list and its inbox. */
    track(client: DemoClient) {
      tracked.push(client);
      client.socket.on('clients', (list: Client[]) => {
        clients = list;
        render();
      });
      client.socket.on('message', (message: Message) => {
        current(message.from, message.kind, message.text).seenBy.add(client.socket.id!);
        render();
      });
      client.socket.on('disconnect', render);
    },
    /** An in-page client's send was accepted: draw it even if nobody here receives it. */
    sent(from: Client, kind: MessageKind, text: string, to?: string) {
      const message = current(from, kind, text);
      message.to = to ?? message.to;
      render();
    },
  };
}

export type FanOutStage = ReturnType<typeof createFanOut>;

function whoReceived(message: FanOut, got: Client[], local: Set<string>): string {
  const names = (list: Client[]) =>
    list.length === 0
      ? 'nobody'
      : list.length === 1
        ? list[0]!.name
        : `${list
            .slice(0, -1)
            .map((c) => c.name)
            .join(', ')} and ${list.at(-1)!.name}`;
  const here = got.filter((c) => local.has(c.id));
  const elsewhere = got.filter((c) => !local.has(c.id));
  const received = elsewhere.length
    ? `${names(here)} received it here, and ${names(elsewhere)} in another window`
    : `${names(here)} received it`;
  return `${message.from.name} sent "${message.text}" with ${HOW[message.kind]}: ${received}.`;
}

function arrowHead() {
  const marker = svg('marker', {
    id: 'fanout-head',
    viewBox: '0 0 10 10',
    refX: 9,
    refY: 5,
    markerWidth: 7,
    markerHeight: 7,
    orient: 'auto-start-reverse',
  });
  marker.append(svg('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrow-head' }));
  return marker;
}

function arrow(
  from: { x: number; y: number },
  to: { x: number; y: number },
  inferred: boolean,
) {
  const attrs = {
    class: `arrow ${inferred ? 'inferred' : ''}`,
    'marker-end': 'url(#fanout-head)',
  };
  if (from === to) {
    // Back to the sender: a loop above its node.
    const { x, y } = from;
    return svg('path', {
      ...attrs,
      d: `M${x - 12},${y - 16} C${x - 40},${y - 70} ${x + 40},${y - 70} ${x + 12},${y - 17}`,
    });
  }
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy);
  const [ux, uy] = [dx / length, dy / length];
  return svg('line', {
    ...attrs,
    x1: from.x + ux * 22,
    y1: from.y + uy * 22,
    x2: to.x - ux * 24,
    y2: to.y - uy * 24,
  });
}
