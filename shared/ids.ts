const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * A random record id. Uses getRandomValues rather than randomUUID because
 * randomUUID only exists in secure contexts, and colleagues join from a phone
 * over plain http on the ward's network.
 */
export function newId(length = 14): string {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return id;
}

export const ID_PATTERN = '^[a-z0-9][a-z0-9:_~-]{0,63}$';
const idPattern = new RegExp(ID_PATTERN);
export const isId = (value: unknown): value is string => typeof value === 'string' && idPattern.test(value);
