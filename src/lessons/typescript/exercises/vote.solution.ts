import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from './events';

const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io();

const vote = page.button('Vote spaces');
const said = page.text('Not voted yet.');
const tally = page.text();

vote.addEventListener('click', () => {
  socket.emit('poll:vote', 'spaces', (reply) => {
    said.textContent = reply.ok
      ? `You vote ${reply.choice}.`
      : `Refused: ${reply.error}`;
  });
});

socket.on('poll:tally', ({ tabs, spaces }) => {
  tally.textContent = `Tabs ${tabs}, spaces ${spaces}`;
});
