import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret for the instructor, short enough to type from a projector if need be. */
export const newInstructorToken = () => randomBytes(12).toString('base64url');

/** Compares in constant time, so the token cannot be guessed a character at a time. */
export function tokenChecker(token: string) {
  const expected = createHash('sha256').update(token).digest();
  return (given: unknown) =>
    typeof given === 'string' && timingSafeEqual(createHash('sha256').update(given).digest(), expected);
}
