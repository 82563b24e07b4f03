// Your page: a name and a room to join, a message to send, who is typing, and the messages.
const socket = io();

const name = page.input('Name', 'Coder');
const room = page.input('Room', 'lobby');
const join = page.button('Join');
const text = page.input('Message');
const send = page.button('Send');
const typing = page.text();
const messages = page.list('Messages');

// 1. Join: "join" with { name, room }. The acknowledgement is { ok: true, history }
//    (the room's latest messages: show them) or { ok: false, error }.

// 2. Send: "sendMessage" with the text, then empty the box. The server passes it to the
//    others, not back to you: its acknowledgement ({ ok, id }) is your cue to show it.

// 3. Show each "message" (messages.add(…)): { user, text } from a person,
//    or { system: true, text } when someone comes or goes.

// 4. While you type, tell the room: "typing" with true as you type, false once sent,
//    with socket.volatile.emit (a stale "typing" is worse than none).
//    Show the others' "typing" ({ user, typing }) in `typing`, as "Ada is typing…".
