import { applySessionCommand, initialSession, ROLES, type Role, type SessionCommand, type SessionState } from '../../shared/session.ts';
import { BoardDamagedError, type BoardAccess, type BoardStore, type LinkRecord } from '../store/boardStore.ts';
import { hashToken, newToken, sameHash, TOKEN_PATTERN } from './tokens.ts';

/** Why a token does not open a board; each has its own message in the UI. 'board-damaged': the store threw BoardDamagedError (503, not the token's fault). */
export type AccessDenial = 'missing-token' | 'invalid-token' | 'link-revoked' | 'board-not-found' | 'board-damaged';

export type AccessCheck = { ok: true; role: Role } | { ok: false; reason: AccessDenial };

export type AccessEvent =
  | { type: 'link-changed'; boardId: string; role: Role }
  | { type: 'session-changed'; boardId: string; session: SessionState };

/** Earlier tokens remembered per role, for the "this link no longer works" message. */
const REVOKED_KEPT = 20;

/**
 * Board links and session state. Tokens leave here exactly once (when made) and are
 * stored only as hashes. Changes to one board are serialised, so two quick rotations
 * cannot both think they won.
 */
export class AccessService {
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly listeners = new Set<(event: AccessEvent) => void>();

  constructor(
    private readonly store: BoardStore,
    private readonly now: () => number = Date.now,
  ) {}

  onEvent(listener: (event: AccessEvent) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: AccessEvent) {
    for (const listener of this.listeners) listener(event);
  }

  private serialised<T>(boardId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(boardId) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.catch(() => undefined);
    this.queues.set(boardId, settled);
    void settled.then(() => {
      if (this.queues.get(boardId) === settled) this.queues.delete(boardId);
    });
    return next;
  }

  /** Gives a new board its three links. Returns the tokens: the only time they exist outside a browser. */
  createBoardAccess(boardId: string): Promise<Record<Role, string>> {
    return this.serialised(boardId, async () => {
      const tokens = {} as Record<Role, string>;
      const links = {} as Record<Role, LinkRecord>;
      for (const role of ROLES) {
        tokens[role] = newToken();
        links[role] = { hash: hashToken(tokens[role]), revoked: [], changedAt: this.now() };
      }
      await this.store.saveAccess(boardId, { links, session: initialSession() });
      return tokens;
    });
  }

  /** Which role a token gives on a board, or why it gives none. */
  async check(boardId: string, token: string | undefined | null): Promise<AccessCheck> {
    let access: BoardAccess | null;
    try {
      access = await this.store.getAccess(boardId);
    } catch (error) {
      if (error instanceof BoardDamagedError) return { ok: false, reason: 'board-damaged' };
      throw error;
    }
    if (!access) return { ok: false, reason: 'board-not-found' };
    if (!token) return { ok: false, reason: 'missing-token' };
    if (!TOKEN_PATTERN.test(token)) return { ok: false, reason: 'invalid-token' };
    const hash = hashToken(token);
    for (const role of ROLES) {
      const current = access.links[role].hash;
      if (current && sameHash(current, hash)) return { ok: true, role };
    }
    for (const role of ROLES) if (access.links[role].revoked.some((old) => sameHash(old, hash))) return { ok: false, reason: 'link-revoked' };
    return { ok: false, reason: 'invalid-token' };
  }

  /** A new token for `role`; the old one stops working at once (and its connections are dropped). */
  rotate(boardId: string, role: Role): Promise<string> {
    return this.change(boardId, role, () => newToken());
  }

  /** Takes a link back without a replacement. */
  async revoke(boardId: string, role: Role): Promise<void> {
    await this.change(boardId, role, () => null);
  }

  private change<T extends string | null>(boardId: string, role: Role, makeToken: () => T): Promise<T> {
    return this.serialised(boardId, async () => {
      const access = await this.required(boardId);
      const link = access.links[role];
      const token = makeToken();
      const revoked = link.hash ? [...link.revoked, link.hash].slice(-REVOKED_KEPT) : link.revoked;
      const next: BoardAccess = {
        ...access,
        links: { ...access.links, [role]: { hash: token ? hashToken(token) : null, revoked, changedAt: this.now() } },
      };
      await this.store.saveAccess(boardId, next);
      this.emit({ type: 'link-changed', boardId, role });
      return token;
    });
  }

  async session(boardId: string): Promise<SessionState> {
    return (await this.required(boardId)).session;
  }

  /** Applies a facilitator's session command and tells listeners. */
  command(boardId: string, command: SessionCommand): Promise<SessionState> {
    return this.serialised(boardId, async () => {
      const access = await this.required(boardId);
      const session = applySessionCommand(access.session, command, this.now());
      await this.store.saveAccess(boardId, { ...access, session });
      this.emit({ type: 'session-changed', boardId, session });
      return session;
    });
  }

  /** Which links are active (never the tokens). */
  async linkStatus(boardId: string): Promise<Record<Role, { active: boolean; changedAt: number }>> {
    const access = await this.required(boardId);
    const status = {} as Record<Role, { active: boolean; changedAt: number }>;
    for (const role of ROLES) status[role] = { active: access.links[role].hash !== null, changedAt: access.links[role].changedAt };
    return status;
  }

  private async required(boardId: string): Promise<BoardAccess> {
    const access = await this.store.getAccess(boardId);
    if (!access) throw new Error(`board ${boardId} has no access record`);
    return access;
  }
}
