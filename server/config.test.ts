import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { ConfigError, LIMIT_VARIABLES, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to port 3000 on this computer, boards under ./data, and stores within a second', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', dataDir: path.resolve('data') });
    expect(config.storeDebounceMs).toBeLessThanOrEqual(500);
    expect(config.storeMaxDebounceMs).toBeLessThanOrEqual(1000);
  });

  it('reads PORT, HOST, DATA_DIR and the limits', () => {
    const config = loadConfig({ PORT: '8080', HOST: '0.0.0.0', DATA_DIR: '/tmp/boards', BODY_LIMIT: '2048', WS_MAX_PAYLOAD: '1048576' });
    expect(config).toMatchObject({ port: 8080, host: '0.0.0.0', dataDir: '/tmp/boards', bodyLimit: 2048, wsMaxPayload: 1048576 });
  });

  it.each([
    [{ PORT: 'abc' }, /PORT must be a whole number/],
    [{ PORT: '70000' }, /PORT/],
    [{ PORT: '-1' }, /PORT/],
    [{ PORT: '3000.5' }, /PORT/],
    [{ HOST: 'bad host!' }, /HOST/],
    [{ BODY_LIMIT: '10' }, /BODY_LIMIT/],
    [{ STORE_DEBOUNCE_MS: '5000' }, /STORE_DEBOUNCE_MS/],
    [{ STORE_DEBOUNCE_MS: '400', STORE_MAX_DEBOUNCE_MS: '100' }, /STORE_MAX_DEBOUNCE_MS/],
  ])('rejects %j with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe('the limits', () => {
  it('are each an env variable with a default that loadConfig reads and range-checks', () => {
    for (const variable of LIMIT_VARIABLES) {
      expect(loadConfig({}).limits[variable.key]).toBe(variable.default);
      expect(loadConfig({ [variable.env]: String(variable.max) }).limits[variable.key]).toBe(variable.max);
      expect(() => loadConfig({ [variable.env]: String(variable.min - 1) })).toThrow(variable.env);
    }
  });

  it('are all in the README configuration table, with their defaults', () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, '../README.md'), 'utf8');
    for (const variable of LIMIT_VARIABLES) expect(readme).toContain(`| \`${variable.env}\` | \`${variable.default}\` |`);
  });

  it('and every other variable the server reads are in the README too', () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, '../README.md'), 'utf8');
    const source = readFileSync(path.resolve(import.meta.dirname, 'config.ts'), 'utf8');
    const read = new Set([...source.matchAll(/env(?:\.|, ')([A-Z][A-Z_]+)/g)].map((match) => match[1]));
    expect(read.size).toBeGreaterThan(8);
    for (const name of read) expect(readme, name).toContain(`| \`${name}\` |`);
  });
});
