import Fastify, { type FastifyError, type FastifyInstance, type RouteOptions } from 'fastify';
import type { AppConfig } from './config.ts';
import { BoardDamagedError, type BoardStore } from './store/boardStore.ts';
import { LowdbBoardStore } from './store/lowdbBoardStore.ts';
import { persistencePlugin } from './plugins/persistence.ts';
import { accessPlugin } from './plugins/access.ts';
import { collabPlugin } from './plugins/collab.ts';
import { clientAssetsPlugin } from './plugins/clientAssets.ts';
import { healthRoutes } from './routes/health.ts';
import { boardRoutes } from './routes/boards.ts';
import { boardStateRoutes } from './routes/boardState.ts';
import { accessRoutes } from './routes/access.ts';
import { indexRoutes } from './routes/index.ts';
import { skillIndexPlugin } from './plugins/skillIndex.ts';
import { openApiPlugin } from './plugins/openapi.ts';
import { ErrorCodes, errorBody } from './errors.ts';
import { requestSerializer, securityPlugin } from './plugins/security.ts';

export interface BuildOptions {
  /** Use this store instead of opening the lowdb store in config.dataDir. */
  store?: BoardStore;
  /** Where log lines go when logging is on (tests read them). */
  logStream?: NodeJS.WritableStream;
  /** Called for every route as it is added (tests compare routes with the OpenAPI description). */
  onRoute?: (route: RouteOptions) => void;
  /** How long cursor moves are gathered before they go out together (default PRESENCE_WINDOW_MS; tests stretch it). */
  presenceWindowMs?: number;
  /** Tests: how long a board must be quiet before its change log is folded (see server/collab/boardPersistence.ts). */
  foldQuietMs?: number;
}

/** Builds the whole app without listening, so tests can inject requests or listen on port 0. */
export async function buildApp(config: AppConfig, { store, logStream, onRoute, presenceWindowMs, foldQuietMs }: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logger ? { level: 'info', serializers: { req: requestSerializer }, ...(logStream ? { stream: logStream } : {}) } : false,
    // Behind one reverse proxy (TRUST_PROXY): the client's address is the one that proxy saw (the
    // last X-Forwarded-For entry), and X-Forwarded-Proto/-Host are believed. Only the nearest hop
    // is trusted, so a client cannot pick its address by sending an X-Forwarded-For of its own.
    trustProxy: config.trustProxy ? (_address: string, hop: number) => hop === 0 : false,
    bodyLimit: config.bodyLimit,
    // Clients keep sockets open; a restart must not wait for them.
    forceCloseConnections: true,
    // Strict bodies: a wrong type or an unknown field is a 400, not silently coerced or dropped.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: false } },
  });

  if (onRoute) app.addHook('onRoute', onRoute);

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation) {
      const first = error.validation[0];
      const params = first?.params as { missingProperty?: string; additionalProperty?: string } | undefined;
      const named = params?.missingProperty ?? params?.additionalProperty;
      const field = `${first?.instancePath ?? ''}${named ? `/${named}` : ''}`;
      const path = `${error.validationContext ?? 'body'}${field}`;
      return reply.code(400).send(errorBody(ErrorCodes.INVALID_REQUEST, `${path} ${first?.message ?? 'is invalid'}`, path));
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.code(413).send(errorBody(ErrorCodes.BODY_TOO_LARGE, `Request body is larger than ${config.bodyLimit} bytes`));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.code(error.statusCode).send(errorBody(ErrorCodes.INVALID_REQUEST, error.message, 'body'));
    }
    // The board's file is damaged: a 503 that says so, never a 500.
    if (error instanceof BoardDamagedError) {
      request.log.error({ boardId: error.boardId, file: error.file }, error.message);
      return reply.code(503).send(errorBody(ErrorCodes.BOARD_DAMAGED, error.publicMessage));
    }
    request.log.error(error);
    return reply.code(500).send(errorBody(ErrorCodes.INTERNAL, 'Something went wrong on the server.'));
  });

  // Before every route: its hooks (headers, Host check, rate limits) cover only routes declared after it.
  await app.register(securityPlugin, { config });
  // The store reports damaged files and fallbacks through the app's log; with request logs
  // off (LOG=off) its warnings and errors still reach stderr: an operator must see them.
  const log = (level: 'info' | 'warn' | 'error', obj: object, msg: string) => {
    if (config.logger) app.log[level](obj, msg);
    else if (level !== 'info') console.error(`Iedereen: ${msg}`, obj);
  };
  await app.register(persistencePlugin, { store: store ?? (await LowdbBoardStore.open(config.dataDir, { log })) });
  await app.register(accessPlugin, { adminToken: config.adminToken });
  await app.register(collabPlugin, {
    wsMaxPayload: config.wsMaxPayload,
    storeDebounceMs: config.storeDebounceMs,
    storeMaxDebounceMs: config.storeMaxDebounceMs,
    allowedOrigins: config.allowedOrigins,
    presenceWindowMs,
    foldQuietMs,
    limits: config.limits,
    trustProxy: config.trustProxy,
    publicUrl: config.publicUrl,
  });
  await app.register(skillIndexPlugin);
  await app.register(openApiPlugin);
  await app.register(healthRoutes);
  await app.register(boardRoutes);
  await app.register(boardStateRoutes);
  await app.register(accessRoutes);
  await app.register(indexRoutes);
  await app.register(clientAssetsPlugin, { clientDir: config.clientDir });
  return app;
}
