import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** An unguessable link token: 32 random bytes, URL-safe. */
export const newToken = () => randomBytes(32).toString('base64url');

/** Tokens are kept only as this hash: a leaked data folder does not open any board. */
export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

/** The shape every token we issue has; anything else is refused before hashing. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
