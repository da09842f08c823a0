import fp from 'fastify-plugin';
import type { Hocuspocus } from '@hocuspocus/server';
import { WebSocketServer } from 'ws';
import type { Limits } from '../config.ts';
import { ConnectionBudget } from '../access/connectionBudget.ts';
import { followAccessEvents } from '../collab/accessEvents.ts';
import { BoardBudgets } from '../collab/boardBudget.ts';
import { BoardPersistence, FOLD_QUIET_MS } from '../collab/boardPersistence.ts';
import { createCollabServer } from '../collab/collabServer.ts';
import { SocketConnections, tellFacilitators } from '../collab/connections.ts';
import { LiveSocket, LiveSockets } from '../collab/liveSocket.ts';
import { LivePresence, PRESENCE_WINDOW_MS } from '../collab/presence.ts';
import { SocketFastPath } from '../collab/socketFastPath.ts';
import { createUpgradeHandler } from '../collab/upgrade.ts';

export { UnstoredBoardsError } from '../collab/boardPersistence.ts';
export { PRESENCE_WINDOW_MS } from '../collab/presence.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The collaboration server; REST routes use openDirectConnection to read live boards. */
    hocuspocus: Hocuspocus;
    /** Boards whose edits the store could not write (kept in memory, retried), with the last error. */
    failingStores(): Array<{ board: string; since: number; error: string }>;
  }
}

export interface CollabOptions {
  wsMaxPayload: number;
  storeDebounceMs: number;
  storeMaxDebounceMs: number;
  /** Origins besides the app's own whose pages may connect. */
  allowedOrigins: string[];
  /** How long presence (cursor) changes are gathered before they go out together; 0: at once. */
  presenceWindowMs?: number;
  /** How long a board must go without a store before its change log is folded into the board file. */
  foldQuietMs?: number;
  /** Budgets per caller and per board (see config.ts). */
  limits: Limits;
  /** Behind a reverse proxy: the caller's address is the one the proxy saw (see server/collab/upgrade.ts). */
  trustProxy: boolean;
  /** PUBLIC_URL: when set, upgrades naming another Host are refused. */
  publicUrl: string | null;
}

/**
 * Live collaboration at /collab: composes the parts in server/collab/ — upgrade checks,
 * live sockets, the fast path for edits and presence, the Hocuspocus hooks, board
 * persistence and access events — and ties them to the app's lifecycle. After each
 * durable write the board's clients are told which state is stored ("Saved").
 */
export const collabPlugin = fp<CollabOptions>(
  async (app, options) => {
    const { limits } = options;
    const log = app.log;
    const connectionBudget = new ConnectionBudget(limits);
    const connections = new SocketConnections();
    const budgets = new BoardBudgets(limits);
    const presence = new LivePresence(limits, options.presenceWindowMs ?? PRESENCE_WINDOW_MS, log);
    const fastPath = new SocketFastPath(connections, budgets, presence, log);
    // Persistence and Hocuspocus, Hocuspocus and the sockets need each other: the arrows that
    // name a later const run only once documents load and sockets connect.
    const persistence = new BoardPersistence({
      store: app.boards,
      log,
      retryMs: limits.storeRetryMs,
      foldQuietMs: options.foldQuietMs ?? FOLD_QUIET_MS,
      documents: {
        get: (name) => hocuspocus.documents.get(name),
        unloadIfUnused: (document) => {
          if (hocuspocus.shouldUnloadDocument(document)) void hocuspocus.unloadDocument(document);
        },
      },
      onStored: (document, message) => document.broadcastStateless(message),
      onFailingChanged: tellFacilitators,
    });
    const hocuspocus = createCollabServer({
      access: app.access, persistence, budgets, fastPath, presence, connections, connectionBudget, limits, log,
      storeDebounceMs: options.storeDebounceMs, storeMaxDebounceMs: options.storeMaxDebounceMs,
      onSocketAuthenticated: (ws) => sockets.authenticated(ws),
    });
    const sockets = new LiveSockets({ hocuspocus, fastPath, log, maxPayload: options.wsMaxPayload, unauthenticatedBytes: limits.unauthenticatedBytes, authTimeoutMs: limits.authTimeoutMs });
    app.decorate('hocuspocus', hocuspocus);
    app.decorate('failingStores', () => persistence.failingStores());
    followAccessEvents(app.access, hocuspocus, app.boards);

    const wss = new WebSocketServer({ noServer: true, maxPayload: options.wsMaxPayload, WebSocket: LiveSocket });
    const { allowedOrigins, trustProxy, publicUrl } = options;
    const onUpgrade = createUpgradeHandler({ allowedOrigins, trustProxy, publicUrl, connectionBudget, wss, log, onAccepted: (ws, request) => sockets.accept(ws, request) });
    app.server.on('upgrade', onUpgrade);

    // Nothing may write to the data folder once the app has closed: stop folding, store every
    // board with unstored edits (retrying failing ones for a while), then close the sockets.
    app.addHook('preClose', async () => {
      persistence.stopFolding();
      await persistence.storeAllBeforeClose(hocuspocus);
      hocuspocus.closeConnections();
      app.server.off('upgrade', onUpgrade);
      for (const socket of wss.clients) socket.close();
      wss.close();
    });
    app.addHook('onClose', async () => persistence.settleAfterClose(hocuspocus));
  },
  { name: 'collab', dependencies: ['persistence', 'access'] },
);
