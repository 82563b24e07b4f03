import type { LessonModule } from '../server/plumbing/types.ts';
import * as acknowledgements from './acknowledgements/server.ts';
import * as chat from './chat/server.ts';
import * as debugging from './debugging/server.ts';
import * as delivery from './delivery/server.ts';
import * as emitVsBroadcast from './emit-vs-broadcast/server.ts';
import * as firstApp from './first-app/server.ts';
import * as namespacesAndMiddleware from './namespaces-and-middleware/server.ts';
import * as react from './react/server.ts';
import * as reconnection from './reconnection/server.ts';
import * as rooms from './rooms/server.ts';
import * as scalingOut from './scaling-out/server.ts';
import * as socketsIntro from './sockets-intro/server.ts';
import * as testing from './testing/server.ts';
import * as typescript from './typescript/server.ts';
import * as whatYouCanSend from './what-you-can-send/server.ts';

/**
 * Every lesson's server module. Adding a lesson adds a line here; each one
 * gets its namespace `/<slug>` from `createApp`.
 */
export const lessonModules: LessonModule[] = [
  socketsIntro,
  emitVsBroadcast,
  rooms,
  chat,
  acknowledgements,
  namespacesAndMiddleware,
  reconnection,
  delivery,
  scalingOut,
  firstApp,
  testing,
  react,
  typescript,
  whatYouCanSend,
  debugging,
];
