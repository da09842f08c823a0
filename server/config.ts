import path from 'node:path';

export interface AppConfig {
  /** TCP port for the web app, REST API and collaboration socket. */
  port: number;
  /** Interface to listen on. 127.0.0.1 keeps the board on this computer; 0.0.0.0 lets phones in the room join. */
  host: string;
  /** Where board files are kept (embedded lowdb store). */
  dataDir: string;
  /** The built web client; absent in API-only tests. */
  clientDir: string | null;
  /** Largest accepted REST request body, in bytes. */
  bodyLimit: number;
  /** Largest accepted websocket message, in bytes. A board's full state must fit. */
  wsMaxPayload: number;
  /** Quiet time after the last edit before a board is written, in ms. */
  storeDebounceMs: number;
  /** Longest a board waits to be written while edits keep coming, in ms. */
  storeMaxDebounceMs: number;
  /** Log requests (off in tests). */
  logger: boolean;
  /** When set, creating and listing boards needs `Authorization: Bearer <adminToken>`. */
  adminToken: string | null;
  /** Extra origins (besides the app's own) whose pages may open the live connection. */
  allowedOrigins: string[];
  /**
   * The address people open (e.g. https://bord.zorg.nl): links are built from it instead of
   * the request's Host, and a request naming another Host is refused. Null: the Host as sent.
   */
  publicUrl: string | null;
  /** Origins whose pages may show the app in a frame (CSP frame-ancestors); empty: none may. */
  frameAncestors: string[];
  /** Behind a reverse proxy: trust X-Forwarded-For/-Proto for the client's address and https. */
  trustProxy: boolean;
  /** Every budget per caller and per board; see LIMIT_VARIABLES. */
  limits: Limits;
}

/**
 * Budgets per caller and per board, all in one place. Each is an env variable (the README's
 * configuration table lists every one; config.test.ts checks that it does).
 */
export interface Limits {
  /** Live connections in total. */
  maxConnections: number;
  /** Live connections from one IP address (a ward behind one NAT counts as one address). */
  maxConnectionsPerIp: number;
  /** New live connections one IP address may open per minute. */
  connectsPerIpPerMinute: number;
  /** New live connections one link token may open per minute, once authenticated. */
  connectsPerTokenPerMinute: number;
  /** Time a socket has to authenticate before it is closed, ms. */
  authTimeoutMs: number;
  /** Bytes a socket may send (and the server hold for it) before it has authenticated. */
  unauthenticatedBytes: number;
  /** Largest presence (cursor, name) message from one connection, bytes; a larger one is dropped. */
  presenceMaxBytes: number;
  /** Presence messages one connection may send per second; past that it is closed. */
  presencePerSecond: number;
  /** Largest board, as encoded Yjs state, bytes; an edit that would pass it is refused. */
  boardMaxBytes: number;
  /** Most records (cards, links, positions, …) on one board. */
  boardMaxRecords: number;
  /** REST requests per minute per caller (link token, else IP address). */
  requestsPerMinute: number;
  /** Boards one caller may create per window (CREATE_WINDOW_MS). */
  createsPerWindow: number;
  /** The window for CREATES_PER_WINDOW, ms. */
  createWindowMs: number;
  /** Board ids one X-Board-Tokens header may name. */
  boardTokensMax: number;
  /** After a failed store: how long until it is tried again, ms. */
  storeRetryMs: number;
}

interface LimitVariable {
  env: string;
  key: keyof Limits;
  default: number;
  min: number;
  max: number;
}

/** Every limit's env variable, default and allowed range: the single source of truth. */
export const LIMIT_VARIABLES: readonly LimitVariable[] = [
  { env: 'MAX_CONNECTIONS', key: 'maxConnections', default: 2000, min: 1, max: 1_000_000 },
  { env: 'MAX_CONNECTIONS_PER_IP', key: 'maxConnectionsPerIp', default: 300, min: 1, max: 1_000_000 },
  { env: 'CONNECTS_PER_IP_PER_MINUTE', key: 'connectsPerIpPerMinute', default: 600, min: 1, max: 1_000_000 },
  { env: 'CONNECTS_PER_TOKEN_PER_MINUTE', key: 'connectsPerTokenPerMinute', default: 600, min: 1, max: 1_000_000 },
  { env: 'AUTH_TIMEOUT_MS', key: 'authTimeoutMs', default: 10_000, min: 500, max: 120_000 },
  { env: 'UNAUTHENTICATED_BYTES', key: 'unauthenticatedBytes', default: 64 * 1024, min: 4096, max: 16 * 1024 * 1024 },
  { env: 'PRESENCE_MAX_BYTES', key: 'presenceMaxBytes', default: 4096, min: 256, max: 1024 * 1024 },
  { env: 'PRESENCE_PER_SECOND', key: 'presencePerSecond', default: 60, min: 1, max: 10_000 },
  { env: 'BOARD_MAX_BYTES', key: 'boardMaxBytes', default: 32 * 1024 * 1024, min: 64 * 1024, max: 1024 * 1024 * 1024 },
  { env: 'BOARD_MAX_RECORDS', key: 'boardMaxRecords', default: 100_000, min: 10, max: 10_000_000 },
  { env: 'REQUESTS_PER_MINUTE', key: 'requestsPerMinute', default: 1200, min: 1, max: 1_000_000 },
  { env: 'CREATES_PER_WINDOW', key: 'createsPerWindow', default: 30, min: 1, max: 1_000_000 },
  { env: 'CREATE_WINDOW_MS', key: 'createWindowMs', default: 10 * 60_000, min: 1000, max: 24 * 3600_000 },
  { env: 'BOARD_TOKENS_MAX', key: 'boardTokensMax', default: 50, min: 1, max: 1000 },
  { env: 'STORE_RETRY_MS', key: 'storeRetryMs', default: 2000, min: 50, max: 600_000 },
];

