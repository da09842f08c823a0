import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig, Limits } from '../config.ts';
import { ErrorCodes, errorBody, errorBodySchema } from '../errors.ts';
import { bearerToken } from './access.ts';
import { hostAllowed } from '../access/hostCheck.ts';
import { hashToken } from '../access/tokens.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** PUBLIC_URL: the origin every link is built from; null: each request's own. */
    publicUrl: string | null;
    /** Every budget (config.limits), for routes that enforce one. */
    limits: Readonly<Limits>;
  }
}

/**
 * What a browser gets told about this app, who may reach it and how often:
 * security headers (helmet, with a CSP the built client runs under), the Host check
 * against PUBLIC_URL, HSTS on TLS, and the REST rate limits. Register it before the
 * routes (its hooks only cover routes declared after it).
 */

/** Paths that are answered whatever the Host and never rate limited: load balancers probe them by IP. */
export const PROBE_PATHS: ReadonlySet<string> = new Set(['/api/health', '/api/ready']);

/** The tight budget: creating boards (CREATES_PER_WINDOW per CREATE_WINDOW_MS). */
const isCreate = (request: FastifyRequest) => request.method === 'POST' && request.routeOptions.url === '/api/boards';

/** REST is what the limits cover: the web client's files and the live socket (its own limits, see server/collab/) are not. */
const isRest = (url: string) => url.startsWith('/api/') || url === '/api';

const pathOf = (url: string) => url.split('?')[0];

/** sha-256 CSP sources for every inline script (no src) in an HTML page. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (/\bsrc\s*=/i.test(match[1]) || match[2] === '') continue;
    hashes.push(`'sha256-${createHash('sha256').update(match[2], 'utf8').digest('base64')}'`);
  }
  return hashes;
}

/** The hashes of the built client's inline scripts (the early-board boot script, see vite.config.ts); none without a build. */
export function clientScriptHashes(clientDir: string | null): string[] {
  if (!clientDir) return [];
  const index = path.join(clientDir, 'index.html');
  return existsSync(index) ? inlineScriptHashes(readFileSync(index, 'utf8')) : [];
}

/** What script-src allows beyond our own files and the boot script's hash: nothing (see cspDirectives). */
export const SCRIPT_EVAL: readonly string[] = [];

/** The directives of the Content-Security-Policy (exported for the test). */
export function cspDirectives(config: Pick<AppConfig, 'publicUrl' | 'frameAncestors'>, scriptHashes: readonly string[]) {
  const connect = ["'self'"];
  // 'self' covers the same-origin ws:/wss: socket in current browsers (CSP 3); naming it keeps older ones working.
  if (config.publicUrl) connect.push(config.publicUrl.replace(/^http/, 'ws'));
  return {
    'default-src': ["'self'"],
    'base-uri': ["'none'"],
    'object-src': ["'none'"],
    // No 'unsafe-eval': shared/docSchema.ts falls back to TypeBox's interpreted checker when
    // the page refuses its compiled one (new Function); that one refusal is the only violation.
    'script-src': ["'self'", ...scriptHashes, ...SCRIPT_EVAL],
    'script-src-attr': ["'none'"],
    // React and Konva set styles through the CSSOM (element.style), which CSP does not govern; no inline <style> is used.
    'style-src': ["'self'"],
    // data: and blob: for images made in the page (exports, pasted pictures); no other origin.
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': connect,
    'worker-src': ["'self'", 'blob:'],
    'manifest-src': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': config.frameAncestors.length > 0 ? [...config.frameAncestors] : ["'none'"],
  };
}

/** Whether the browser reached us over TLS: PUBLIC_URL says https (a proxy in front terminates it), or the request itself was (TRUST_PROXY: X-Forwarded-Proto). */
const overTls = (request: FastifyRequest, publicUrl: string | null) => publicUrl?.startsWith('https:') === true || request.protocol === 'https';

export const HSTS = 'max-age=31536000';

/** At most this many token hashes are remembered as known good (see knownTokens). */
const KNOWN_TOKENS_MAX = 10_000;

