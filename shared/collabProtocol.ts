/**
 * Stateless messages between server and clients over the collab socket. Both sides
 * parse with these helpers so the wire format has one definition.
 */

/** Sent by the server after it has durably written a board: which state is stored. */
export interface StoredMessage {
  type: 'stored';
  /** Base64 of Y.encodeStateVector of the stored document. */
  stateVector: string;
}

export type ServerMessage = StoredMessage;

export const COLLAB_PATH = '/collab';

export function encodeServerMessage(message: ServerMessage): string {
  return JSON.stringify(message);
}

export function parseServerMessage(payload: string): ServerMessage | null {
  try {
    const value = JSON.parse(payload) as Partial<StoredMessage>;
    if (value && value.type === 'stored' && typeof value.stateVector === 'string') {
      return { type: 'stored', stateVector: value.stateVector };
    }
  } catch {
    // Not ours or malformed: ignore, never crash the client over a stray message.
  }
  return null;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * True when every change made by `clientId` in the local document is contained in the
 * stored state: the user's own edits are safely on the server's disk.
 */
export function isOwnWorkStored(localStateVector: Map<number, number>, storedStateVector: Map<number, number>, clientId: number): boolean {
  return (storedStateVector.get(clientId) ?? 0) >= (localStateVector.get(clientId) ?? 0);
}
