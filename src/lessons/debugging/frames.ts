/**
 * A raw frame, as the inspector shows it (`42/debugging,1["ask:time"]`), said
 * in plain words. The first digit is Engine.IO's packet type; in a message
 * (4), the next is Socket.IO's, then the namespace (when it is not `/`), an
 * ack id, and the JSON payload.
 */
export function readFrame(frame: string, direction: 'sent' | 'received'): string {
  switch (frame[0]) {
    case '0':
      return "open: the server's hello, with the session id and how often it pings";
    case '1':
      return 'close: this connection is ending';
    case '2':
      return 'ping: the server checks that the connection is alive';
    case '3':
      return 'pong: the answer to a ping';
    case '4':
      return readSocketIoPacket(frame.slice(1), direction);
    case '5':
      return 'upgrade: from now on, over the WebSocket';
    case '6':
      return 'noop: an empty frame that lets a long-poll end';
    default:
      return 'a frame this reader does not know';
  }
}

const SOCKET_IO_PACKET = /^([0-6])(?:\d+-)?(\/[^,]*,)?(\d+)?(.*)$/s;

function readSocketIoPacket(packet: string, direction: 'sent' | 'received'): string {
  const [, type, nspPart, ackId, json = ''] = SOCKET_IO_PACKET.exec(packet) ?? [];
  const namespace = nspPart ? nspPart.slice(0, -1) : '/';
  const where = ` on ${namespace}`;
  const payload = parse(json);
  switch (type) {
    case '0':
      return direction === 'sent'
        ? `message + connect: asks to join ${namespace}${json ? ', with its auth' : ''}`
        : `message + connect: joined ${namespace} as socket ${(payload as { sid?: string } | undefined)?.sid ?? '?'}`;
    case '1':
      return `message + disconnect: leaves${where}`;
    case '2':
    case '5': {
      const name = Array.isArray(payload) ? String(payload[0]) : '?';
      const asks = ackId ? `, asking for an answer (ack id ${ackId})` : '';
      return `message + event "${name}"${where}${asks}`;
    }
    case '3':
    case '6':
      return `message + ack: the answer for ack id ${ackId ?? '?'}${where}`;
    case '4':
      return `message + connect error: refused${where}`;
    default:
      return 'message: a Socket.IO packet this reader does not know';
  }
}

function parse(json: string): unknown {
  try {
    return json ? JSON.parse(json) : undefined;
  } catch {
    return undefined; // cut short in the log, or not JSON
  }
}
