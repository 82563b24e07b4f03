import { Transport } from 'engine.io-client';
import { encodePacket, type Packet } from 'engine.io-parser';
import { TRANSPORT_NAME } from './transport-name.ts';

/**
 * The client half: an engine.io-client transport over a MessagePort, for
 * `io(url, { transports: [inPageTransport(connect)] })`. `connect` hands the other end of a
 * fresh MessageChannel to the in-page engine (directly, or by postMessage to a frame or worker)
 * and returns this end. Each (re)connection calls it again.
 */
export function inPageTransport(connect: () => MessagePort) {
  return class InPageTransport extends Transport {
    #port: MessagePort | undefined;

    override get name() {
      return TRANSPORT_NAME;
    }

    protected override doOpen() {
      const port = connect();
      port.onmessage = (event) => {
        // The server closed the connection (io.close(), a ping timeout): as a WebSocket close.
        if (event.data === '1') {
          this.#drop();
          this.onClose({ description: 'in-page server closed the connection' });
          return;
        }
        this.onData(event.data);
      };
      port.start();
      this.#port = port;
      this.onOpen();
    }

    protected override doClose() {
      // A MessagePort tells the other end nothing when closed: say it in Engine.IO.
      this.#port?.postMessage('1');
      this.#drop();
    }

    protected override write(packets: Packet[]) {
      this.writable = false;
      packets.forEach((packet, i) => {
        encodePacket(packet, this.supportsBinary, (data) => {
          this.#port?.postMessage(data);
          if (i === packets.length - 1)
            // As engine.io-client's WebSocket transport: drain on the next turn.
            queueMicrotask(() => {
              this.writable = true;
              this.emitReserved('drain');
            });
        });
      });
    }

    #drop() {
      if (!this.#port) return;
      this.#port.onmessage = null;
      this.#port.close();
      this.#port = undefined;
    }
  };
}
