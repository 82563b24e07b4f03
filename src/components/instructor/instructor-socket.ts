import { io, type Socket } from 'socket.io-client';
import type { InstructorClientEvents, InstructorServerEvents } from '../../shared/class-mode.ts';

export type InstructorSocket = Socket<InstructorServerEvents, InstructorClientEvents>;

const TOKEN_KEY = 'socket-workshop:instructor-token';

/**
 * The instructor's token: taken from the link the server printed
 * (`/instructor/#token=...`) and then dropped from the address bar, so it
 * does not end up in screenshots of the projector; kept for this tab only.
 */
export function takeToken(): string | null {
  const fromLink = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromLink) {
    sessionStorage.setItem(TOKEN_KEY, fromLink);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export const rememberToken = (token: string) => sessionStorage.setItem(TOKEN_KEY, token);
export const forgetToken = () => sessionStorage.removeItem(TOKEN_KEY);

export function connectInstructor(token: string): InstructorSocket {
  return io('/instructor', { auth: { token }, forceNew: true });
}
