import { Hocuspocus } from '@hocuspocus/server';
import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket } from 'ws';
import { messageYjsSyncStep2 } from 'y-protocols/sync';
import { CloseCodes, encodeServerMessage } from '../../shared/collabProtocol.ts';
import { mayEdit, parseSessionCommand } from '../../shared/session.ts';
import type { Limits } from '../config.ts';
import type { AccessService } from '../access/accessService.ts';
import type { ConnectionBudget } from '../access/connectionBudget.ts';
import { hashToken } from '../access/tokens.ts';
import { releaseBringEveryone, sessionMessage } from './accessEvents.ts';
import type { BoardBudgets } from './boardBudget.ts';
import type { BoardPersistence } from './boardPersistence.ts';
import { contextOf, type ConnectionContext, type SocketConnections } from './connections.ts';
import type { LivePresence } from './presence.ts';
import { YJS_UPDATE, type SocketFastPath } from './socketFastPath.ts';

/** Messages a socket may have queued before it authenticates (Hocuspocus's default is 1,000). */
const UNAUTHENTICATED_MESSAGES = 100;

export interface CollabServerParts {
  access: AccessService;
  persistence: BoardPersistence;
  budgets: BoardBudgets;
  fastPath: SocketFastPath;
  presence: LivePresence;
  connections: SocketConnections;
  connectionBudget: ConnectionBudget;
  limits: Limits;
  storeDebounceMs: number;
  storeMaxDebounceMs: number;
  log: FastifyBaseLogger;
  /** A socket's first connection has authenticated (its pre-authentication limits can go). */
  onSocketAuthenticated(ws: WebSocket): void;
}

/**
 * The Hocuspocus instance: one document per board (name = board id). Its hooks only hand
 * over to the parts — access checks to the AccessService, loading and storing to
 * BoardPersistence, updates Hocuspocus handles itself to the same board rules as the fast
 * path, awareness to LivePresence.
 */
export function createCollabServer(parts: CollabServerParts): Hocuspocus {
  const { access, persistence, budgets, fastPath, presence, connections, connectionBudget, limits, log } = parts;
  return new Hocuspocus({
    name: 'iedereen',
    quiet: true,
    debounce: parts.storeDebounceMs,
    maxDebounce: parts.storeMaxDebounceMs,
    // What a socket may make the server hold before it has authenticated (see LiveSockets too).
    maxUnauthenticatedQueueSize: limits.unauthenticatedBytes,
    maxUnauthenticatedQueueMessages: UNAUTHENTICATED_MESSAGES,
    async onAuthenticate({ documentName, token, connectionConfig, context }) {
      const check = await access.check(documentName, token);
      // An object with `reason` (not an Error): Hocuspocus sends the reason to the client and logs nothing.
      if (!check.ok) throw { reason: check.reason };
      const tokenHash = hashToken(token);
      const liveSocket = (context as ConnectionContext | undefined)?.liveSocket;
      if (connections.full(liveSocket) || !connectionBudget.admitToken(tokenHash)) throw { reason: CloseCodes.SERVER_BUSY.reason };
      const session = await access.session(documentName);
      connectionConfig.readOnly = !mayEdit(check.role, session);
      return { liveSocket, role: check.role, tokenHash } satisfies ConnectionContext;
    },
    async beforeSync({ connection, type, payload }) {
      // Sync step 2 and updates that Hocuspocus handles itself (a connection's messages
      // queued before it was set up): applied here with the board rules first, so that
      // Hocuspocus's own apply just after finds nothing new. Read-only ones Hocuspocus refuses.
      if ((type !== messageYjsSyncStep2 && type !== YJS_UPDATE) || connection.readOnly) return;
      if (!fastPath.applyClientUpdate(connection, payload)) throw { code: CloseCodes.BOARD_TOO_LARGE.code, reason: CloseCodes.BOARD_TOO_LARGE.reason };
    },
    async onLoadDocument({ documentName, document }) {
      const { bytes } = await persistence.fetch(documentName, document);
      budgets.track(document, bytes);
    },
    async afterLoadDocument({ document }) {
      fastPath.deferUpdateWork(document);
    },
    async onChange({ documentName }) {
      persistence.noteChanged(documentName);
    },
    async onStoreDocument({ documentName, document }) {
      await persistence.store(documentName, document);
    },
    async connected({ documentName, connection }) {
      connections.track(connection, (document, closed) => {
        const owned = presence.release(document, closed);
        if (owned.length > 0) void releaseBringEveryone(access, log, document.name, owned);
      });
      parts.onSocketAuthenticated(connection.webSocket as WebSocket);
      const { role } = contextOf(connection);
      if (role === 'facilitator' && persistence.isFailing(documentName)) connection.sendStateless(encodeServerMessage({ type: 'storage', failing: true }));
      const stored = persistence.lastStoredMessage(documentName);
      if (stored) connection.sendStateless(stored);
      connection.sendStateless(sessionMessage(await access.session(documentName), role));
    },
    async onStateless({ connection, documentName, payload }) {
      const command = parseSessionCommand(payload);
      // Session commands are the facilitator's; anyone else's are dropped, as is anything unknown.
      if (!command || contextOf(connection).role !== 'facilitator') return;
      await access.command(documentName, command);
    },
    // Awareness normally takes the fast path; this hook covers what Hocuspocus handles itself
    // (messages queued before the connection was set up).
    async beforeHandleAwareness({ connection, context, states, document }) {
      if (!connection) return;
      presence.filterStates(document, connection, (context as ConnectionContext).role, states);
    },
    async beforeUnloadDocument({ documentName, document }) {
      await persistence.beforeUnload(documentName, document);
    },
    async afterUnloadDocument({ documentName }) {
      persistence.forget(documentName);
    },
  });
}
