import { createRequire } from 'node:module';
import type { AppOptions } from '../../src/server/app.ts';

/**
 * Engine.IO's transport settings the bench compares (`--engines`), each run
 * on the workshop's app as `npm start` builds it, one at a time. `ws` is what
 * the workshop ships; a WebSocket engine from the registry takes part only when
 * it is installed (`npm i --no-save eiows`), and says so when it is not.
 */
export const ENGINES = {
  ws: { label: 'ws (shipped)' },
  deflate: { label: 'ws, perMessageDeflate (1 KB threshold)' },
  'deflate-all': { label: 'ws, perMessageDeflate on every message' },
  eiows: { label: 'eiows' },
} as const;

export type EngineName = keyof typeof ENGINES;

const require = createRequire(import.meta.url);

/** The app's `engine` option for a variant, or why this machine cannot run it. */
export function engineOptions(name: EngineName): NonNullable<AppOptions['engine']> | { missing: string } {
  switch (name) {
    case 'ws':
      return {};
    case 'deflate':
      return { perMessageDeflate: true }; // engine.io's own threshold: messages of 1 KB or more
    case 'deflate-all':
      return { perMessageDeflate: { threshold: 0 } };
    case 'eiows':
      try {
        return { wsEngine: (require('eiows') as { Server: unknown }).Server };
      } catch {
        return { missing: 'not installed (`npm i --no-save eiows`)' };
      }
  }
}
