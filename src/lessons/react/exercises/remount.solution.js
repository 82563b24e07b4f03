// Your page: a counter that a button takes down and puts up again, as React does
// to a component in Strict Mode. `io()` connects to this lesson's server.
const socket = io();

const count = page.text('Count: …');
const up = page.button('+1');
const remount = page.button('Remount');

// What a component's effect does: start listening, and hand back how to stop.
function setup() {
  function onChange(value) {
    console.log('heard', value); // one line per listener: a doubled line is a leaked listener
    // 2. The count the server sent.
    count.textContent = `Count: ${value}`;
  }
  socket.on('number:change', onChange);
  // 1. The cleanup takes off this one listener, and no other.
  return () => socket.off('number:change', onChange);
}

let cleanup = setup();
remount.addEventListener('click', () => {
  cleanup?.();
  cleanup = setup();
});

// 3. +1 only asks; the count changes when the server answers.
up.addEventListener('click', () => socket.emit('increment'));
