import type { FastifyPluginAsync } from 'fastify';
import * as Y from 'yjs';
import { initBoard } from '../../shared/boardWrites.ts';
import { DOC_SCHEMA_VERSION } from '../../shared/docVersion.ts';
import { BOARD_TITLE_MAX } from '../../shared/records/meta.ts';
import { newId } from '../../shared/ids.ts';
import { BOARD_TEMPLATES, type BoardTemplate } from '../../shared/templates/careTeam.ts';
import { seedTemplate } from '../../shared/templates/seed.ts';
import { BOARD_ID_PATTERN } from '../store/boardStore.ts';
import { ErrorCodes, errorBody, errorBodySchema } from '../errors.ts';

const boardSummarySchema = {
  type: 'object',
  required: ['id', 'title', 'createdAt', 'updatedAt'],
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    createdAt: { type: 'number', description: 'ms since epoch' },
    updatedAt: { type: 'number', description: 'ms since epoch of the last stored change' },
  },
} as const;

const boardParamsSchema = {
  type: 'object',
  required: ['boardId'],
  properties: { boardId: { type: 'string', pattern: BOARD_ID_PATTERN } },
} as const;

export const boardRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    '/api/boards',
    {
      schema: {
        response: { 200: { type: 'object', required: ['boards'], properties: { boards: { type: 'array', items: boardSummarySchema } } } },
      },
    },
    async () => ({ boards: await app.boards.list() }),
  );

  app.post<{ Body: { title?: string; template?: BoardTemplate } | undefined }>(
    '/api/boards',
    {
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            title: { type: 'string', maxLength: BOARD_TITLE_MAX },
            template: { type: 'string', enum: [...BOARD_TEMPLATES], description: 'starting content; default empty' },
          },
        },
        response: { 201: boardSummarySchema, 400: errorBodySchema },
      },
    },
    async (request, reply) => {
      const now = Date.now();
      const doc = new Y.Doc();
      // The server seeds a new board once; clients never seed, or concurrent seeds would duplicate.
      initBoard(doc, { title: request.body?.title ?? '', now });
      seedTemplate(doc, request.body?.template ?? 'empty', now);
      const summary = { id: newId(), title: (request.body?.title ?? '').trim(), createdAt: now, updatedAt: now };
      await app.boards.save({ summary, schemaVersion: DOC_SCHEMA_VERSION, state: Y.encodeStateAsUpdate(doc) });
      doc.destroy();
      return reply.code(201).send(summary);
    },
  );

  app.get<{ Params: { boardId: string } }>(
    '/api/boards/:boardId',
    { schema: { params: boardParamsSchema, response: { 200: boardSummarySchema, 404: errorBodySchema } } },
    async (request, reply) => {
      const summary = await app.boards.get(request.params.boardId);
      if (!summary) return reply.code(404).send(errorBody(ErrorCodes.BOARD_NOT_FOUND, 'This board does not exist.'));
      return summary;
    },
  );
};
