// Stands in for a Node built-in or a package that the Socket.IO server imports but never
// calls when it has no HTTP server (engine.io, ws, http, fs, zlib, ...). Only the build uses it.
export {};