export const securityPlugin = fp<{ config: AppConfig }>(
  async (app, { config }) => {
    const { publicUrl, limits } = config;
    app.decorate('publicUrl', publicUrl);
    app.decorate('limits', Object.freeze({ ...limits }));

    // Every REST route can answer these; the OpenAPI description (openapi.ts) says so per route.
    app.addHook('onRoute', (route) => {
      if (!isRest(route.url) || PROBE_PATHS.has(route.url) || route.schema?.hide) return;
      const response = { ...((route.schema?.response as Record<string, unknown> | undefined) ?? {}) };
      response[421] ??= { ...errorBodySchema, description: 'HOST_NOT_ALLOWED: the request named a Host other than PUBLIC_URL’s' };
      response[429] ??= { ...errorBodySchema, description: 'RATE_LIMITED: too many requests from this caller; the Retry-After header gives the seconds to wait' };
      if (route.url.startsWith('/api/boards/:boardId')) {
        response[503] ??= { ...errorBodySchema, description: 'BOARD_DAMAGED: the board’s file on the server is damaged; an operator must restore it' };
      }
      route.schema = { ...route.schema, response };
    });

    await app.register(helmet, {
      contentSecurityPolicy: { useDefaults: false, directives: cspDirectives(config, clientScriptHashes(config.clientDir)) },
      // X-Frame-Options cannot name allowed origins: with FRAME_ANCESTORS the CSP alone decides.
      frameguard: config.frameAncestors.length > 0 ? false : { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      // Only on TLS (below): HSTS over plain http on a ward's LAN would lock browsers out of it.
      strictTransportSecurity: false,
      // X-Content-Type-Options: nosniff is helmet's default.
    });

    app.addHook('onRequest', async (request, reply) => {
      if (overTls(request, publicUrl)) void reply.header('strict-transport-security', HSTS);
      if (publicUrl !== null && !PROBE_PATHS.has(pathOf(request.url)) && !hostAllowed(request.host, publicUrl)) {
        return reply
          .code(421)
          .send(errorBody(ErrorCodes.HOST_NOT_ALLOWED, `This server answers only for ${new URL(publicUrl).host} (PUBLIC_URL), not for the host this request named.`));
      }
    });

    // Rate limits. A caller is its link (or admin) token once that token has been seen to work,
    // else its IP address (request.ip: the proxy's X-Forwarded-For with TRUST_PROXY). Keying on
    // tokens not yet known good would give anyone a fresh budget per made-up token.
    const knownTokens = new Map<string, true>();
    const remember = (hash: string) => {
      knownTokens.delete(hash);
      knownTokens.set(hash, true);
      if (knownTokens.size > KNOWN_TOKENS_MAX) knownTokens.delete(knownTokens.keys().next().value!);
    };
    const tokenHashOf = (request: FastifyRequest) => {
      const token = bearerToken(request);
      return token ? hashToken(token) : null;
    };
    const callerKey = (request: FastifyRequest) => {
      const hash = tokenHashOf(request);
      return hash !== null && knownTokens.has(hash) ? `token:${hash}` : `ip:${request.ip}`;
    };

    await app.register(rateLimit, { global: false, keyGenerator: callerKey });
    const general = app.createRateLimit({ max: limits.requestsPerMinute, timeWindow: 60_000 });
    const creates = app.createRateLimit({ max: limits.createsPerWindow, timeWindow: limits.createWindowMs });

    app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      if (reply.sent || !isRest(request.url) || PROBE_PATHS.has(pathOf(request.url))) return;
      const result = await (isCreate(request) ? creates : general)(request);
      if (result.isAllowed || !result.isExceeded) return;
      const seconds = Math.max(1, result.ttlInSeconds);
      return reply
        .code(429)
        .header('retry-after', String(seconds))
        .send(errorBody(ErrorCodes.RATE_LIMITED, `Too many requests: try again in ${seconds} second${seconds === 1 ? '' : 's'}.`));
    });

    // Known good: the token opened a board (requireBoardRole set the role) or is the admin
    // token. Not merely any 2xx: /api/health answers 200 whatever token it is sent.
    app.addHook('onResponse', async (request, reply) => {
      if (reply.statusCode < 200 || reply.statusCode >= 300) return;
      const hash = tokenHashOf(request);
      if (hash !== null && (request.boardRole != null || (app.adminTokenHash !== null && hash === app.adminTokenHash))) remember(hash);
    });
  },
  { name: 'security' },
);

/**
 * Request log lines name the path and the query's parameter names, never their values: a
 * token someone put in ?t= by hand must not end up in a log.
 */
export function redactedUrl(url: string): string {
  const at = url.indexOf('?');
  if (at === -1) return url;
  const names = url
    .slice(at + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const name = pair.split('=')[0];
      return `${/^[\w.-]{1,40}$/.test(name) ? name : '_'}=[redacted]`;
    });
  return `${url.slice(0, at)}?${names.join('&')}`;
}

/** Fastify logger serializer for requests (see app.ts). */
export function requestSerializer(request: { method: string; url: string; host?: string; ip?: string; socket?: { remotePort?: number } | null }) {
  return { method: request.method, url: redactedUrl(request.url), host: request.host, remoteAddress: request.ip, remotePort: request.socket?.remotePort };
}
