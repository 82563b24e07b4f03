// Your page: a vote in the poll. Type errors are underlined as you type, and listed below.
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from './events';

// 1. Type the socket: Socket<ServerToClientEvents, ClientToServerEvents> (on the client, what
//    it hears comes first). Then `socket.emit('poll:vote', …)` knows its arguments.
const socket = io();

const vote = page.button('Vote spaces');
const said = page.text('Not voted yet.');
const tally = page.text();

vote.addEventListener('click', () => {
  // 2. Emit "poll:vote" with 'spaces' and a callback (reply) => …, and show
  //    reply.choice, or reply.error when reply.ok is false. Try 'space' first.
});

// 3. Show each "poll:tally" the server sends, { tabs, spaces }, in `tally`.
