// The browser bundle of the real socket.io server, and the in-page engine it binds to.
export { Server } from 'socket.io';
export { InPageEngine } from './engine.ts';
