import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';

/**
 * Serves the built site (`dist/`). Astro writes `/lessons/x/index.html`, which
 * sirv finds for `/lessons/x/`. Without a build, every page says how to make one.
 */
export function staticSite(dir: string) {
  if (!existsSync(dir)) {
    return (_req: IncomingMessage, res: ServerResponse) =>
      notFound(res, 'The site has not been built yet: run `npm start`, which builds it first.');
  }
  const serve = sirv(dir, { etag: true, dev: false, extensions: ['html'] });
  return (req: IncomingMessage, res: ServerResponse) => serve(req, res, () => notFound(res, 'Not found'));
}

function notFound(res: ServerResponse, message: string) {
  res.statusCode = 404;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end(message);
}
