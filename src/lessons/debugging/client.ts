import type { Socket } from 'socket.io-client';
import type { LessonClient } from '../../components/demo/demo-host.ts';
import { createLogBox, h } from '../../components/demo/dom.ts';
import type { ClientToServerEvents, ServerToClientEvents } from './contract.ts';

type NoteSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const noteClient: LessonClient = {
  slug: 'debugging',
  // Two clients from the start: what one sends, the other receives.
  names: ['Ada', 'Bo'],
  mount({ controls, socket, panel }) {
    const text = h('input', {
      type: 'text',
      maxlength: 500,
      autocomplete: 'off',
      value: `Hi from ${panel.label()}`,
    });
    const send = h('button', { type: 'button' }, 'Send');
    const inbox = createLogBox('Notes', 'inbox');
    controls.append(
      h('label', { class: 'field' }, 'Note ', text),
      send,
      h('h4', { class: 'inbox-title' }, 'Notes'),
      inbox.box,
    );
    listen(socket, { text, send, show: (line) => inbox.append(h('li', {}, line)) });
  },
};

interface NoteView {
  text: HTMLInputElement;
  send: HTMLButtonElement;
  show: (line: string) => void;
}

// #region client
function listen(socket: NoteSocket, view: NoteView) {
  socket.on('note:new', ({ from, text }) => view.show(`${from}: ${text}`));
  view.send.addEventListener('click', () =>
    socket.emit('note:send', { text: view.text.value }),
  );
}
// #endregion

export default noteClient;
