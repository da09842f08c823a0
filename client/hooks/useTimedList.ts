import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A short list of items that each disappear after their own time (toasts, glows). Adding
 * an item with a key already present replaces it and restarts its timer.
 */
export function useTimedList<T extends { key: string }>(limit = 4) {
  const [items, setItems] = useState<T[]>([]);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const remove = useCallback((key: string) => {
    const timer = timers.current.get(key);
    if (timer) clearTimeout(timer);
    timers.current.delete(key);
    setItems((list) => list.filter((item) => item.key !== key));
  }, []);

  const add = useCallback(
    (item: T, ms: number) => {
      const old = timers.current.get(item.key);
      if (old) clearTimeout(old);
      timers.current.set(
        item.key,
        setTimeout(() => remove(item.key), ms),
      );
      setItems((list) => [...list.filter((i) => i.key !== item.key), item].slice(-limit));
    },
    [limit, remove],
  );

  useEffect(() => {
    const all = timers.current;
    return () => {
      for (const timer of all.values()) clearTimeout(timer);
      all.clear();
    };
  }, []);

  return { items, add, remove };
}
