import type { Ack } from '../../shared/acks.ts';

// Lesson `namespaces-and-middleware`, without zod: the browser imports these.

/** The staff room: a namespace under the lesson's own, behind a token. */
export const STAFF_PATH = '/staff';
/** The demo's tokens. They are printed on the page: they show the mechanism, they guard nothing. */
export const STAFF_TOKEN = 'let-me-in';
export const VISITOR_TOKEN = 'just-looking';

/** Teams: one namespace per name (`/team-red`), made when its first member connects. */
export const TEAM_PATH = /^\/team-[a-z]{1,12}$/;
export const teamPath = (team: string) => `/team-${team}`;
export const TEAM_NAME_HINT = 'A team name is 1 to 12 small letters, a to z.';

/** Why the staff room refuses a connection (the `connect_error` a client gets). */
export const NO_TOKEN = 'The staff room needs a token: connect with auth: { token }.';
export const WRONG_TOKEN = 'That token does not open the staff room.';
/** Why it refuses a visitor's note. */
export const VISITORS_READ_ONLY = 'Visitors can read the staff room, not post in it.';

export interface ServerToClientEvents {
  /** A note posted in this namespace, to everyone connected to it. */
  'note:new': (note: { from: string; text: string }) => void;
}

export interface ClientToServerEvents {
  /** Post a note to everyone in the namespace this socket is connected to. */
  'note:post': (note: { text: string }, ack?: Ack) => void;
}
