// Your page: a counter that a button takes down and puts up again, as React does
// to a component in Strict Mode. `io()` connects to this lesson's server.
const socket = io();

const count = page.text('Count: …');
const up = page.button('+1');
const remount = page.button('Remount');

// What a component's effect does: start listening, and hand back how to stop.
function setup() {
  socket.on('number:change', (value) => {
    console.log('heard', value); // one line per listener: a doubled line is a leaked listener
    // 2. Show the count: `value` is the count the server sent.
  });
  // 1. Return a cleanup that takes this listener off again.
  //    socket.off needs the very function that socket.on was given: name it.
}

let cleanup = setup();
remount.addEventListener('click', () => {
  cleanup?.();
  cleanup = setup();
});

// 3. Make +1 send "increment" (the count changes when the server answers).
