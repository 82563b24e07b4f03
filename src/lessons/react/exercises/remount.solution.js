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
  function onChange(value) {
    count.textContent = `Count: ${value}`;
    heard.textContent = `Changes heard: ${++changes}`;
  }
  socket.on('number:change', onChange);
  // 1. The cleanup takes off this one listener, and no other.
  return () => socket.off('number:change', onChange);
}

let cleanup = setup();
remount.addEventListener('click', () => {
  cleanup?.();
  cleanup = setup();
  console.log('listeners:', socket.listeners('number:change').length);
});

// 2. +1 only asks; the count changes when the server answers.
up.addEventListener('click', () => socket.emit('increment'));
