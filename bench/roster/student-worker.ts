import { parentPort } from 'node:worker_threads';
import { io, type Socket } from 'socket.io-client';
import { clock } from '../stats.ts';
import { type Emitted, type FromStudents, studentKey, studentName, type ToStudents } from './messages.ts';

/**
 * A share of the roster bench's students: each a real client of the class
 * namespace, as a student's page is (name and key in the handshake), on the
 * lesson the class follows, telling the class each step it does.
 */
const port = parentPort!;
const say = (message: FromStudents) => port.postMessage(message);
const CONCURRENCY = 25;
const students: { name: string; socket: Socket }[] = [];

async function join({ url, code, lesson, first, count }: Extract<ToStudents, { type: 'join' }>) {
  const joinMs: number[] = [];
  let next = 0;
  async function lane() {
    while (next < count) {
      const i = first + next++;
      const started = clock();
      const socket = io(`${url}/class/${code}`, {
        auth: { name: studentName(i), key: studentKey(i) },
        transports: ['websocket'],
        reconnection: false,
      });
      students.push({ name: studentName(i), socket });
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      socket.emit('student:where', { lesson, section: null });
      joinMs.push(clock() - started);
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  say({ type: 'joined', joinMs });
}

/** Every student's steps at random moments over the time given: about students × steps / seconds a second. */
async function progress({ lesson, steps, seconds }: Extract<ToStudents, { type: 'progress' }>) {
  const emitted: Emitted[] = [];
  const plans = students.flatMap((student) =>
    Array.from({ length: steps.length }, () => Math.random() * seconds * 1000)
      .sort((a, b) => a - b)
      .map((due, k) => ({ student, due, k })),
  );
  plans.sort((a, b) => a.due - b.due);
  const start = clock();
  for (const plan of plans) {
    const wait = start + plan.due - clock();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    // As a page does: all it has done in the lesson so far.
    const done = steps.slice(0, plan.k + 1);
    emitted.push({ name: plan.student.name, step: steps[plan.k]!, at: clock() });
    plan.student.socket.emit('student:progress', { progress: { [lesson]: done } });
  }
  say({ type: 'emitted', emitted });
}

port.on('message', (message: ToStudents) => {
  const run =
    message.type === 'join'
      ? join(message)
      : message.type === 'progress'
        ? progress(message)
        : Promise.resolve().then(() => {
            for (const { socket } of students) socket.disconnect();
            say({ type: 'closed' });
          });
  run.catch((error: Error) => say({ type: 'error', message: error.message }));
});
