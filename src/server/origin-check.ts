import type { IncomingMessage } from 'node:http';

/**
 * Socket.IO's `allowRequest`: a browser always sends `Origin`, so a page of
 * another site that tries to open a socket here with the user's cookies
 * (cross-site WebSocket hijacking) is refused unless its origin is listed.
 * Same-origin pages pass, and so do clients that are not browsers (no
 * `Origin` at all), such as the tests and the benchmark.
 */
export function originCheck(allowed: string[] = []) {
  const extra = new Set(allowed.map((origin) => origin.replace(/\/$/, '').toLowerCase()));
  return (req: IncomingMessage, callback: (error: string | null | undefined, success: boolean) => void) => {
    const origin = req.headers.origin;
    if (!origin) return callback(null, true);
    let host: string;
    try {
      host = new URL(origin).host.toLowerCase();
    } catch {
      return callback('bad origin', false);
    }
    const allowed = host === String(req.headers.host ?? '').toLowerCase() || extra.has(origin.toLowerCase());
    callback(allowed ? null : 'origin not allowed', allowed);
  };
}
