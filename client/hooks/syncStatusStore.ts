import type * as Y from 'yjs';
import { OwnWorkTracker, decodeStoredSnapshot, parseServerMessage } from '../../shared/collabProtocol.ts';
import { SNAPSHOT_ORIGIN } from '../../shared/boardSnapshot.ts';
import { Listeners } from './listeners.ts';

export type SyncStatus = 'connecting' | 'offline' | 'saving' | 'saved';

export interface SyncState {
  status: SyncStatus;
  /** The first sync with the server happened: the document is the board, not an empty shell. */
  everSynced: boolean;
  /** This tab has edits that the server has not yet reported as durably written. */
  unsavedWork: boolean;
}

/** The slice of HocuspocusProvider this store needs, so tests can drive it with a fake. */
export interface ProviderLike {
  on(event: string, fn: (...args: any[]) => void): unknown;
  off(event: string, fn?: (...args: any[]) => void): unknown;
}

export interface SyncInputs {
  connected: boolean;
  everConnected: boolean;
  /** Gave up waiting for a first connection (or the browser reports no network). */
  unreachable: boolean;
  synced: boolean;
  ownWorkStored: boolean;
}

/** Honest status: "saved" only when the server's stored state covers this tab's own edits. */
export function deriveSyncStatus({ connected, everConnected, unreachable, synced, ownWorkStored }: SyncInputs): SyncStatus {
  if (!connected) return everConnected || unreachable ? 'offline' : 'connecting';
  if (!synced) return 'connecting';
  return ownWorkStored ? 'saved' : 'saving';
}

/** How long a first connection may take before we tell the user they are offline. */
export const FIRST_CONNECT_PATIENCE_MS = 6000;

/**
 * Follows a provider and its document and condenses them into a SyncState. It is a
 * plain external store (subscribe/getSnapshot) so React reads it with useSyncExternalStore.
 */
export class SyncStatusStore {
  private connected = false;
  private everConnected = false;
  private synced = false;
  private everSynced = false;
  private unreachable = false;
  /** Holds this tab's own updates until a stored snapshot from the server contains them. */
  private readonly ownWork: OwnWorkTracker;
  private snapshot: SyncState;
  private readonly listeners = new Listeners();
  private readonly cleanups: Array<() => void> = [];

  constructor(
    private readonly provider: ProviderLike,
    doc: Y.Doc,
    private readonly env: {
      online?: () => boolean;
      setTimeout?: typeof setTimeout;
      clearTimeout?: typeof clearTimeout;
      /** Where the provider already is when the store starts following it. */
      initial?: { connected: boolean; synced: boolean };
    } = {},
  ) {
    this.connected = this.everConnected = env.initial?.connected ?? false;
    this.synced = this.everSynced = this.connected && (env.initial?.synced ?? false);
    // Created before our own doc listener, so it has seen an update by the time we recompute.
    // The provider's updates come from the server; a snapshot (see useBoardConnection) is the board as the server had it.
    this.ownWork = new OwnWorkTracker(doc, (origin) => origin === provider || origin === SNAPSHOT_ORIGIN);
    this.cleanups.push(() => this.ownWork.destroy());
    this.snapshot = this.compute();
    this.listen(provider, 'status', ({ status }: { status: string }) => {
      this.connected = status === 'connected';
      if (this.connected) this.everConnected = true;
      else this.synced = false;
    });
    this.listen(provider, 'synced', ({ state }: { state: boolean }) => {
      this.synced = state;
      if (state) this.everSynced = true;
    });
    this.listen(provider, 'disconnect', () => {
      this.connected = false;
      this.synced = false;
    });
    this.listen(provider, 'stateless', ({ payload }: { payload: string }) => {
      const message = parseServerMessage(payload);
      // A garbled snapshot proves nothing was stored; keep what we knew.
      const stored = message && decodeStoredSnapshot(message);
      if (stored) this.ownWork.noteStored(stored);
    });
    const onUpdate = () => this.refresh();
    doc.on('update', onUpdate);
    this.cleanups.push(() => doc.off('update', onUpdate));

    const set = env.setTimeout ?? globalThis.setTimeout;
    const clear = env.clearTimeout ?? globalThis.clearTimeout;
    const timer = set(() => {
      this.unreachable = true;
      this.refresh();
    }, FIRST_CONNECT_PATIENCE_MS);
    this.cleanups.push(() => clear(timer));
    if (typeof window !== 'undefined') {
      const onNetwork = () => this.refresh();
      window.addEventListener('online', onNetwork);
      window.addEventListener('offline', onNetwork);
      this.cleanups.push(() => {
        window.removeEventListener('online', onNetwork);
        window.removeEventListener('offline', onNetwork);
      });
    }
  }

  private listen(target: ProviderLike, event: string, fn: (arg: any) => void) {
    const handler = (arg: any) => {
      fn(arg ?? {});
      this.refresh();
    };
    target.on(event, handler);
    this.cleanups.push(() => target.off(event, handler));
  }

  private compute(): SyncState {
    const online = this.env.online ? this.env.online() : typeof navigator === 'undefined' || navigator.onLine !== false;
    const ownWorkStored = this.ownWork.allStored;
    const status = deriveSyncStatus({
      connected: this.connected && online,
      everConnected: this.everConnected,
      unreachable: this.unreachable || !online,
      synced: this.synced,
      ownWorkStored,
    });
    return { status, everSynced: this.everSynced, unsavedWork: !ownWorkStored };
  }

  private refresh() {
    const next = this.compute();
    const prev = this.snapshot;
    if (next.status === prev.status && next.everSynced === prev.everSynced && next.unsavedWork === prev.unsavedWork) return;
    this.snapshot = next;
    this.listeners.notify();
  }

  subscribe = this.listeners.subscribe;

  getSnapshot = (): SyncState => this.snapshot;

  destroy() {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.listeners.clear();
  }
}
