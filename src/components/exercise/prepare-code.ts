import { transform } from 'sucrase';
import { guardLoops } from './loop-guard.ts';

export type Prepared = { code: string } | { error: string; line?: number };

/**
 * The learner's code as the sandbox runs it: TypeScript's types stripped (not
 * checked; plain JavaScript passes through), line for line, and every loop
 * guarded. Loaded on the first Run: the transpiler is most of its weight.
 */
export function prepareCode(code: string): Prepared {
  let plain: string;
  try {
    plain = transform(code, { transforms: ['typescript'], disableESTransforms: true }).code;
  } catch (error) {
    const { message, loc } = error as Error & { loc?: { line: number } };
    return { error: `SyntaxError: ${message.replace(/\s*\(\d+:\d+\)$/, '')}`, line: loc?.line };
  }
  return { code: guardLoops(plain) };
}
