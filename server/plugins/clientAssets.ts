import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ErrorCodes, errorBody } from '../errors.ts';

const isApiPath = (url: string) => url.startsWith('/api/') || url === '/api' || url.startsWith('/collab');

/**
 * Serves the built web client and answers every other page path (/, /b/<id>) with
 * its index.html, so links to boards work on reload. API paths get JSON 404s.
 */
export const clientAssetsPlugin = fp<{ clientDir: string | null }>(
  async (app, { clientDir }) => {
    const hasClient = clientDir !== null && existsSync(path.join(clientDir, 'index.html'));
    if (hasClient) {
      await app.register(fastifyStatic, { root: clientDir, wildcard: false, index: ['index.html'] });
    }
    app.setNotFoundHandler((request, reply) => {
      if (hasClient && request.method === 'GET' && !isApiPath(request.url)) {
        return reply.type('text/html').sendFile('index.html');
      }
      return reply.code(404).send(errorBody(ErrorCodes.NOT_FOUND, `Nothing at ${request.method} ${request.url.split('?')[0]}`));
    });
  },
  { name: 'client-assets' },
);
