import { describe, expect, it } from 'vitest';
import { defaultConfig, type AppConfig } from './config.ts';
import { isLoopbackHost, startupWarnings } from './deployment.ts';

const config = (overrides: Partial<AppConfig>): AppConfig => ({ ...defaultConfig(), ...overrides });
const ADMIN = 'x'.repeat(32);

describe('startup warnings', () => {
  it('does warn when the server is reachable from the network with neither TLS nor an admin token', () => {
    const warnings = startupWarnings(config({ host: '0.0.0.0' }));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('HOST=0.0.0.0');
    expect(warnings[0]).toContain('unencrypted over the ward Wi-Fi');
    expect(warnings[0]).toContain('Running it for a ward: TLS behind a reverse proxy');
    expect(startupWarnings(config({ host: '192.168.1.20', publicUrl: 'http://bord.zorg.nl' }))).toHaveLength(1);
    expect(startupWarnings(config({ host: '::' }))).toHaveLength(1);
  });

  it.each<[string, Partial<AppConfig>]>([
    ['on loopback', { host: '127.0.0.1' }],
    ['on localhost', { host: 'localhost' }],
    ['on ::1', { host: '::1' }],
    ['with an https PUBLIC_URL', { host: '0.0.0.0', publicUrl: 'https://bord.zorg.nl' }],
    ['behind a TLS proxy', { host: '0.0.0.0', trustProxy: true }],
    ['with an admin token', { host: '0.0.0.0', adminToken: ADMIN }],
  ])('does not warn %s', (_, overrides) => {
    expect(startupWarnings(config(overrides))).toEqual([]);
  });

  it('does know loopback addresses', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '::1', '[::1]', '::ffff:127.0.0.1']) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.20', '10.0.0.1', 'bord.zorg.nl', '127.0.0.1.nip.io']) expect(isLoopbackHost(host), host).toBe(false);
  });
});
