// For pages that load socket.io-client's own dist build: the transport, with its own copy of
// engine.io-client's Transport base (a page that bundles socket.io-client imports transport.ts).
export { inPageTransport } from './transport.ts';
