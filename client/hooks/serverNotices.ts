import { parseServerMessage, type RefusalReason } from '../../shared/collabProtocol.ts';
import type { ProviderLike } from './syncStatusStore.ts';
import { Listeners } from './listeners.ts';

/**
 * What the server told this tab about its work, as the person needs to hear it:
 *  - a refused edit (the server undid it in the same step; nothing else to do but say so),
 *  - a close that dropped the tab's copy of the board (see useBoardConnection), or a busy server,
 *  - for facilitators: storing the board is failing.
 */
export type NoticeKind = `refused:${RefusalReason}` | 'board-too-large' | 'too-many-messages' | 'server-busy';

/** The closes that come with a notice of their own (the others are pages, or silent reconnects). */
export const NOTICE_CLOSE_REASONS = ['board-too-large', 'too-many-messages', 'server-busy'] as const;
export type NoticeCloseReason = (typeof NOTICE_CLOSE_REASONS)[number];
export const isNoticeCloseReason = (reason: unknown): reason is NoticeCloseReason => NOTICE_CLOSE_REASONS.includes(reason as never);

export interface ServerNotice {
  /** One notice per kind: the same refusal twice restarts its time instead of stacking. */
  key: NoticeKind;
  kind: NoticeKind;
}

export interface ServerNotices {
  notices: readonly ServerNotice[];
  /** The latest storage message said storing fails (only facilitators are sent these). */
  storageFailing: boolean;
}

/** Long enough to read twice on a phone; a notice can also be closed by hand. */
export const NOTICE_MS = 12_000;
const MAX_NOTICES = 3;

/**
 * Plain external store (subscribe/getSnapshot) for useSyncExternalStore. One per board
 * page: it follows the current provider (`follow`), and keeps its notices when the
 * provider is replaced, so "het bord is vol" is still shown on the fresh copy.
 */
export class ServerNoticeStore {
  private snapshot: ServerNotices = { notices: [], storageFailing: false };
  private readonly listeners = new Listeners();
  private readonly timers = new Map<NoticeKind, ReturnType<typeof setTimeout>>();
  private unfollow: (() => void) | null = null;

  constructor(private readonly env: { setTimeout?: typeof setTimeout; clearTimeout?: typeof clearTimeout } = {}) {}

  /** Listens to `provider`'s stateless messages instead of the previous provider's. */
  follow(provider: ProviderLike | null) {
    this.unfollow?.();
    this.unfollow = null;
    // What storage does is said again to each connection that needs to know; a new provider starts without it.
    this.update({ ...this.snapshot, storageFailing: false });
    if (!provider) return;
    const onStateless = ({ payload }: { payload: string }) => {
      const message = parseServerMessage(payload);
      if (message?.type === 'refused') this.add(`refused:${message.reason}`);
      else if (message?.type === 'storage') this.update({ ...this.snapshot, storageFailing: message.failing });
    };
    provider.on('stateless', onStateless);
    this.unfollow = () => provider.off('stateless', onStateless);
  }

  add(kind: NoticeKind) {
    const set = this.env.setTimeout ?? globalThis.setTimeout;
    const clear = this.env.clearTimeout ?? globalThis.clearTimeout;
    const old = this.timers.get(kind);
    if (old !== undefined) clear(old);
    this.timers.set(kind, set(() => this.dismiss(kind), NOTICE_MS));
    const notices = [...this.snapshot.notices.filter((n) => n.key !== kind), { key: kind, kind }];
    for (const dropped of notices.splice(0, Math.max(0, notices.length - MAX_NOTICES))) this.forgetTimer(dropped.key);
    this.update({ ...this.snapshot, notices });
  }

  dismiss = (key: NoticeKind) => {
    this.forgetTimer(key);
    if (!this.snapshot.notices.some((n) => n.key === key)) return;
    this.update({ ...this.snapshot, notices: this.snapshot.notices.filter((n) => n.key !== key) });
  };

  private forgetTimer(key: NoticeKind) {
    const timer = this.timers.get(key);
    if (timer !== undefined) (this.env.clearTimeout ?? globalThis.clearTimeout)(timer);
    this.timers.delete(key);
  }

  private update(next: ServerNotices) {
    const prev = this.snapshot;
    if (next.storageFailing === prev.storageFailing && next.notices === prev.notices) return;
    this.snapshot = next;
    this.listeners.notify();
  }

  subscribe = this.listeners.subscribe;

  getSnapshot = (): ServerNotices => this.snapshot;

  destroy() {
    this.unfollow?.();
    this.unfollow = null;
    for (const key of [...this.timers.keys()]) this.forgetTimer(key);
  }
}
