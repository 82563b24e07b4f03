// The Node modules that socket.io's own types import, cut down to what a
// learner's code meets through them: the type checker in the page has no
// @types/node. A name left out is `any` there, never an error in their code.
declare module 'events' {
  export class EventEmitter {
    on(event: string | symbol, listener: (...args: any[]) => void): this;
    once(event: string | symbol, listener: (...args: any[]) => void): this;
    off(event: string | symbol, listener: (...args: any[]) => void): this;
    emit(event: string | symbol, ...args: any[]): boolean;
    removeAllListeners(event?: string | symbol): this;
    listeners(event: string | symbol): ((...args: any[]) => void)[];
    listenerCount(event: string | symbol): number;
  }
}
declare module 'http' {
  import { EventEmitter } from 'events';
  export interface IncomingHttpHeaders {
    [header: string]: string | string[] | undefined;
  }
  export class IncomingMessage {
    headers: IncomingHttpHeaders;
    url?: string;
    method?: string;
  }
  export class ServerResponse {
    writeHead(status: number, headers?: Record<string, string>): this;
    end(body?: string): this;
  }
  export class Server extends EventEmitter {
    listen(port?: number, listener?: () => void): this;
    close(callback?: (err?: Error) => void): this;
  }
  export function createServer(listener?: (req: IncomingMessage, res: ServerResponse) => void): Server;
}
declare module 'https' {
  export { Server } from 'http';
}
declare module 'http2' {
  import { Server } from 'http';
  export class Http2SecureServer extends Server {}
  export class Http2Server extends Server {}
  export class Http2ServerRequest {}
  export class Http2ServerResponse {}
}
declare module 'querystring' {
  export interface ParsedUrlQuery {
    [key: string]: string | string[] | undefined;
  }
}
declare module 'stream' {
  export class Duplex {}
}
declare module 'ws' {
  export class Server {}
  export class WebSocket {}
  export default WebSocket;
}
declare module 'cors' {
  export interface CorsOptions {
    origin?: any;
    methods?: string | string[];
    credentials?: boolean;
    [option: string]: any;
  }
  export type CorsOptionsDelegate = (req: any, callback: (err: Error | null, options?: CorsOptions) => void) => void;
}
declare module 'helmet' {
  const helmet: any;
  export = helmet;
}
declare class Buffer extends Uint8Array {}
