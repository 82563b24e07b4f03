import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';
import { compressedCopiesReady } from '../shared/compressed-site.ts';
import { SANDBOX_FOLDER } from '../shared/sandbox.ts';
import { THEME_SCRIPT } from '../shared/theme-script.ts';

/** The one inline script a page may run: the theme, set before the first paint. */
export const THEME_SCRIPT_HASH = `'sha256-${createHash('sha256').update(THEME_SCRIPT).digest('base64')}'`;

/**
 * What every page may load: its own scripts, styles (Shiki colours code with
 * inline styles) and sockets, nothing from elsewhere; and no framing by other
 * sites. The only inline script that may run is the theme's, named by its
 * hash; the search compiles its WebAssembly index reader ('wasm-unsafe-eval' allows that, not eval).
 */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${THEME_SCRIPT_HASH}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/**
 * The page inside an exercise's frame runs a learner's code. Whoever opens
 * it, it is sandboxed (an opaque origin: no cookies, no storage, nothing of
 * the site's), may run inline scripts (the learner's) and connect nowhere:
 * its sockets live in the lesson page, which it asks by postMessage.
 */
export const SANDBOX_HEADERS: Record<string, string> = {
  ...SECURITY_HEADERS,
  'Content-Security-Policy': [
    'sandbox allow-scripts',
    "default-src 'none'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
  ].join('; '),
  'X-Frame-Options': 'SAMEORIGIN',
};

/**
 * Serves the built site (`dist/`). Astro writes `/lessons/x/index.html`, which
 * sirv finds for `/lessons/x/`. Without a build, every page says how to make one.
 */
export function staticSite(dir: string) {
  if (!existsSync(dir)) {
    return (_req: IncomingMessage, res: ServerResponse) => {
      secure(res);
      notFound(res, 'The site has not been built yet: run `npm start`, which builds it first.');
    };
  }
  const files = listedFiles(dir);
  // The site's own "Page not found", read once; plain text if the build has none.
  const notFoundPage = existsSync(join(dir, '404.html')) ? readFileSync(join(dir, '404.html')) : undefined;
  return (req: IncomingMessage, res: ServerResponse) => {
    secure(res, inSandbox(req.url) ? SANDBOX_HEADERS : SECURITY_HEADERS);
    // sirv streams a file it listed with no error handler: one removed since (the site built
    // again under a running server) would end the process. The request fails; the process goes on.
    res.once('pipe', (source) =>
      source.once('error', () => {
        files.gone();
        res.destroy();
      }),
    );
    files.current()(req, res, () => notFound(res, 'Not found', notFoundPage));
  };
}

/**
 * sirv lists the files once (`dev: false`). Until the compression's mark is
 * there (a first `npm start` writes the copies after it listens), it sends
 * the files as they are, and looks for the mark again at most every 250 ms;
 * so too after a listed file went missing (the site built again under it).
 */
function listedFiles(dir: string) {
  let compressed = compressedCopiesReady(dir);
  let serve = siteFiles(dir, compressed);
  let lookedAt = performance.now();
  let stale = false;
  return {
    current() {
      if ((stale || !compressed) && performance.now() - lookedAt > 250) {
        lookedAt = performance.now();
        const ready = compressedCopiesReady(dir);
        if (stale || ready) {
          try {
            serve = siteFiles(dir, ready);
            [compressed, stale] = [ready, false];
          } catch {
            // A file went as sirv listed the site (a build under a running server): the next look tries again.
          }
        }
      }
      return serve;
    },
    gone() {
      stale = true;
    },
  };
}

function siteFiles(dir: string, compressed: boolean) {
  return sirv(dir, {
    etag: true,
    dev: false,
    extensions: ['html'],
    // The .br and .gz copies, once all are written: sent to browsers that take them.
    brotli: compressed,
    gzip: compressed,
    // Files under /_astro/ have their content's hash in their name: cache them for good.
    // The sandbox's opaque origin loads its module script from there, which needs CORS.
    setHeaders: (res, pathname) => {
      if (!pathname.startsWith('/_astro/')) return;
      res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      res.setHeader('Access-Control-Allow-Origin', '*');
    },
  });
}

/** Whether a request is for the sandbox's pages, as the file server reads its path (`/%73andbox/` too). */
function inSandbox(url = '/'): boolean {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url, 'http://x').pathname);
  } catch {
    return true; // a path that does not decode: the stricter headers
  }
  return path
    .replace(/\/{2,}/g, '/')
    .toLowerCase()
    .startsWith(SANDBOX_FOLDER);
}

function secure(res: ServerResponse, headers = SECURITY_HEADERS) {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}

function notFound(res: ServerResponse, message: string, page?: Buffer) {
  res.statusCode = 404;
  res.setHeader('Content-Type', page ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8');
  res.end(page ?? message);
}
