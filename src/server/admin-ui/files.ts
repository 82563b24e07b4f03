import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sirv from 'sirv';
import { SECURITY_HEADERS } from '../static-files.ts';

/** Where the workshop serves Socket.IO's admin UI (its own copy: no internet needed). */
export const ADMIN_UI_PATH = '/admin-ui/';
/** The Material Design Icons font it uses, served from the `@mdi/font` package under the UI's path. */
const ICONS_PATH = `${ADMIN_UI_PATH}mdi/`;

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/**
 * The UI's `index.html` as the package ships it loads Roboto from Google Fonts
 * and the icon font from a CDN. Here: the icons from this server, Roboto from
 * the system (the UI's CSS falls back to sans-serif), nothing from elsewhere.
 */
export function localIndexHtml(html: string): string {
  const local = html
    .replace(/<link[^>]+href="https:\/\/fonts\.googleapis\.com\/[^"]*"[^>]*>/g, '')
    .replace(
      /<link([^>]+)href="https:\/\/cdn\.jsdelivr\.net\/npm\/@mdi\/font@[^"]*\/css\/materialdesignicons\.min\.css"/g,
      '<link$1href="mdi/css/materialdesignicons.min.css"',
    )
    // The connection form starts with this server's address (a script file: the pages allow no inline script but the theme's).
    .replace('<script', '<script src="workshop-defaults.js"></script><script');
  if (/(?:href|src)="(?:https?:)?\/\//.test(local))
    throw new Error('the admin UI still loads something from elsewhere');
  return local;
}

/** Fills the UI's "Server URL" with this page's own origin, the first time only. */
const DEFAULTS_SCRIPT = `if (!localStorage.getItem('server_url')) localStorage.setItem('server_url', location.origin);\n`;

/**
 * Serves the admin UI under `/admin-ui/`: the package's built files, its
 * index rewritten to load nothing from the internet, and the icon font.
 * Answers `true` when the request was its own.
 */
export function adminUiFiles() {
  const uiDir = join(packageDir('@socket.io/admin-ui'), 'ui', 'dist');
  const iconsDir = packageDir('@mdi/font');
  const index = localIndexHtml(readFileSync(join(uiDir, 'index.html'), 'utf8'));
  const options = { dev: false, etag: true } as const;
  const ui = sirv(uiDir, options);
  const icons = sirv(iconsDir, options);

  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === ADMIN_UI_PATH.slice(0, -1)) {
      res.writeHead(308, { Location: ADMIN_UI_PATH }).end();
      return true;
    }
    if (!path.startsWith(ADMIN_UI_PATH)) return false;
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const notFound = () => {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    };
    const file = path.slice(ADMIN_UI_PATH.length);
    if (file === '' || file === 'index.html') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' }).end(index);
    } else if (file === 'workshop-defaults.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' }).end(DEFAULTS_SCRIPT);
    } else if (path.startsWith(`${ICONS_PATH}css/`) || path.startsWith(`${ICONS_PATH}fonts/`)) {
      req.url = path.slice(ICONS_PATH.length - 1);
      icons(req, res, notFound);
    } else if (/^(css|js|img)\/|^favicon\.png$/.test(file)) {
      req.url = `/${file}`;
      ui(req, res, notFound);
    } else notFound();
    return true;
  };
}
