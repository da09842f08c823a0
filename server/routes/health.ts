import type { FastifyPluginAsync } from 'fastify';

export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    '/api/health',
    { schema: { response: { 200: { type: 'object', required: ['status'], properties: { status: { const: 'ok' } } } } } },
    async () => ({ status: 'ok' as const }),
  );
};
