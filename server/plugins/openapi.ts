import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';

/**
 * The OpenAPI description, generated from the routes' own schemas so it cannot drift
 * from them; served at /api/openapi.json. Register before the routes.
 */
export const openApiPlugin = fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: 'Iedereen API',
          version: '1',
          description:
            'Boards, their links and sessions, and the skill index. Board routes need a board link token as `Authorization: Bearer <token>` (the part after `#t=` in a link).',
        },
        components: { securitySchemes: { boardLink: { type: 'http', scheme: 'bearer', description: 'a board link token or the instance admin token' } } },
        security: [{ boardLink: [] }],
      },
      hideUntagged: false,
    });
    app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi' },
);
