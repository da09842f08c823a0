import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ROLES } from '../../shared/session.ts';
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

/** The shareable address of a board for a role. The token rides in the fragment, which browsers never send to a server. */
export const boardLink = (origin: string, boardId: string, token: string) => `${origin}/b/${boardId}#t=${token}`;
/** Where links point: PUBLIC_URL when set (requests naming another Host never get this far, see security.ts), else the request's own origin. */
export const requestOrigin = (request: FastifyRequest) => request.server.publicUrl ?? `${request.protocol}://${request.host}`;

const linksSchema = {
  type: 'object',
  required: [...ROLES],
  properties: Object.fromEntries(ROLES.map((role) => [role, { type: 'string', description: `${role} link; the token is in the #t= fragment` }])),
} as const;

export const boardParamsSchema = {
  type: 'object',
  required: ['boardId'],
  properties: { boardId: { type: 'string', pattern: BOARD_ID_PATTERN } },
} as const;

export const boardRoutes: FastifyPluginAsync = async (app) => {
  // Board titles name wards and teams: only the operator may see them all. Without an
  // ADMIN_TOKEN nobody can (people find their own boards through their links).
  const requireListAdmin = async (request: FastifyRequest, reply: FastifyReply) => {
    if (app.adminTokenHash === null) {
      return reply.code(403).send(errorBody(ErrorCodes.ADMIN_REQUIRED, 'Listing all boards needs the instance admin token (ADMIN_TOKEN).'));
    }
    return app.requireAdmin(request, reply);
  };

  app.get(
    '/api/boards',
    {
      preHandler: requireListAdmin,
      schema: {
        summary: 'Every board on this server: needs the instance admin token (ADMIN_TOKEN); without one configured it answers 403',
        response: {
          200: { type: 'object', required: ['boards'], properties: { boards: { type: 'array', items: boardSummarySchema } } },
          401: errorBodySchema,
          403: errorBodySchema,
        },
      },
    },
    async () => ({ boards: await app.boards.list() }),
  );

  app.post<{ Body: { title?: string; template?: BoardTemplate } | undefined }>(
    '/api/boards',
    {
      preHandler: app.requireAdmin,
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            title: { type: 'string', maxLength: BOARD_TITLE_MAX },
            template: { type: 'string', enum: [...BOARD_TEMPLATES], description: 'starting content; default empty' },
          },
        },
        response: {
          201: { ...boardSummarySchema, required: [...boardSummarySchema.required, 'links'], properties: { ...boardSummarySchema.properties, links: linksSchema } },
          400: errorBodySchema,
        },
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
      const tokens = await app.access.createBoardAccess(summary.id);
      const origin = requestOrigin(request);
      const links = Object.fromEntries(ROLES.map((role) => [role, boardLink(origin, summary.id, tokens[role])]));
      return reply.code(201).send({ ...summary, links });
    },
  );

  app.get<{ Params: { boardId: string } }>(
    '/api/boards/:boardId',
    {
      preHandler: app.requireBoardRole('viewer'),
      schema: {
        params: boardParamsSchema,
        response: {
          200: { ...boardSummarySchema, required: [...boardSummarySchema.required, 'role'], properties: { ...boardSummarySchema.properties, role: { enum: [...ROLES] } } },
          401: errorBodySchema,
          404: errorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const summary = await app.boards.get(request.params.boardId);
      if (!summary) return reply.code(404).send(errorBody(ErrorCodes.BOARD_NOT_FOUND, 'This board does not exist.'));
      return { ...summary, role: request.boardRole };
    },
  );
};
