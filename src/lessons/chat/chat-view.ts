import { createLogBox, h } from '../../components/demo/dom.ts';
import type { ChatMessage, ChatUser } from './events.ts';

const time = (at: number) =>
  new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** Names as a sentence: "Ada", "Ada and Bo", "Ada, Bo and Cy". */
function listNames(names: string[]) {
  return names.length < 2
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * The chat UI of one client: a join form, the messages (a `log` named
 * "Messages"), who is typing, the online list and a composer. All user text
 * goes in as text nodes, never as HTML.
 */
export function createChatView(controls: HTMLFieldSetElement, suggestedName: string) {
  const name = h('input', {
    type: 'text',
    maxlength: 24,
    autocomplete: 'off',
    value: suggestedName,
    required: true,
  });
  const room = h('input', {
    type: 'text',
    maxlength: 32,
    autocomplete: 'off',
    value: 'lobby',
    required: true,
  });
  const joinButton = h('button', { type: 'submit' }, 'Join');
  const joinForm = h(
    'form',
    { class: 'chat-join' },
    h('label', {}, 'Name ', name),
    h('label', {}, 'Room ', room),
    joinButton,
  );
  const where = h('p', { class: 'chat-where' }, 'Pick a name and a room, then join.');

  const messages = createLogBox('Messages', 'messages');
  const onlineId = `online-${crypto.randomUUID()}`;
  const online = h('ul', { class: 'online', 'aria-labelledby': onlineId });
  const typingLine = h('p', {
    class: 'typing',
    role: 'status',
    'aria-label': 'Typing',
  });

  const to = h('select', {}, h('option', { value: '' }, 'Everyone in the room'));
  const text = h('input', {
    type: 'text',
    maxlength: 500,
    autocomplete: 'off',
    placeholder: 'Write a message',
  });
  const sendButton = h('button', { type: 'submit' }, 'Send');
  const error = h('p', { class: 'field-error', role: 'alert' });
  const composerFields = h(
    'fieldset',
    { class: 'composer-fields', disabled: true },
    h('legend', { class: 'visually-hidden' }, 'Write a message'),
    h('label', { class: 'inline' }, 'To ', to),
    h(
      'label',
      { class: 'inline grow' },
      h('span', { class: 'visually-hidden' }, 'Message'),
      text,
    ),
    sendButton,
  );
  // `data-lockable`: in a class, the page disables it while the instructor locks the chat.
  const composer = h(
    'form',
    { class: 'composer' },
    h('fieldset', { class: 'lockable', 'data-lockable': true }, composerFields),
  );

  controls.classList.add('chat');
  controls.append(
    joinForm,
    where,
    h(
      'div',
      { class: 'chat-main' },
      messages.box,
      h('aside', { class: 'chat-side' }, h('h4', { id: onlineId }, 'Online'), online),
    ),
    typingLine,
    composer,
    error,
  );

  const typists = new Set<string>();
  let me = '';

  function messageLine(message: ChatMessage, own: boolean) {
    if ('system' in message) {
      return h(
        'li',
        { class: 'system', 'data-id': message.id },
        message.text,
        ' ',
        h('time', {}, time(message.at)),
      );
    }
    const label = message.private
      ? own
        ? `You to ${message.to} (private)`
        : `${message.user} to you (private)`
      : message.user;
    return h(
      'li',
      {
        class: `msg${own ? ' own' : ''}${message.private ? ' private' : ''}`,
        'data-id': message.id,
      },
      h('strong', {}, label),
      ' ',
      h('span', { class: 'text' }, message.text),
      ' ',
      h('time', {}, time(message.at)),
    );
  }

  /** Messages stay in id order (the server's order), whatever order they arrive in; unsent ones stay last. */
  function place(line: HTMLElement, id: number) {
    const later = [...messages.list.querySelectorAll<HTMLElement>('[data-id]')].find(
      (li) => li !== line && Number(li.dataset.id) > id,
    );
    messages.append(line, later ?? messages.list.querySelector('.unsent'));
  }

  return {
    joinForm,
    composer,
    text,
    to,
    joinName: () => name.value,
    joinRoom: () => room.value,
    showError(message: string) {
      error.textContent = message;
    },
    /** After a join: the room's history replaces what was shown, and the composer opens. */
    joined(user: string, roomName: string, history: ChatMessage[]) {
      me = user;
      error.textContent = '';
      where.textContent = `You are ${user} in ${roomName}.`;
      joinButton.textContent = 'Move';
      typists.clear();
      typingLine.textContent = '';
      messages.replace(
        ...history.map((m) =>
          messageLine(m, 'user' in m && m.user === me && !m.private),
        ),
        h('li', { class: 'system' }, `You joined ${roomName}.`),
      );
      composerFields.disabled = false;
    },
    /** A message from the server; one it already shows (a replay, a history overlap) is left as it is. */
    addMessage(message: ChatMessage) {
      if (messages.list.querySelector(`[data-id="${message.id}"]`)) return;
      place(messageLine(message, 'user' in message && message.user === me), message.id);
      // Whoever sent a message has stopped typing it (in case their "stopped" was dropped).
      if ('user' in message) this.showTyping(message.user, false);
    },
    /**
     * The connection dropped: a message still waiting for its receipt may or may not have
     * reached the server (the history of the next join tells), and nobody is typing any more.
     */
    connectionLost() {
      for (const receipt of messages.list.querySelectorAll('.unsent .receipt'))
        receipt.textContent = 'not confirmed';
      typists.clear();
      typingLine.textContent = '';
    },
    /** Your own message, shown at once and marked when the server's ack (the receipt) comes. */
    addOwnMessage(message: string) {
      const receipt = h('span', { class: 'receipt pending' }, 'sending…');
      const line = h(
        'li',
        { class: 'msg own unsent' },
        h('strong', {}, me),
        ' ',
        h('span', { class: 'text' }, message),
        ' ',
        receipt,
      );
      messages.append(line);
      return {
        delivered(id: number, at: number) {
          line.dataset.id = String(id);
          line.classList.remove('unsent');
          place(line, id);
          receipt.replaceWith(
            h('time', {}, time(at)),
            ' ',
            h(
              'span',
              { class: 'receipt', 'aria-label': 'delivered', title: 'Delivered' },
              '✓',
            ),
          );
        },
        failed() {
          line.remove();
        },
      };
    },
    /** Marks an already shown message (your private one, echoed by the server) as delivered. */
    markDelivered(id: number) {
      const line = messages.list.querySelector(`[data-id="${id}"]`);
      line?.append(
        ' ',
        h(
          'span',
          { class: 'receipt', 'aria-label': 'delivered', title: 'Delivered' },
          '✓',
        ),
      );
    },
    showOnline(users: ChatUser[], myId: string | undefined) {
      online.replaceChildren(
        ...users.map((u) => h('li', {}, u.name, u.id === myId ? ' (you)' : '')),
      );
      const chosen = to.value;
      const chosenName = to.selectedOptions[0]?.dataset.name;
      const others = users.filter((u) => u.id !== myId);
      // Back under a new id (a reconnection): the same person, still chosen.
      const still =
        others.find((u) => u.id === chosen) ??
        others.find((u) => chosen && u.name === chosenName);
      const options = others.map((u) =>
        h('option', { value: u.id, 'data-name': u.name }, `${u.name} (private)`),
      );
      // Gone from the room: kept, and said so, rather than falling back to the whole room
      // (a private line must never go to everyone); sending to it gets the server's refusal.
      if (chosen && !still)
        options.push(
          h(
            'option',
            { value: chosen, 'data-name': chosenName ?? '' },
            `${chosenName} (left the room)`,
          ),
        );
      to.replaceChildren(
        h('option', { value: '' }, 'Everyone in the room'),
        ...options,
      );
      to.value = still?.id ?? chosen;
    },
    showTyping(user: string, typing: boolean) {
      if (typing) typists.add(user);
      else typists.delete(user);
      const names = [...typists];
      typingLine.textContent = names.length
        ? `${listNames(names)} ${names.length === 1 ? 'is' : 'are'} typing...`
        : '';
    },
  };
}

export type ChatView = ReturnType<typeof createChatView>;