export const defaultLimits = (): Limits => Object.fromEntries(LIMIT_VARIABLES.map((v) => [v.key, v.default])) as unknown as Limits;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export const defaultConfig = (): AppConfig => ({
  port: 3000,
  host: '127.0.0.1',
  dataDir: path.resolve('data'),
  clientDir: path.resolve('dist/client'),
  bodyLimit: 64 * 1024,
  wsMaxPayload: 8 * 1024 * 1024,
  storeDebounceMs: 500,
  storeMaxDebounceMs: 1000,
  logger: true,
  adminToken: null,
  allowedOrigins: [],
  publicUrl: null,
  frameAncestors: [],
  trustProxy: false,
  limits: defaultLimits(),
});

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function readAdminToken(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null;
  if (raw.length < 24 || /\s/.test(raw)) throw new ConfigError('ADMIN_TOKEN must be at least 24 characters without spaces (e.g. `openssl rand -base64 32`)');
  return raw;
}

function readPublicUrl(raw: string | undefined): string | null {
  if (!raw?.trim()) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ConfigError(`PUBLIC_URL must be an address like https://bord.example.nl, got "${raw}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError(`PUBLIC_URL must start with https:// or http://, got "${raw}"`);
  if (url.pathname !== '/' || url.search || url.hash) throw new ConfigError(`PUBLIC_URL is an origin without a path, got "${raw}"`);
  return url.origin;
}

function readOrigins(raw: string | undefined, name = 'ALLOWED_ORIGINS'): string[] {
  if (!raw) return [];
  return raw.split(',').map((origin) => {
    const trimmed = origin.trim();
    let url: URL;
    try {
      url = new URL(trimmed);
    } catch {
      throw new ConfigError(`${name} must be a comma-separated list of origins like https://bord.example.nl, got "${trimmed}"`);
    }
    if (url.origin !== trimmed.replace(/\/$/, '')) throw new ConfigError(`${name} entries are origins without a path, got "${trimmed}"`);
    return url.origin;
  });
}

function readSwitch(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '' || raw === '0' || raw === 'false' || raw === 'off') return false;
  if (raw === '1' || raw === 'true' || raw === 'on') return true;
  throw new ConfigError(`${name} must be on or off, got "${env[name]}"`);
}

/** Reads the configuration from environment variables; throws ConfigError naming the variable on a bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const defaults = defaultConfig();
  const host = env.HOST?.trim() || defaults.host;
  if (!/^[A-Za-z0-9.:\-[\]]+$/.test(host)) throw new ConfigError(`HOST must be a host name or IP address, got "${env.HOST}"`);
  const config: AppConfig = {
    port: integer(env, 'PORT', defaults.port, 0, 65535),
    host,
    dataDir: env.DATA_DIR ? path.resolve(env.DATA_DIR) : defaults.dataDir,
    clientDir: env.CLIENT_DIR ? path.resolve(env.CLIENT_DIR) : defaults.clientDir,
    bodyLimit: integer(env, 'BODY_LIMIT', defaults.bodyLimit, 1024, 16 * 1024 * 1024),
    wsMaxPayload: integer(env, 'WS_MAX_PAYLOAD', defaults.wsMaxPayload, 64 * 1024, 256 * 1024 * 1024),
    storeDebounceMs: integer(env, 'STORE_DEBOUNCE_MS', defaults.storeDebounceMs, 0, 500),
    storeMaxDebounceMs: integer(env, 'STORE_MAX_DEBOUNCE_MS', defaults.storeMaxDebounceMs, 0, 1000),
    logger: env.LOG !== 'off',
    adminToken: readAdminToken(env.ADMIN_TOKEN),
    allowedOrigins: readOrigins(env.ALLOWED_ORIGINS),
    publicUrl: readPublicUrl(env.PUBLIC_URL),
    frameAncestors: readOrigins(env.FRAME_ANCESTORS, 'FRAME_ANCESTORS'),
    trustProxy: readSwitch(env, 'TRUST_PROXY'),
    limits: Object.fromEntries(LIMIT_VARIABLES.map((v) => [v.key, integer(env, v.env, v.default, v.min, v.max)])) as unknown as Limits,
  };
  if (config.storeMaxDebounceMs < config.storeDebounceMs) {
    throw new ConfigError('STORE_MAX_DEBOUNCE_MS must be at least STORE_DEBOUNCE_MS');
  }
  return config;
}
