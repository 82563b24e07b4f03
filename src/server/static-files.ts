import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';

/**
 * Serves the built site (`dist/`). Astro writes `/lessons/x/index.html`, which
 * sirv finds for `/lessons/x/`; anything missing gets the site's 404 page.
 */
export function staticSite(dir: string) {
  const serve = sirv(dir, { etag: true, dev: false, extensions: ['html'] });
  return (req: IncomingMessage, res: ServerResponse) =>
    serve(req, res, () => {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('Not found');
    });
}
