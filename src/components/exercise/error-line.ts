/**
 * Where in the learner's code an error comes from: the loop guard says so
 * itself; otherwise the first frame of its stack in the code, an inline
 * script of the frame's `page` (or one without a file, `<anonymous>:3:7`),
 * not in the frame's own runtime, whose `emit` may be the one that threw.
 */
export function lineOf(error: unknown, page: string): { line?: number; column?: number } {
  if (typeof (error as { line?: unknown })?.line === 'number') return { line: (error as { line: number }).line };
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const match = new RegExp(`(?:<anonymous>|${page}):(\\d+):(\\d+)`).exec(stack); // Chromium, Firefox
  return match ? { line: Number(match[1]), column: Number(match[2]) } : {};
}

/**
 * Where an uncaught error of a frame's `page` comes from: thrown by the
 * learner's inline script itself, the event's own line; else (the loop guard's
 * error, or one thrown inside the frame's runtime) the code's frame of its stack.
 */
export function whereInCode(event: ErrorEvent, page: string): { line?: number; column?: number } {
  const thrownInCode = !event.filename || event.filename.includes(page);
  return thrownInCode && typeof event.error?.line !== 'number'
    ? { line: event.lineno || undefined, column: event.colno || undefined }
    : lineOf(event.error, page);
}
