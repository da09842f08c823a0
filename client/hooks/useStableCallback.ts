import { useCallback, useRef } from 'react';

/**
 * A function that keeps its identity across renders and always calls the latest `fn`: for
 * handlers handed to memoised components (the toolbar, the zoom buttons), which then skip
 * the renders a remote card move causes — 100 a second on a busy board.
 */
export function useStableCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn);
  latest.current = fn;
  return useCallback((...args: A) => latest.current(...args), []);
}
