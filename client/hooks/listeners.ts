/**
 * The subscriber half of an external store read with useSyncExternalStore: `subscribe` is a
 * stable arrow (React may pass it around and compare it), `notify` tells every subscriber.
 */
export class Listeners {
  private readonly listeners = new Set<() => void>();

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  notify() {
    for (const listener of this.listeners) listener();
  }

  clear() {
    this.listeners.clear();
  }
}
