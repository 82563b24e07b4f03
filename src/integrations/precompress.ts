import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';

const TEXT = /\.(html|js|css|svg|json|txt)$/;

/**
 * After the build, writes a Brotli and a gzip copy next to each text file of
 * the site, once, so the server sends a quarter of the bytes without
 * compressing on every request (sirv picks them by Accept-Encoding).
 */
export function precompress(): AstroIntegration {
  return {
    name: 'socket-workshop:precompress',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        let files = 0;
        const walk = (folder: string) => {
          for (const name of readdirSync(folder)) {
            const path = join(folder, name);
            if (statSync(path).isDirectory()) walk(path);
            else if (TEXT.test(name)) {
              const body = readFileSync(path);
              writeFileSync(
                `${path}.br`,
                brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
              );
              writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
              files++;
            }
          }
        };
        walk(fileURLToPath(dir));
        logger.info(`${files} files compressed (br, gz)`);
      },
    },
  };
}
