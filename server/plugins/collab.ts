import fp from 'fastify-plugin';
import websocket from '@fastify/websocket';
import { Hocuspocus, type Document } from '@hocuspocus/server';
import type { IncomingMessage } from 'node:http';
import * as Y from 'yjs';
import { migrateBoard } from '../../shared/docVersion.ts';
import { readMeta } from '../../shared/docSchema.ts';
import { COLLAB_PATH, encodeStoredMessage } from '../../shared/collabProtocol.ts';
import { CloseCodes } from '../errors.ts';
import type { BoardStore } from '../store/boardStore.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The collaboration server; REST routes use openDirectConnection to read live boards. */
    hocuspocus: Hocuspocus;
  }
}

export interface CollabOptions {
  wsMaxPayload: number;
  storeDebounceMs: number;
  storeMaxDebounceMs: number;
}

/** Hocuspocus needs a WHATWG Request; Fastify's websocket route gives Node's. */
function toWebRequest(request: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  return new Request(new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`), { headers });
}

/**
 * Live collaboration at /collab: one Hocuspocus document per board (name = board id),
 * loaded from and stored to the board store. After each durable write the board's
 * clients are told which state is stored, which drives their "Saved" indicator.
 */
export const collabPlugin = fp<CollabOptions>(
  async (app, options) => {
    const store: BoardStore = app.boards;
    /** What each open board's clients were last told is stored. */
    const lastStored = new Map<string, string>();

    async function save(documentName: string, document: Y.Doc) {
      // State and snapshot are taken in the same tick, so the snapshot describes exactly what is written.
      const state = Y.encodeStateAsUpdate(document);
      const message = encodeStoredMessage(document);
      const meta = readMeta(document);
      await store.save({
        summary: { id: documentName, title: meta.title, createdAt: meta.createdAt, updatedAt: Date.now() },
        schemaVersion: meta.schemaVersion,
        state,
      });
      return message;
    }

    const hocuspocus = new Hocuspocus({
      name: 'iedereen',
      quiet: true,
      debounce: options.storeDebounceMs,
      maxDebounce: options.storeMaxDebounceMs,
      async onAuthenticate({ documentName }) {
        // Access tokens come with the access issue; for now a board only has to exist.
        if (!(await store.get(documentName))) throw new Error(CloseCodes.BOARD_NOT_FOUND.reason);
      },
      async onLoadDocument({ documentName, document }) {
        const stored = await store.load(documentName);
        if (!stored) throw new Error(CloseCodes.BOARD_NOT_FOUND.reason);
        Y.applyUpdate(document, stored.state);
        const migration = migrateBoard(document);
        if (migration.status === 'migrated') {
          app.log.info({ board: documentName, ...migration }, 'board migrated');
          lastStored.set(documentName, await save(documentName, document));
        } else {
          if (migration.status === 'newer') app.log.warn({ board: documentName, ...migration }, 'board written by a newer version');
          lastStored.set(documentName, encodeStoredMessage(document));
        }
      },
      async onStoreDocument({ documentName, document }) {
        const message = await save(documentName, document);
        lastStored.set(documentName, message);
        document.broadcastStateless(message);
      },
      async connected({ documentName, connection }) {
        const message = lastStored.get(documentName);
        if (message) connection.sendStateless(message);
      },
      async afterUnloadDocument({ documentName }) {
        lastStored.delete(documentName);
      },
    });
    app.decorate('hocuspocus', hocuspocus);

    await app.register(websocket, { options: { maxPayload: options.wsMaxPayload } });
    app.get(COLLAB_PATH, { websocket: true }, (socket, request) => {
      const connection = hocuspocus.handleConnection(socket, toWebRequest(request.raw));
      socket.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
        const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
        connection.handleMessage(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      });
      socket.on('close', (code: number, reason: Buffer) => connection.handleClose({ code, reason: reason.toString() }));
    });

    // Before the sockets close: write every board that has unstored edits, and wait for it.
    // (flushPendingStores() cannot be awaited, so the debouncer is driven directly.)
    app.addHook('preClose', async () => {
      const pending: Promise<unknown>[] = [];
      hocuspocus.documents.forEach((document: Document) => {
        const id = `onStoreDocument-${document.name}`;
        if (!document.isLoading && hocuspocus.debouncer.isDebounced(id)) pending.push(hocuspocus.debouncer.executeNow(id));
      });
      await Promise.allSettled(pending);
      // A store that was already running when we got here holds the document's save lock.
      await Promise.all([...hocuspocus.documents.values()].map((document) => document.saveMutex.waitForUnlock()));
      hocuspocus.closeConnections();
    });
  },
  { name: 'collab', dependencies: ['persistence'] },
);
