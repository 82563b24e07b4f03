import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * For a load balancer: `/healthz` answers 200 while the process runs;
 * `/readyz` answers 200 only when it should get new students (Redis
 * reachable, when there is one; not shutting down), else 503 with why.
 * Returns whether it answered the request.
 */
export function healthChecks(notReady: () => string | undefined) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const path = req.url?.split('?')[0];
    if (path !== '/healthz' && path !== '/readyz') return false;
    const why = path === '/readyz' ? notReady() : undefined;
    res.writeHead(why ? 503 : 200, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(why ?? 'ok');
    return true;
  };
}
