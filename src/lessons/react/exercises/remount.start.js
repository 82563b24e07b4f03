// Your page: a counter that a button takes down and puts up again, as React does
// to a component in Strict Mode. `io()` connects to this lesson's server.
const socket = io();

const count = page.text('Count: …');
const heard = page.text('Changes heard: 0');
const up = page.button('+1');
const remount = page.button('Remount');
let changes = 0;

// What a component's effect does: start listening, and hand back how to stop.
function setup() {
  socket.on('number:change', (value) => {
    count.textContent = `Count: ${value}`;
    heard.textContent = `Changes heard: ${++changes}`;
  });
  // 1. Return a cleanup that takes this listener off again.
  //    socket.off needs the very function that socket.on was given: name it.
}

let cleanup = setup();
remount.addEventListener('click', () => {
  cleanup?.();
  cleanup = setup();
  console.log('listeners:', socket.listeners('number:change').length);
});

// 2. Make +1 send "increment" (the count changes when the server answers).
