import type { LessonModule } from '../plumbing/types.ts';
import * as acknowledgements from './acknowledgements.ts';
import * as chat from './chat.ts';
import * as emitVsBroadcast from './emit-vs-broadcast.ts';
import * as namespacesAndMiddleware from './namespaces-and-middleware.ts';
import * as reconnection from './reconnection.ts';
import * as rooms from './rooms.ts';
import * as scalingOut from './scaling-out.ts';
import * as socketsIntro from './sockets-intro.ts';

/**
 * Every lesson's server module. Adding a lesson adds a line here; each one
 * gets its namespace `/<slug>` from `createApp`.
 */
export const lessonModules: LessonModule[] = [socketsIntro, emitVsBroadcast, rooms, chat, acknowledgements, namespacesAndMiddleware, reconnection, scalingOut];
