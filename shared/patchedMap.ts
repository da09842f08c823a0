const GONE: unique symbol = Symbol('gone');

/**
 * A read-only map made from another by changing a few keys, without copying the rest.
 *
 * A busy board changes a few card positions per frame out of thousands; copying a
 * 5,000-entry Map for each frame (twice: the positions and the card rectangles) cost about
 * a millisecond and most of the page's garbage. A PatchedMap shares a plain base map and
 * keeps only the changed keys beside it; once the changes outgrow a fraction of the base
 * they are folded into a new base, so a lookup stays one or two Map reads and the copying
 * is spread out: one full copy per `size / FOLD_SHARE` changes instead of one per frame.
 *
 * Iteration gives the base's order with changed values in place and new keys at the end
 * (as a Map would, except that a key deleted and set again comes back in its old place).
 */
export class PatchedMap<K, V> implements ReadonlyMap<K, V> {
  /** Fold the changes into a new base when they exceed this share of the base (and FOLD_MIN). */
  static readonly FOLD_SHARE = 1 / 16;
  static readonly FOLD_MIN = 64;

  readonly size: number;

  private constructor(
    private readonly base: ReadonlyMap<K, V>,
    private readonly changes: ReadonlyMap<K, V | typeof GONE>,
    size: number,
  ) {
    this.size = size;
  }

  /** `from` with the keys in `set` changed (undefined: deleted). Neither argument is modified. */
  static with<K, V>(from: ReadonlyMap<K, V>, set: ReadonlyMap<K, V | undefined>): PatchedMap<K, V> {
    const base = from instanceof PatchedMap ? (from.base as ReadonlyMap<K, V>) : from;
    const changes = new Map<K, V | typeof GONE>(from instanceof PatchedMap ? (from.changes as ReadonlyMap<K, V | typeof GONE>) : undefined);
    let size = from.size;
    for (const [key, value] of set) {
      const had = from.has(key);
      if (value === undefined) {
        if (!had) continue;
        size--;
        if (base.has(key)) changes.set(key, GONE);
        else changes.delete(key);
      } else {
        if (!had) size++;
        changes.set(key, value);
      }
    }
    if (changes.size > Math.max(PatchedMap.FOLD_MIN, base.size * PatchedMap.FOLD_SHARE)) {
      const folded = new Map(new PatchedMap(base, changes, size));
      return new PatchedMap(folded, new Map(), size);
    }
    return new PatchedMap(base, changes, size);
  }

  // A change is never undefined (that is how `with` is told to delete): undefined means unchanged.
  get(key: K): V | undefined {
    const changed = this.changes.get(key);
    if (changed === undefined) return this.base.get(key);
    return changed === GONE ? undefined : changed;
  }

  has(key: K): boolean {
    const changed = this.changes.get(key);
    return changed === undefined ? this.base.has(key) : changed !== GONE;
  }

  *entries(): MapIterator<[K, V]> {
    for (const [key, value] of this.base) {
      const changed = this.changes.get(key);
      if (changed === undefined) yield [key, value];
      else if (changed !== GONE) yield [key, changed];
    }
    for (const [key, value] of this.changes) if (value !== GONE && !this.base.has(key)) yield [key, value as V];
  }

  *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  get [Symbol.toStringTag]() {
    return 'PatchedMap';
  }
}
