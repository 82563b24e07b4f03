import type { Namespace, Server } from 'socket.io';
import { SERVER_PROBLEM } from '../../shared/acks.ts';
import { type InstructorClientEvents, type InstructorServerEvents, instructorEvents } from '../../shared/class-mode.ts';
import { lanAddress } from '../network.ts';
import { type BoundaryHooks, createGuard } from '../plumbing/boundary.ts';
import { callSafely } from '../plumbing/guarded.ts';
import type { AnySocket, WithAcks } from '../plumbing/types.ts';
import type { ClassControl } from './class-control.ts';
import { onGroupEvents } from './group-events.ts';
import { watchRoom } from './roster-feed.ts';
import { tokenChecker } from './token.ts';

/** The addresses of this server that other machines can use, if it listens beyond loopback. */
function networkUrls(io: Server): string[] {
  const address = io.httpServer?.address();
  if (!address || typeof address === 'string') return [];
  const everywhere = address.address === '0.0.0.0' || address.address === '::';
  const host = everywhere ? lanAddress() : address.address;
  return host && host !== '127.0.0.1' && host !== '::1' ? [`http://${host}:${address.port}/`] : [];
}

type InstructorNamespace = Namespace<WithAcks<InstructorClientEvents>, InstructorServerEvents>;

const NO_CLASS = 'There is no open class with that code.';

/**
 * `/instructor`: every action of the dashboard, each one checked here. A
 * connection without the right `auth.token` is refused with `unauthorized`.
 */
export function registerInstructor(io: Server, token: string, control: ClassControl, hooks: BoundaryHooks) {
  const instructors = io.of('/instructor') as unknown as InstructorNamespace;
  const isInstructor = tokenChecker(token);
  // A wrong token costs its address one of its tries: a script cannot go through tokens at speed.
  instructors.use((socket, next) =>
    callSafely(
      async () => {
        const anySocket = socket as unknown as AnySocket;
        const attempt = await hooks.secretTries?.enter(anySocket);
        if (attempt?.barred) return next(new Error(attempt.barred));
        try {
          if (isInstructor(socket.handshake.auth?.token)) return next();
          await hooks.secretTries?.failed(anySocket);
          next(new Error('unauthorized'));
        } finally {
          attempt?.leave();
        }
      },
      () => next(new Error(SERVER_PROBLEM)),
    ),
  );
  if (hooks.admit) instructors.use(hooks.admit);

  const guard = createGuard(instructorEvents, hooks);
  instructors.on('connection', (socket) => {
    guard(socket as unknown as AnySocket);
    const { registry } = control;
    control.help.instructorConnected(socket as unknown as AnySocket, registry);

    socket.on('class:create', async ({ title }, ack) => {
      const live = await registry.create(title || 'Socket Workshop');
      control.logger.info({ code: live.code }, 'class created');
      ack({ ok: true, code: live.code });
    });

    socket.on('class:list', async (ack) => ack({ ok: true, classes: await registry.list() }));

    socket.on('server:info', (ack) => ack({ ok: true, networkUrls: networkUrls(io) }));

    socket.on('class:watch', async ({ code }, ack) => {
      const live = await registry.load(code);
      if (!live) return ack({ ok: false, error: NO_CLASS });
      socket.join(watchRoom(code));
      const [roster, removed, plan] = await Promise.all([
        registry.roster(live),
        registry.removedNames(live),
        registry.store.loadGroups(code),
      ]);
      ack({ ok: true, state: registry.stateOf(live), roster, removed, groups: plan.count });
    });

    socket.on('class:end', async ({ code }, ack) => {
      if (!(await control.end(code, 'The instructor ended the class.'))) return ack({ ok: false, error: NO_CLASS });
      ack({ ok: true });
    });

    socket.on('class:follow', async ({ code, lesson, section }, ack) => {
      const live = await registry.load(code);
      if (!live) return ack({ ok: false, error: NO_CLASS });
      if (lesson && !control.hasLesson(lesson)) return ack({ ok: false, error: `There is no lesson "${lesson}".` });
      await control.steer(live, { follow: lesson ? { lesson, section: section ?? null } : null });
      ack({ ok: true });
    });

    socket.on('class:announce', async ({ code, text }, ack) => {
      const live = await registry.load(code);
      if (!live) return ack({ ok: false, error: NO_CLASS });
      await control.steer(live, { announcement: text ? { id: Date.now(), text } : null });
      ack({ ok: true });
    });

    socket.on('class:lock-chat', async ({ code, locked }, ack) => {
      const live = await registry.load(code);
      if (!live) return ack({ ok: false, error: NO_CLASS });
      await control.steer(live, { chatLocked: locked });
      ack({ ok: true });
    });

    socket.on('class:reset', async ({ code, lesson }, ack) => {
      const live = await registry.load(code);
      if (!live) return ack({ ok: false, error: NO_CLASS });
      if (!control.hasLesson(lesson)) return ack({ ok: false, error: `There is no lesson "${lesson}".` });
      await control.resetLesson(live, lesson);
      ack({ ok: true });
    });

    socket.on('class:remove-student', async ({ code, name }, ack) => {
      const live = await registry.load(code);
      if (!live) return ack({ ok: false, error: NO_CLASS });
      if (!(await control.removeStudent(live, name)))
        return ack({ ok: false, error: `There is no student called ${name} in this class.` });
      ack({ ok: true });
    });

    socket.on('class:readmit', async ({ code, name }, ack) => {
      const live = await registry.load(code);
      if (!live) return ack({ ok: false, error: NO_CLASS });
      if (!(await control.readmitStudent(live, name)))
        return ack({ ok: false, error: `Nobody called ${name} was removed from this class.` });
      ack({ ok: true });
    });

    onGroupEvents(socket, control);
    // Steering: a break on every student's page, and the door closed to newcomers.
    socket.on('class:break', async ({ code, minutes }, ack) => {
      const live = await registry.load(code);
      if (!live) return ack({ ok: false, error: NO_CLASS });
      await control.steer(live, { breakTimer: minutes ? { endsAt: Date.now() + minutes * 60_000, minutes } : null });
      ack({ ok: true, state: registry.stateOf(live) });
    });

    socket.on('class:close-to-newcomers', async ({ code, closed }, ack) => {
      const live = await registry.load(code);
      if (!live) return ack({ ok: false, error: NO_CLASS });
      await control.steer(live, { closedToNewcomers: closed });
      ack({ ok: true, state: registry.stateOf(live) });
    });
  });

  return instructors;
}
