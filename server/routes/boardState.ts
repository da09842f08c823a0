import type { FastifyPluginAsync } from 'fastify';
import * as Y from 'yjs';
import { DOC_SCHEMA_VERSION } from '../../shared/docVersion.ts';
import { BOARD_SNAPSHOT_TYPES } from '../../shared/boardSnapshot.ts';
import { ErrorCodes, errorBody, errorBodySchema } from '../errors.ts';
import { boardParamsSchema } from './boards.ts';

const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * An open board's snapshot, kept until its next change. A session's colleagues open the
 * board at about the same moment; encoding a 5,000-card board takes the event loop 10–30 ms
 * (over 100 ms before the encoder is warm), and meanwhile the page's own script waits
 * behind it on the same server. Held only while the document is in memory and unchanged.
 */
const snapshots = new WeakMap<Y.Doc, Buffer>();
const watched = new WeakSet<Y.Doc>();
function liveSnapshot(doc: Y.Doc): Buffer {
  let snapshot = snapshots.get(doc);
  if (snapshot) return snapshot;
  if (!watched.has(doc)) {
    watched.add(doc);
    doc.on('update', () => snapshots.delete(doc));
  }
  snapshots.set(doc, (snapshot = asBuffer(Y.encodeStateAsUpdateV2(doc))));
  return snapshot;
}

/**
 * The whole board as one Yjs update, for a page that opens it: fetched over HTTP while the
 * app's script still loads, and applied before the socket connects. A board that arrives
 * through the socket's first sync is applied with the provider already listening, so the
 * browser decodes it and then encodes it all again for the provider's update event — on a
 * 5,000-card board that, and the socket waiting on a busy page, is most of a second. The
 * socket's sync then only carries what changed since this snapshot.
 */
export const boardStateRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { boardId: string } }>(
    '/api/boards/:boardId/state',
    {
      preHandler: app.requireBoardRole('viewer'),
      schema: {
        description:
          `The whole board as one Yjs update: \`${BOARD_SNAPSHOT_TYPES.v2}\` (Y.encodeStateAsUpdateV2) when the board is open on this server, ` +
          `\`${BOARD_SNAPSHOT_TYPES.v1}\` (Y.encodeStateAsUpdate) as stored otherwise. 204 when the stored board needs a migration first: ` +
          'then the board comes with the collaboration socket\'s first sync.',
        params: boardParamsSchema,
        response: {
          204: { type: 'null', description: 'no snapshot: take the board from the socket' },
          401: errorBodySchema,
          403: errorBodySchema,
          404: errorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const id = request.params.boardId;
      reply.header('cache-control', 'no-store');
      const open = app.hocuspocus.documents.get(id);
      // An open board is the live one (it may be ahead of the store); one still loading is not yet.
      if (open && !open.isLoading) return reply.type(BOARD_SNAPSHOT_TYPES.v2).send(liveSnapshot(open));
      const stored = await app.boards.load(id);
      if (!stored) return reply.code(404).send(errorBody(ErrorCodes.BOARD_NOT_FOUND, 'This board does not exist.'));
      // The server migrates a board when it opens it; a page must never draw an unmigrated one.
      if (stored.schemaVersion !== DOC_SCHEMA_VERSION) return reply.code(204).send();
      return reply.type(BOARD_SNAPSHOT_TYPES.v1).send(asBuffer(stored.state));
    },
  );
};
