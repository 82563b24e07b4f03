import { styleText } from 'node:util';
import QRCode from 'qrcode';
import { lanAddress } from './network.ts';

/** What the server prints once it listens, as Vite does; in class mode, the way in for students and instructor. */
export async function readyBanner(options: {
  host: string;
  port: number;
  ms: number;
  classMode: boolean;
  token: string;
}) {
  const { port, ms } = options;
  const everywhere = options.host === '0.0.0.0' || options.host === '::';
  const local = `http://${everywhere ? 'localhost' : options.host}:${port}/`;
  const lan = everywhere ? lanAddress() : undefined;
  const network = lan ? `http://${lan}:${port}/` : undefined;
  const lines = [
    `\n  ${styleText('bold', 'Socket Workshop')}  ready in ${ms} ms\n`,
    `  ➜  Local:   ${styleText('cyan', local)}`,
  ];
  lines.push(network ? `  ➜  Network: ${styleText('cyan', network)}` : '  ➜  Network: use `npm run class` to expose');
  if (options.classMode) {
    const site = network ?? local;
    const qr = await QRCode.toString(site, { type: 'terminal', small: true });
    lines.push(
      '',
      `  ${styleText('bold', 'Class mode')}: students open ${styleText('cyan', site)} (or scan this):`,
      '',
      qr.replace(/^/gm, '  '),
      `  ➜  Instructor: ${styleText('cyan', `${local}instructor/#token=${options.token}`)}`,
      '     (keep this link to yourself: the token in it lets its holder run the class)',
    );
  }
  lines.push(`  ➜  press Ctrl-C to stop\n`);
  return lines.join('\n');
}
