import type { Socket } from 'socket.io-client';
import type { LessonClient } from '../../components/demo/demo-host.ts';
import { createLogBox, h } from '../../components/demo/dom.ts';
import type { ClientToServerEvents, ServerToClientEvents } from './events.ts';

type ShoutSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

interface ShoutView {
  text: HTMLInputElement;
  shout: HTMLButtonElement;
  answer: HTMLElement;
  heard: (line: string) => void;
}

const shoutClient: LessonClient = {
  slug: 'testing',
  // Two clients from the start, as in the tests: what alice shouts, bob hears.
  names: ['alice', 'bob'],
  mount({ controls, socket, panel }) {
    const heard = createLogBox('Heard', 'inbox');
    const view: ShoutView = {
      text: h('input', {
        type: 'text',
        maxlength: 500,
        autocomplete: 'off',
        value: `hi from ${panel.label()}`,
      }),
      shout: h('button', { type: 'button' }, 'Shout'),
      answer: h('p', { role: 'status', 'aria-label': 'Answer', class: 'shout-answer' }),
      heard: (line) => heard.append(h('li', {}, line)),
    };
    controls.append(
      h(
        'div',
        { class: 'shout-row' },
        h('label', { class: 'field' }, 'Text ', view.text),
        view.shout,
      ),
      view.answer,
      h('h4', { class: 'inbox-title' }, 'Heard'),
      heard.box,
    );
    listen(socket as ShoutSocket, view);
  },
};

// #region client
function listen(socket: ShoutSocket, view: ShoutView) {
  // Others' shouts: this client never gets its own.
  socket.on('shouted', ({ from, text }) => view.heard(`${from}: ${text}`));

  view.shout.addEventListener('click', async () => {
    try {
      const reply = await socket.timeout(3000).emitWithAck('shout', view.text.value);
      view.answer.textContent = reply.ok
        ? `You shouted ${reply.text}`
        : `Refused: ${reply.error}`;
    } catch {
      view.answer.textContent = 'No answer within 3 seconds.';
    }
  });
}
// #endregion

export default shoutClient;
