import { useRef } from 'react';

/**
 * The previous Set object while the contents are the same, so memoised cards that take the
 * set as a prop (students' skills, faded questions) do not all re-render on every board change.
 */
export function useStableSet<T>(next: ReadonlySet<T>): ReadonlySet<T>;
export function useStableSet<T>(next: ReadonlySet<T> | null): ReadonlySet<T> | null;
export function useStableSet<T>(next: ReadonlySet<T> | null): ReadonlySet<T> | null {
  const previous = useRef<ReadonlySet<T> | null>(null);
  const prev = previous.current;
  const same = prev === next || (!!prev && !!next && prev.size === next.size && [...next].every((item) => prev.has(item)));
  if (!same) previous.current = next;
  return previous.current;
}
