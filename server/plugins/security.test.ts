import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { buildApp } from '../app.ts';
import type { AppConfig } from '../config.ts';
import { bearer, boardFromResponse, createBoard, makeDataDir, removeDataDir, testConfig, tokenOf } from '../test/testServer.ts';
import { PROBE_PATHS, SCRIPT_EVAL, inlineScriptHashes, redactedUrl } from './security.ts';
import { hostAllowed } from '../access/hostCheck.ts';

vi.setConfig({ testTimeout: 30_000 });

let dataDir: string;
let app: FastifyInstance | null = null;

beforeEach(async () => {
  dataDir = await makeDataDir();
});

afterEach(async () => {
  await app?.close();
  app = null;
  await removeDataDir(dataDir);
});

async function start(overrides: Partial<AppConfig> = {}, logStream?: NodeJS.WritableStream): Promise<FastifyInstance> {
  app = await buildApp(testConfig(dataDir, overrides), { logStream });
  return app;
}

const csp = (header: unknown) =>
  new Map(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );

describe('security headers', () => {
  const BOOT = 'window.__boot = 1;';

  async function clientDir() {
    const dir = path.join(dataDir, 'client');
    await mkdir(dir, { recursive: true });
    await writeFile(
      path.join(dir, 'index.html'),
      `<!doctype html><html><head><script data-yjs="/assets/yjs.js">${BOOT}</script><script type="module" crossorigin src="/assets/index.js"></script></head><body><div id="root"></div></body></html>`,
    );
    return dir;
  }

  it('does send a CSP that allows the built page’s inline boot script by its hash, and nothing from elsewhere', async () => {
    const a = await start({ clientDir: await clientDir() });
    const page = await a.inject('/b/abcdef123');
    expect(page.statusCode).toBe(200);
    const policy = csp(page.headers['content-security-policy']);
    const hash = `'sha256-${createHash('sha256').update(BOOT).digest('base64')}'`;
    expect(policy.get('script-src')).toEqual(["'self'", hash, ...SCRIPT_EVAL]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
    expect(policy.get('script-src')).not.toContain("'unsafe-eval'");
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['strict-transport-security']).toBeUndefined();
    // API answers carry them too (a JSON error is a page to a browser that opens it).
    const api = await a.inject('/api/nope');
    expect(api.headers['x-content-type-options']).toBe('nosniff');
    expect(csp(api.headers['content-security-policy']).get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('does hash exactly the inline scripts of a page', () => {
    expect(inlineScriptHashes('<script src="/a.js"></script><script>x()</script><SCRIPT type="text/javascript">y()</SCRIPT><script></script>')).toEqual([
      `'sha256-${createHash('sha256').update('x()').digest('base64')}'`,
      `'sha256-${createHash('sha256').update('y()').digest('base64')}'`,
    ]);
  });

  it('does let only the FRAME_ANCESTORS origins frame the app, without X-Frame-Options', async () => {
    const a = await start({ frameAncestors: ['https://intranet.zorg.nl', 'https://rooster.zorg.nl'] });
    const response = await a.inject('/api/health');
    expect(csp(response.headers['content-security-policy']).get('frame-ancestors')).toEqual(['https://intranet.zorg.nl', 'https://rooster.zorg.nl']);
    expect(response.headers['x-frame-options']).toBeUndefined();
  });

  it('does name the live socket’s wss: origin when PUBLIC_URL is set', async () => {
    const a = await start({ publicUrl: 'https://bord.zorg.nl' });
    const response = await a.inject({ url: '/api/health' });
    expect(csp(response.headers['content-security-policy']).get('connect-src')).toEqual(["'self'", 'wss://bord.zorg.nl']);
  });

  it('does send HSTS only when the browser came over TLS', async () => {
    const plain = await start();
    expect((await plain.inject('/api/health')).headers['strict-transport-security']).toBeUndefined();
    // Without TRUST_PROXY anyone can send X-Forwarded-Proto: it is ignored.
    expect((await plain.inject({ url: '/api/health', headers: { 'x-forwarded-proto': 'https' } })).headers['strict-transport-security']).toBeUndefined();
    await plain.close();

    const proxied = await start({ trustProxy: true });
    expect((await proxied.inject({ url: '/api/health', headers: { 'x-forwarded-proto': 'https' } })).headers['strict-transport-security']).toBe('max-age=31536000');
    expect((await proxied.inject({ url: '/api/health', headers: { 'x-forwarded-proto': 'http' } })).headers['strict-transport-security']).toBeUndefined();
    await proxied.close();

    const pub = await start({ publicUrl: 'https://bord.zorg.nl' });
    expect((await pub.inject({ url: '/api/health', headers: { host: 'bord.zorg.nl' } })).headers['strict-transport-security']).toBe('max-age=31536000');
  });
});

describe('the Host check (PUBLIC_URL)', () => {
  it('does match hosts the way URLs do', () => {
    expect(hostAllowed('anything', null)).toBe(true);
    expect(hostAllowed('bord.zorg.nl', 'https://bord.zorg.nl')).toBe(true);
    expect(hostAllowed('BORD.zorg.NL:443', 'https://bord.zorg.nl')).toBe(true);
    expect(hostAllowed('bord.zorg.nl:8443', 'https://bord.zorg.nl')).toBe(false);
    expect(hostAllowed('bord.zorg.nl:8080', 'http://bord.zorg.nl:8080')).toBe(true);
    expect(hostAllowed('bord.zorg.nl', 'http://bord.zorg.nl:8080')).toBe(false);
    expect(hostAllowed('127.0.0.1:3000', 'https://bord.zorg.nl')).toBe(false);
    expect(hostAllowed('bord.zorg.nl.evil.example', 'https://bord.zorg.nl')).toBe(false);
    expect(hostAllowed('evil.example@bord.zorg.nl', 'https://bord.zorg.nl')).toBe(false);
    expect(hostAllowed('bord.zorg.nl/x', 'https://bord.zorg.nl')).toBe(false);
    expect(hostAllowed('', 'https://bord.zorg.nl')).toBe(false);
    expect(hostAllowed(undefined, 'https://bord.zorg.nl')).toBe(false);
  });

  it('does refuse a request naming another host with 421, even on loopback, but answers health probes', async () => {
    const a = await start({ publicUrl: 'https://bord.zorg.nl' });
    const good = { host: 'bord.zorg.nl' };
    const board = await createBoard(a, 'Afdeling', good);
    for (const host of ['rebind.evil.example', 'localhost', '127.0.0.1:3000']) {
      const listed = await a.inject({ url: `/api/boards/${board.id}`, headers: { host, ...bearer(board.tokens.viewer) } });
      expect(listed.statusCode, host).toBe(421);
      expect(listed.json().error.code).toBe('HOST_NOT_ALLOWED');
      expect((await a.inject({ method: 'POST', url: '/api/boards', payload: {}, headers: { host } })).statusCode).toBe(421);
    }
    expect((await a.inject({ url: `/api/boards/${board.id}`, headers: { ...good, ...bearer(board.tokens.viewer) } })).statusCode).toBe(200);
    expect((await a.inject({ url: '/api/health', headers: { host: '10.0.0.5:3000' } })).statusCode).toBe(200);
    // The page itself is refused too: nothing is served under a rebound name.
    expect((await a.inject({ url: '/', headers: { host: 'rebind.evil.example' } })).statusCode).toBe(421);
  });

  it('does believe X-Forwarded-Host only from a trusted proxy', async () => {
    const a = await start({ publicUrl: 'https://bord.zorg.nl', trustProxy: true });
    expect((await a.inject({ url: '/api/nope', headers: { host: '127.0.0.1:3000', 'x-forwarded-host': 'bord.zorg.nl' } })).statusCode).toBe(404);
    await a.close();
    const b = await start({ publicUrl: 'https://bord.zorg.nl' });
    expect((await b.inject({ url: '/api/nope', headers: { host: '127.0.0.1:3000', 'x-forwarded-host': 'bord.zorg.nl' } })).statusCode).toBe(421);
  });

  it('does build every link it hands out from PUBLIC_URL, not from the request', async () => {
    const a = await start({ publicUrl: 'https://bord.zorg.nl', trustProxy: true });
    // Behind the proxy the request says http and an inner address; the links still say the public one.
    const created = await a.inject({ method: 'POST', url: '/api/boards', payload: {}, headers: { host: 'bord.zorg.nl', 'x-forwarded-proto': 'http' } });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    for (const link of Object.values(body.links as Record<string, string>)) expect(link).toMatch(new RegExp(`^https://bord\\.zorg\\.nl/b/${body.id}#t=`));
    const board = boardFromResponse(body);
    const rotated = await a.inject({ method: 'POST', url: `/api/boards/${board.id}/links/viewer`, headers: { host: 'bord.zorg.nl', ...bearer(board.tokens.facilitator) } });
    expect(rotated.json().link).toMatch(/^https:\/\/bord\.zorg\.nl\/b\//);
    expect(tokenOf(rotated.json().link)).not.toBe(board.tokens.viewer);
  });
});

describe('rate limits', () => {
  it('does stop a burst of anonymous board creations after CREATES_PER_WINDOW, with our error and Retry-After', async () => {
    const a = await start();
    const { createsPerWindow, createWindowMs } = testConfig(dataDir).limits;
    const statuses: number[] = [];
    let refused: Awaited<ReturnType<FastifyInstance['inject']>> | null = null;
    for (let i = 0; i < 300; i++) {
      const response = await a.inject({ method: 'POST', url: '/api/boards', payload: {} });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) refused ??= response;
    }
    expect(statuses.slice(0, createsPerWindow).every((s) => s === 201)).toBe(true);
    expect(statuses.slice(createsPerWindow).every((s) => s === 429)).toBe(true);
    const seconds = Number(refused!.headers['retry-after']);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(createWindowMs / 1000);
    expect(refused!.json()).toEqual({ error: { code: 'RATE_LIMITED', message: `Too many requests: try again in ${seconds} seconds.` } });
    // Reading boards is another budget: still open.
    expect((await a.inject('/api/health')).statusCode).toBe(200);
  });

  it('does key the budget on a working link token, so one link’s callers never throttle another’s', async () => {
    const a = await start({ limits: { ...testConfig(dataDir).limits, requestsPerMinute: 20 } });
    const first = await createBoard(a, 'Een');
    const second = await createBoard(a, 'Twee');
    const get = (board: typeof first) => a.inject({ url: `/api/boards/${board.id}`, headers: bearer(board.tokens.participant) });
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await get(first)).statusCode);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(5);
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    for (let i = 0; i < 15; i++) expect((await get(second)).statusCode).toBe(200);
  });

  it('does give the admin token a budget of its own', async () => {
    const admin = 'beheer-'.repeat(5);
    const a = await start({ adminToken: admin, limits: { ...testConfig(dataDir).limits, requestsPerMinute: 20 } });
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await a.inject({ url: '/api/boards', headers: bearer(admin) })).statusCode);
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect((await a.inject('/api/nope')).statusCode).toBe(404);
  });

  it('does count made-up tokens against the caller’s address, not a fresh budget each', async () => {
    const a = await start({ limits: { ...testConfig(dataDir).limits, requestsPerMinute: 20 } });
    const board = await createBoard(a, 'Een');
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const invented = createHash('sha256').update(String(i)).digest('base64url').slice(0, 43);
      // A 200 from a route that checks no token must not make a made-up token known.
      await a.inject({ url: '/api/health', headers: bearer(invented) });
      statuses.push((await a.inject({ url: `/api/boards/${board.id}`, headers: bearer(invented) })).statusCode);
    }
    expect(statuses.slice(-5)).toEqual([429, 429, 429, 429, 429]);
  });

  it('does let a 30-person session behind one address through with the default limits', async () => {
    const a = await start();
    const board = await createBoard(a, 'Ochtendoverdracht');
    // What the client does per person (see client/boot/earlyBoard.ts, BoardPage, useBoardConnection):
    // the board lookup and its snapshot at page load, the snapshot again on a reconnect, and the
    // facilitator's session commands. Everyone opens the link three times within the minute.
    const statuses: number[] = [];
    for (let load = 0; load < 3; load++) {
      for (let person = 0; person < 30; person++) {
        const token = person === 0 ? board.tokens.facilitator : person < 25 ? board.tokens.participant : board.tokens.viewer;
        const headers = bearer(token);
        statuses.push((await a.inject({ url: `/api/boards/${board.id}`, headers })).statusCode);
        statuses.push((await a.inject({ url: `/api/boards/${board.id}/state`, headers })).statusCode);
        statuses.push((await a.inject({ url: `/api/boards/${board.id}/state`, headers })).statusCode);
      }
      for (let i = 0; i < 10; i++) statuses.push((await a.inject({ url: `/api/boards/${board.id}/session`, headers: bearer(board.tokens.facilitator) })).statusCode);
    }
    expect(statuses.length).toBe(300);
    expect(statuses.filter((s) => s === 429)).toEqual([]);
  });

  it('does not limit the health probe', async () => {
    const a = await start({ limits: { ...testConfig(dataDir).limits, requestsPerMinute: 3 } });
    for (let i = 0; i < 10; i++) expect((await a.inject('/api/health')).statusCode).toBe(200);
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await a.inject('/api/nope')).statusCode);
    expect(statuses).toEqual([404, 404, 404, 429, 429]);
  });
});

