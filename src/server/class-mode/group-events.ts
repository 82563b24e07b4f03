import type { Socket } from 'socket.io';
import type { InstructorClientEvents, InstructorServerEvents } from '../../shared/class-mode.ts';
import type { WithAcks } from '../plumbing/types.ts';
import type { ClassControl } from './class-control.ts';

const NO_CLASS = 'There is no open class with that code.';

type InstructorSocket = Socket<WithAcks<InstructorClientEvents>, InstructorServerEvents>;

/** The dashboard's group actions on `/instructor` (each checked by the guard against `instructorEvents` first). */
export function onGroupEvents(socket: InstructorSocket, control: ClassControl) {
  const { registry, groups } = control;

  socket.on('class:split', async ({ code, groups: count, size }, ack) => {
    const live = await registry.load(code);
    if (!live) return ack({ ok: false, error: NO_CLASS });
    const plan = await groups.split(live, { groups: count, size });
    control.logger.info({ code, groups: plan.count }, 'class split into groups');
    ack({ ok: true, groups: plan.count });
  });

  socket.on('class:ungroup', async ({ code }, ack) => {
    const live = await registry.load(code);
    if (!live) return ack({ ok: false, error: NO_CLASS });
    await groups.ungroup(live);
    ack({ ok: true });
  });

  socket.on('class:move-student', async ({ code, name, group }, ack) => {
    const live = await registry.load(code);
    if (!live) return ack({ ok: false, error: NO_CLASS });
    const refused = await groups.move(live, name, group);
    ack(refused ? { ok: false, error: refused } : { ok: true });
  });
}
