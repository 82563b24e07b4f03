import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';

/** How long the machine's own addresses are trusted before they are read again (a laptop changes networks). */
const ADDRESSES_TTL_MS = 10_000;

/** The name part of a Host header or URL host: no port, no brackets, lower case. */
export function hostName(host: string): string {
  const name = host.trim().toLowerCase();
  if (name.startsWith('[')) return name.slice(1, name.indexOf(']') === -1 ? undefined : name.indexOf(']'));
  return name.replace(/:\d*$/, '').replace(/\.$/, '');
}

/**
 * DNS rebinding: a page of evil.example whose name is made to point at this
 * laptop is, to the browser, same-origin with it, so the Origin check alone
 * lets its sockets in. What the browser cannot fake is the Host header: it
 * names evil.example. Only the names this server is known by are answered:
 * any address typed as one (an IP is never a rebound name), its machine
 * name, `localhost`, and what `ALLOWED_HOSTS` (and the hosts of
 * `ALLOWED_ORIGINS`) add. A request without a Host is not a browser's, and passes.
 */
export function hostCheck(allowedHosts: string[] = [], allowedOrigins: string[] = []) {
  // `https://workshop.example.org` is taken to mean its host, not silently matched against nothing.
  const asHost = (entry: string) => {
    try {
      return entry.includes('://') ? new URL(entry).host : entry;
    } catch {
      return entry;
    }
  };
  const extra = new Set<string>(allowedHosts.map((entry) => hostName(asHost(entry))));
  for (const origin of allowedOrigins) {
    try {
      extra.add(hostName(new URL(origin).host));
    } catch {
      // Not a URL: the origin check refuses it anyway.
    }
  }
  let own = new Set<string>();
  let readAt = -Infinity;
  const ownNames = () => {
    if (performance.now() - readAt > ADDRESSES_TTL_MS) {
      const machine = hostname().toLowerCase();
      own = new Set(['localhost', machine, `${machine}.local`]);
      for (const addresses of Object.values(networkInterfaces()))
        for (const a of addresses ?? []) own.add(a.address.toLowerCase());
      readAt = performance.now();
    }
    return own;
  };
  // An address typed as such can never be a rebound name (a VM's or a container's forwarded port, say).
  const known = (name: string) =>
    isIP(name) !== 0 || name.endsWith('.localhost') || extra.has(name) || ownNames().has(name);
  const allows = (req: IncomingMessage) => {
    const host = req.headers.host;
    return host === undefined || known(hostName(host));
  };
  return {
    allows,
    /** Answers a request for a name this server does not know, and says so (true); false lets it through. */
    refuse(req: IncomingMessage, res: ServerResponse): boolean {
      if (allows(req)) return false;
      res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(
        `This server does not answer to the name "${hostName(req.headers.host ?? '').slice(0, 100)}". ` +
          'Open it by its own address, or add the name to ALLOWED_HOSTS (behind a proxy, the name the proxy passes on).\n',
      );
      return true;
    },
  };
}
