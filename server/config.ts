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
}

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

function readOrigins(raw: string | undefined): string[] {
  if (!raw) return [];
  return raw.split(',').map((origin) => {
    const trimmed = origin.trim();
    let url: URL;
    try {
      url = new URL(trimmed);
    } catch {
      throw new ConfigError(`ALLOWED_ORIGINS must be a comma-separated list of origins like https://bord.example.nl, got "${trimmed}"`);
    }
    if (url.origin !== trimmed.replace(/\/$/, '')) throw new ConfigError(`ALLOWED_ORIGINS entries are origins without a path, got "${trimmed}"`);
    return url.origin;
  });
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
  };
  if (config.storeMaxDebounceMs < config.storeDebounceMs) {
    throw new ConfigError('STORE_MAX_DEBOUNCE_MS must be at least STORE_DEBOUNCE_MS');
  }
  return config;
}
