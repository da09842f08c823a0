import type { FastifyPluginAsync } from 'fastify';
import { ErrorCodes, errorBodySchema } from '../errors.ts';

const failingSchema = {
  type: 'array',
  description: 'boards whose edits could not be written to disk: kept in memory and retried',
  items: {
    type: 'object',
    required: ['board', 'since', 'error'],
    properties: { board: { type: 'string' }, since: { type: 'number', description: 'ms since epoch' }, error: { type: 'string' } },
  },
} as const;

/**
 * /api/health: is the process serving (200 while it does), and is everything stored
 * ("degraded" names the boards whose store fails). /api/ready: may a load balancer send
 * people here — 503 while any store fails, so they go to an instance whose disk works.
 */
export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    '/api/health',
    {
      schema: {
        response: {
          200: {
            type: 'object',
            required: ['status'],
            properties: { status: { enum: ['ok', 'degraded'] }, failingStores: failingSchema },
          },
        },
      },
    },
    async () => {
      const failing = app.failingStores();
      return failing.length === 0 ? { status: 'ok' as const } : { status: 'degraded' as const, failingStores: failing };
    },
  );

  app.get(
    '/api/ready',
    {
      schema: {
        response: {
          200: { type: 'object', required: ['ready'], properties: { ready: { const: true } } },
          503: { ...errorBodySchema, properties: { ...errorBodySchema.properties, failingStores: failingSchema } },
        },
      },
    },
    async (_request, reply) => {
      const failing = app.failingStores();
      if (failing.length === 0) return { ready: true as const };
      return reply.code(503).send({
        error: { code: ErrorCodes.STORE_FAILING, message: `Storing ${failing.length === 1 ? 'a board' : `${failing.length} boards`} fails; edits are kept in memory.` },
        failingStores: failing,
      });
    },
  );
};
