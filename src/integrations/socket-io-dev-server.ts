import type { AstroIntegration } from 'astro';
import { createApp } from '../server/app.ts';

/**
 * `astro dev` serves the pages with hot reload; this attaches the same
 * Socket.IO app to its HTTP server, so the demos work on the one dev port
 * just as they do under `npm start`.
 */
export function socketIoDevServer(): AstroIntegration {
  return {
    name: 'socket-workshop:dev-server',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        if (!server.httpServer) {
          logger.warn('No HTTP server (middleware mode): the live demos will not connect.');
          return;
        }
        // Class mode works here too with INSTRUCTOR_TOKEN set (classes then last until the dev server stops).
        const instructorToken = process.env.INSTRUCTOR_TOKEN;
        createApp(server.httpServer as import('node:http').Server, { instructorToken });
        logger.info('Socket.IO attached at /socket.io/');
        if (instructorToken) logger.info(`Instructor: /instructor/#token=${instructorToken}`);
      },
    },
  };
}