describe('request logs', () => {
  it('does never log a query string’s values', async () => {
    expect(redactedUrl('/b/abc?t=geheim&x=1')).toBe('/b/abc?t=[redacted]&x=[redacted]');
    expect(redactedUrl('/api/health')).toBe('/api/health');
    const lines: string[] = [];
    const stream = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const a = await start({ logger: true }, stream);
    const board = await createBoard(a, 'Log');
    const secret = board.tokens.facilitator;
    await a.inject(`/api/boards/${board.id}?t=${secret}`);
    await a.inject(`/b/${board.id}?t=${secret}&other=${secret}`);
    await a.inject(`/api/search?q=${secret}`);
    const log = lines.join('\n');
    expect(log).toContain(`/api/boards/${board.id}?t=[redacted]`);
    expect(log).not.toContain(secret);
    expect(log).not.toContain(secret.slice(0, 16));
  });
});

describe('the OpenAPI description', () => {
  it('does describe the 421 and 429 answers of every REST route, and 503 for board routes', async () => {
    const a = await start();
    const spec = (await a.inject('/api/openapi.json')).json();
    const paths = spec.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;
    expect(Object.keys(paths).length).toBeGreaterThan(10);
    for (const [url, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (PROBE_PATHS.has(url)) continue;
        expect(operation.responses['429'], `${method} ${url}`).toBeDefined();
        expect(operation.responses['421'], `${method} ${url}`).toBeDefined();
        if (url.startsWith('/api/boards/{boardId}')) expect(operation.responses['503'], `${method} ${url}`).toBeDefined();
      }
    }
  });
});
