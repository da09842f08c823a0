import { useEffect, useState } from 'react';

/**
 * One object made from `source` for as long as `source` stays the same, for things that hold
 * listeners and must be let go (stores on an awareness, undo managers on a doc). Made in an
 * effect, so React's development double-run makes and destroys a spare instead of leaking
 * one; destroyed when `source` changes or the component unmounts; null until made.
 */
export function useOwned<S, T extends { destroy(): void }>(source: S | null, create: (source: S) => T | null): T | null {
  const [owned, setOwned] = useState<T | null>(null);
  useEffect(() => {
    if (!source) return;
    const next = create(source);
    if (!next) return;
    setOwned(next);
    return () => {
      next.destroy();
      setOwned(null);
    };
    // `create` is read once per source on purpose: callers pass an inline arrow.
  }, [source]);
  return owned;
}
