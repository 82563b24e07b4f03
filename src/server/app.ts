import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { lessonNamespace } from '../shared/contract.ts';
import { lessonModules } from './lessons/index.ts';
import { mountLesson } from './plumbing/mount.ts';
import type { InterServerEvents, SocketData } from './plumbing/types.ts';
import { staticSite } from './static-files.ts';

export interface AppOptions {
  /** Serve the built site from this folder (production); leave unset under `astro dev`. */
  staticDir?: string;
  /** Where the server reports its own faults. Defaults to `console.error`. */
  logError?: (message: string, error?: unknown) => void;
}

export interface App {
  io: Server<Record<string, any>, Record<string, any>, InterServerEvents, SocketData>;
  /** Disconnects every client and closes the HTTP server. */
  close: () => Promise<void>;
}

/**
 * Builds the whole companion server on an HTTP server that the caller owns
 * and listens with: the static site (optional) and one namespace per lesson.
 * Everything lives in this call's closures, so two apps share nothing.
 */
export function createApp(httpServer: HttpServer, options: AppOptions = {}): App {
  const logError = options.logError ?? ((message, error) => console.error(message, error ?? ''));

  // Before Socket.IO attaches: it then routes `/socket.io/` to itself and the rest here.
  if (options.staticDir) httpServer.on('request', staticSite(options.staticDir));

  const io = new Server<Record<string, any>, Record<string, any>, InterServerEvents, SocketData>(httpServer, {
    // Under `astro dev`, Vite's own WebSocket shares the server: leave its upgrades alone.
    destroyUpgrade: false,
  });

  for (const lesson of lessonModules) {
    mountLesson(io.of(lessonNamespace(lesson.contract.slug)), lesson, {
      onHandlerError: (error, event) => logError(`[${lesson.contract.slug}] "${event}" failed:`, error),
    });
  }

  return {
    io,
    close: () =>
      new Promise((resolve) => {
        io.close(() => resolve());
        // Keep-alive page requests would otherwise hold the HTTP server open.
        httpServer.closeAllConnections();
      }),
  };
}
