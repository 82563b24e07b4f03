/** The Engine.IO transport name both halves use (what `socket.conn.transport.name` reads). */
export const TRANSPORT_NAME = 'in-page';
