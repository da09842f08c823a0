import type { Hocuspocus } from '@hocuspocus/server';
import type { FastifyBaseLogger } from 'fastify';
import { CloseCodes } from '../../shared/collabProtocol.ts';
import { mayEdit, type Role, type SessionMessage, type SessionState } from '../../shared/session.ts';
import type { AccessService } from '../access/accessService.ts';
import type { BoardStore } from '../store/boardStore.ts';
import { contextOf } from './connections.ts';
import { setReadOnly } from './socketFastPath.ts';

/** The session message a connection of this role gets (on connecting and on every session change). */
export function sessionMessage(session: SessionState, role: Role): string {
  return JSON.stringify({ type: 'session', session, role, serverNow: Date.now() } satisfies SessionMessage);
}

/**
 * Carries access changes to the open boards' connections: a rotated or revoked link closes
 * the connections that used the old token; a session change (lock, timer, bring everyone)
 * makes each connection read-only or writable as mayEdit says, and tells it.
 */
export function followAccessEvents(access: AccessService, hocuspocus: Hocuspocus, store: BoardStore) {
  access.onEvent((event) => {
    const document = hocuspocus.documents.get(event.boardId);
    if (!document) return;
    if (event.type === 'link-changed') {
      void store.getAccess(event.boardId).then((stored) => {
        const currentHash = stored?.links[event.role].hash ?? null;
        for (const connection of document.getConnections()) {
          const context = contextOf(connection);
          if (context.role === event.role && context.tokenHash !== currentHash) connection.close(CloseCodes.LINK_REVOKED);
        }
      });
      return;
    }
    for (const connection of document.getConnections()) {
      const { role } = contextOf(connection);
      setReadOnly(connection, !mayEdit(role, event.session));
      connection.sendStateless(sessionMessage(event.session, role));
    }
  });
}

/**
 * "Bring everyone" points at the awareness client id of the facilitator's tab. When that
 * tab's connection goes, the id is free for anyone to claim, so the bring ends with it.
 */
export async function releaseBringEveryone(access: AccessService, log: FastifyBaseLogger, boardId: string, clientIds: number[]) {
  try {
    const session = await access.session(boardId);
    if (session.bringEveryoneTo !== null && clientIds.includes(session.bringEveryoneTo)) {
      await access.command(boardId, { type: 'release-everyone' });
    }
  } catch (error) {
    log.warn({ err: error, board: boardId }, 'could not end "bring everyone" for a closed connection');
  }
}
