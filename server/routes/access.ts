import type { FastifyPluginAsync } from 'fastify';
import { ROLES, type Role, type SessionCommand } from '../../shared/session.ts';
import { MAX_TIMER_MS } from '../../shared/session.ts';
import { ErrorCodes, errorBody, errorBodySchema } from '../errors.ts';
import { boardLink, boardParamsSchema, requestOrigin } from './boards.ts';

const roleParamsSchema = {
  type: 'object',
  required: ['boardId', 'role'],
  properties: { ...boardParamsSchema.properties, role: { enum: [...ROLES] } },
} as const;

const sessionSchema = {
  type: 'object',
  required: ['locked', 'timer', 'bringEveryoneTo'],
  properties: {
    locked: { type: 'boolean' },
    timer: {
      type: 'object',
      required: ['durationMs', 'endsAt', 'remainingMs'],
      properties: { durationMs: { type: 'number' }, endsAt: { type: ['number', 'null'] }, remainingMs: { type: 'number' } },
    },
    bringEveryoneTo: { type: ['number', 'null'] },
  },
} as const;

/** Link management and session controls: the facilitator's tools. */
export const accessRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { boardId: string } }>(
    '/api/boards/:boardId/links',
    {
      preHandler: app.requireBoardRole('facilitator'),
      schema: {
        params: boardParamsSchema,
        response: {
          200: {
            type: 'object',
            properties: Object.fromEntries(
              ROLES.map((role) => [role, { type: 'object', properties: { active: { type: 'boolean' }, changedAt: { type: 'number' } } }]),
            ),
          },
        },
      },
    },
    async (request) => app.access.linkStatus(request.params.boardId),
  );

  app.post<{ Params: { boardId: string; role: Role } }>(
    '/api/boards/:boardId/links/:role',
    {
      preHandler: app.requireBoardRole('facilitator'),
      schema: {
        params: roleParamsSchema,
        response: { 200: { type: 'object', required: ['role', 'link'], properties: { role: { type: 'string' }, link: { type: 'string' } } } },
      },
    },
    async (request) => {
      const { boardId, role } = request.params;
      const token = await app.access.rotate(boardId, role);
      return { role, link: boardLink(requestOrigin(request), boardId, token) };
    },
  );

  app.delete<{ Params: { boardId: string; role: Role } }>(
    '/api/boards/:boardId/links/:role',
    { preHandler: app.requireBoardRole('facilitator'), schema: { params: roleParamsSchema, response: { 400: errorBodySchema } } },
    async (request, reply) => {
      const { boardId, role } = request.params;
      // Without a facilitator link nobody could manage the board again; rotate it instead.
      if (role === 'facilitator') return reply.code(400).send(errorBody(ErrorCodes.INVALID_REQUEST, 'The facilitator link can be replaced, not revoked.', 'params/role'));
      await app.access.revoke(boardId, role);
      return reply.code(204).send();
    },
  );

  app.get<{ Params: { boardId: string } }>(
    '/api/boards/:boardId/session',
    {
      preHandler: app.requireBoardRole('viewer'),
      schema: { params: boardParamsSchema, response: { 200: { type: 'object', properties: { session: sessionSchema, serverNow: { type: 'number' } } } } },
    },
    async (request) => ({ session: await app.access.session(request.params.boardId), serverNow: Date.now() }),
  );

  app.post<{ Params: { boardId: string }; Body: SessionCommand }>(
    '/api/boards/:boardId/session',
    {
      preHandler: app.requireBoardRole('facilitator'),
      schema: {
        params: boardParamsSchema,
        body: {
          type: 'object',
          required: ['type'],
          additionalProperties: false,
          properties: {
            type: { enum: ['lock', 'unlock', 'timer-start', 'timer-pause', 'timer-reset', 'bring-everyone', 'release-everyone'] },
            durationMs: { type: 'integer', minimum: 1000, maximum: MAX_TIMER_MS },
            clientId: { type: 'integer', minimum: 0 },
          },
        },
        response: { 200: { type: 'object', properties: { session: sessionSchema, serverNow: { type: 'number' } } } },
      },
    },
    async (request, reply) => {
      const command = request.body;
      if (command.type === 'bring-everyone' && command.clientId === undefined) {
        return reply.code(400).send(errorBody(ErrorCodes.INVALID_REQUEST, 'body/clientId is required to bring everyone', 'body/clientId'));
      }
      return { session: await app.access.command(request.params.boardId, command), serverNow: Date.now() };
    },
  );
};
