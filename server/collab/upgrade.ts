import type { FastifyBaseLogger } from 'fastify';
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';
import { COLLAB_PATH } from '../../shared/collabProtocol.ts';
import { ErrorCodes, errorBody, type ErrorCode } from '../errors.ts';
import type { AdmitRefusal, ConnectionBudget } from '../access/connectionBudget.ts';
import { hostAllowed } from '../access/hostCheck.ts';

/**
 * Browsers always send Origin on a websocket upgrade; a page on another site must not
 * be able to open a board in a visitor's browser. Non-browser clients send none.
 */
function originAllowed(origin: string | undefined, host: string | undefined, allowed: readonly string[]): boolean {
  if (!origin) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Headers of the websocket handshake itself: of no use once the socket is open. */
const HANDSHAKE_HEADERS = new Set(['connection', 'upgrade', 'sec-websocket-key', 'sec-websocket-version', 'sec-websocket-extensions', 'sec-websocket-protocol']);

/**
 * What Hocuspocus gets as the connection's request: it reads only `headers` (handed to
 * hooks as requestHeaders) and `url` (for requestParameters), so instead of a WHATWG
 * Request (a URL, an AbortSignal, a headers list: ~1 KB per connection) it gets just those,
 * with the url as the path and query.
 */
function upgradeRequest(request: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (HANDSHAKE_HEADERS.has(name) || value === undefined) continue;
    if (typeof value === 'string') headers.set(name, value);
    else for (const v of value) headers.append(name, v);
  }
  return { url: request.url ?? '/', headers } as unknown as Request;
}

/** A socket's error listener that keeps nothing alive (a closure here would hold on to the upgrade request). */
function destroyOnError(this: Duplex) {
  this.destroy();
}

/** Answers an upgrade that is not accepted with a plain HTTP error, as the REST API would. */
function refuseUpgrade(socket: Duplex, status: number, body: unknown, headers: Record<string, string> = {}) {
  const json = JSON.stringify(body);
  const extra = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\n${extra}Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`,
  );
}

/** The last of a comma-separated forwarding header's entries (what the nearest proxy added). */
function lastEntry(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header.join(',') : header;
  return value?.split(',').at(-1)?.trim() || undefined;
}

/** How each connection-budget refusal is answered at the upgrade. */
const UPGRADE_REFUSALS: Record<AdmitRefusal, { status: number; code: ErrorCode; message: string; retryAfter: string }> = {
  'too-many-connections': { status: 503, code: ErrorCodes.SERVER_BUSY, message: 'The server has too many live connections right now: try again in a minute.', retryAfter: '30' },
  'too-many-from-address': { status: 503, code: ErrorCodes.SERVER_BUSY, message: 'Too many live connections come from your network right now: try again in a minute.', retryAfter: '30' },
  'connecting-too-often': { status: 429, code: ErrorCodes.RATE_LIMITED, message: 'Your network opens live connections too often: try again in a minute.', retryAfter: '60' },
};

export interface UpgradeOptions {
  /** Origins besides the app's own whose pages may connect. */
  allowedOrigins: string[];
  /** Behind a reverse proxy: the caller's address and host are the ones the proxy passes on. */
  trustProxy: boolean;
  /** PUBLIC_URL: when set, upgrades naming another Host are refused. */
  publicUrl: string | null;
  connectionBudget: ConnectionBudget;
  wss: WebSocketServer;
  log: FastifyBaseLogger;
  /** A socket that passed every check; `request` is what Hocuspocus gets (see upgradeRequest). */
  onAccepted(ws: WebSocket, request: Request): void;
}

/**
 * The handler for the HTTP server's 'upgrade' event: only COLLAB_PATH, only the public
 * host (DNS rebinding), only allowed origins, only within the connection budget; everything
 * else gets an HTTP error, as REST would answer. The live connection has its own upgrade
 * path rather than a Fastify route: a route (via @fastify/websocket) keeps the Fastify
 * request and reply, Node's request and response and a WHATWG Request alive for as long as
 * the socket is open, ~3 KB per idle connection. Here an open socket keeps only what
 * Hocuspocus uses.
 */
export function createUpgradeHandler(options: UpgradeOptions) {
  const { connectionBudget, wss, log } = options;

  /** The host the person asked for: behind a trusted proxy the one it passes on (as Fastify's request.host for REST). */
  function requestHost(request: IncomingMessage): string | undefined {
    const forwarded = options.trustProxy ? lastEntry(request.headers['x-forwarded-host']) : undefined;
    return forwarded || request.headers.host;
  }

  function callerAddress(request: IncomingMessage): string {
    if (options.trustProxy) {
      // The address our (one, trusted) proxy saw is the last entry; earlier ones a client can write itself.
      const last = lastEntry(request.headers['x-forwarded-for']);
      if (last) return last;
    }
    return request.socket.remoteAddress ?? 'unknown';
  }

  return (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', destroyOnError);
    const path = (request.url ?? '').split('?')[0];
    if (path !== COLLAB_PATH) return refuseUpgrade(socket, 404, errorBody(ErrorCodes.NOT_FOUND, 'There is no live connection here.'));
    // As for REST (security.ts): with PUBLIC_URL set, a page reached under another host name (DNS rebinding) is refused.
    const host = requestHost(request);
    if (!hostAllowed(host, options.publicUrl)) {
      return refuseUpgrade(socket, 421, errorBody(ErrorCodes.HOST_NOT_ALLOWED, `This server answers for ${options.publicUrl} only.`));
    }
    if (!originAllowed(request.headers.origin, host, options.allowedOrigins)) {
      return refuseUpgrade(socket, 403, errorBody(ErrorCodes.ORIGIN_NOT_ALLOWED, 'This page may not open the live connection.'));
    }
    const admitted = connectionBudget.admit(callerAddress(request));
    if (!admitted.ok) {
      log.warn({ reason: admitted.reason, connections: connectionBudget.connections }, 'live connection refused: over the connection budget');
      const refusal = UPGRADE_REFUSALS[admitted.reason];
      return refuseUpgrade(socket, refusal.status, errorBody(refusal.code, refusal.message), { 'Retry-After': refusal.retryAfter });
    }
    const light = upgradeRequest(request);
    wss.handleUpgrade(request, socket, head, (ws) => {
      // ws has its own error handling from here on.
      socket.off('error', destroyOnError);
      ws.once('close', admitted.release);
      options.onAccepted(ws, light);
    });
  };
}
