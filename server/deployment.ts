import type { AppConfig } from './config.ts';

/** Whether HOST keeps the server on this computer (only it can reach the port). */
export function isLoopbackHost(host: string): boolean {
  const bare = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare) || /^::ffff:127(\.\d{1,3}){3}$/.test(bare);
}

/** Whether browsers reach this server over TLS: PUBLIC_URL is https, or a proxy in front terminates TLS (TRUST_PROXY). */
const hasTls = (config: Pick<AppConfig, 'publicUrl' | 'trustProxy'>) => config.publicUrl?.startsWith('https://') === true || config.trustProxy;

/**
 * Plain-English warnings for the operator, printed once at start (server/index.ts). None
 * stops the server: a board on one computer, or in a test, needs no setup.
 */
export function startupWarnings(config: Pick<AppConfig, 'host' | 'publicUrl' | 'trustProxy' | 'adminToken'>): string[] {
  const warnings: string[] = [];
  if (!isLoopbackHost(config.host) && !hasTls(config) && config.adminToken === null) {
    warnings.push(
      `HOST=${config.host} lets other computers and phones reach Iedereen, but there is no TLS ` +
        '(PUBLIC_URL does not start with https:// and TRUST_PROXY is off) and no ADMIN_TOKEN. ' +
        'Board links, and the tokens in them, then travel unencrypted over the ward Wi-Fi: anyone on the same network can read them and open the boards, ' +
        'and anyone who can reach this server can create boards. ' +
        'Put a reverse proxy with TLS in front and set PUBLIC_URL=https://… and TRUST_PROXY=on ' +
        '(README: "Running it for a ward: TLS behind a reverse proxy"), and set ADMIN_TOKEN; ' +
        'or set HOST=127.0.0.1 to keep the board on this computer.',
    );
  }
  return warnings;
}
