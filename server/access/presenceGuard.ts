import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Role } from '../../shared/session.ts';

/**
 * The server's rules for presence (awareness) that clients send:
 *  - a connection speaks only for the awareness client ids it introduced itself, so no
 *    one can move, rename or remove another tab's cursor (ids are freed when their
 *    connection goes, so a reconnecting tab can reclaim its own);
 *  - the `role` in a state is the server's word (the link the connection used), and a
 *    viewer cannot act as a person on the board (`personId` is stripped).
 *
 * `Owner` is whatever identifies a live connection (a Hocuspocus Connection); `isLive`
 * says whether it still is. Ownership is kept per document.
 */
export class PresenceGuard<Doc extends object, Owner extends object> {
  private readonly owners = new WeakMap<Doc, Map<number, Owner>>();

  constructor(private readonly isLive: (doc: Doc, owner: Owner) => boolean) {}

  /** True when `owner` may speak for `clientId` on `doc`; a free id is claimed for it. */
  claim(doc: Doc, owner: Owner, clientId: number): boolean {
    let map = this.owners.get(doc);
    if (!map) this.owners.set(doc, (map = new Map()));
    const current = map.get(clientId);
    if (current === owner) return true;
    if (current !== undefined && this.isLive(doc, current)) return false;
    map.set(clientId, owner);
    return true;
  }

  /** The ids `owner` speaks for on `doc`. */
  owned(doc: Doc, owner: Owner): number[] {
    const map = this.owners.get(doc);
    return map ? [...map].filter(([, current]) => current === owner).map(([clientId]) => clientId) : [];
  }

  /** Frees every id `owner` held on `doc` (call when its connection closes). */
  release(doc: Doc, owner: Owner) {
    const map = this.owners.get(doc);
    if (!map) return;
    for (const [clientId, current] of map) if (current === owner) map.delete(clientId);
  }

  /** Applies the role rules to one state in place. */
  static stamp(state: unknown, role: Role) {
    if (!state || typeof state !== 'object') return;
    const record = state as Record<string, unknown>;
    record.role = role;
    if (role === 'viewer') delete record.personId;
  }

  /**
   * Applies the rules to one awareness update from `owner` (y-protocols encoding: count,
   * then per client id, clock and state as JSON): entries for ids it may not speak for
   * are dropped, the others stamped. Returns the update to apply, or null when nothing
   * is left. Throws on a malformed update.
   */
  filterUpdate(doc: Doc, owner: Owner, role: Role, update: Uint8Array): Uint8Array | null {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const kept: Array<[number, number, string]> = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarString(decoder);
      const state: unknown = JSON.parse(json);
      if (!this.claim(doc, owner, clientId)) continue;
      // A removal (null) from the owner passes as it is: its cursor goes at once.
      if (state === null || typeof state !== 'object') kept.push([clientId, clock, json]);
      else {
        PresenceGuard.stamp(state, role);
        kept.push([clientId, clock, JSON.stringify(state)]);
      }
    }
    if (kept.length === 0) return null;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, kept.length);
    for (const [clientId, clock, json] of kept) {
      encoding.writeVarUint(encoder, clientId);
      encoding.writeVarUint(encoder, clock);
      encoding.writeVarString(encoder, json);
    }
    return encoding.toUint8Array(encoder);
  }
}
