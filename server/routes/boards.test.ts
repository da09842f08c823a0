import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { bearer, boardFromResponse, makeDataDir, removeDataDir, testConfig } from '../test/testServer.ts';

let dataDir: string;
let app: FastifyInstance;
/** Listing boards needs the instance admin token, so these tests run with one. */
const ADMIN = 'beheer-'.repeat(5);

beforeEach(async () => {
  dataDir = await makeDataDir();
  app = await buildApp(testConfig(dataDir, { adminToken: ADMIN }));
});

afterEach(async () => {
  await app.close();
  await removeDataDir(dataDir);
});

const post = (payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/boards', payload: payload as string, headers: { 'content-type': 'application/json', ...bearer(ADMIN), ...headers } });
const list = () => app.inject({ url: '/api/boards', headers: bearer(ADMIN) });

describe('GET /api/health', () => {
  it('answers ok', async () => {
    const response = await app.inject('/api/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });
});

describe('boards', () => {
  it('creates a board with a trimmed title and lists it, newest change first', async () => {
    const first = await post({ title: '  Afdeling 3B  ' });
    expect(first.statusCode).toBe(201);
    const { links, ...created } = first.json();
    expect(created).toMatchObject({ title: 'Afdeling 3B' });
    expect(created.id).toMatch(/^[a-z0-9]{6,64}$/);
    const board = boardFromResponse({ id: created.id, links });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const { links: _, ...second } = (await post({})).json();
    expect(second.title).toBe('');

    const listed = (await list()).json();
    expect(listed.boards.map((b: { id: string }) => b.id)).toEqual([second.id, created.id]);

    const one = await app.inject({ url: `/api/boards/${created.id}`, headers: bearer(board.tokens.viewer) });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual({ ...created, role: 'viewer' });
  });

  it('keeps boards across a restart of the app', async () => {
    const board = boardFromResponse((await post({ title: 'Blijft bestaan' })).json());
    await app.close();
    app = await buildApp(testConfig(dataDir));
    const response = await app.inject({ url: `/api/boards/${board.id}`, headers: bearer(board.tokens.participant) });
    expect(response.json()).toMatchObject({ title: 'Blijft bestaan', role: 'participant' });
  });

  it('answers 404 with a stable code for an unknown board', async () => {
    const response = await app.inject('/api/boards/doesnotexist1');
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('BOARD_NOT_FOUND');
  });

  it('rejects a malformed board id naming the parameter', async () => {
    const response = await app.inject('/api/boards/..%2F..%2Fetc');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.path).toBe('params/boardId');
  });

  it.each([
    ['a title that is not text', { title: 5 }, 'body/title'],
    ['a title that is too long', { title: 'x'.repeat(121) }, 'body/title'],
    ['an unknown field', { title: 'ok', owner: 'me' }, 'body/owner'],
    ['a body that is not an object', ['title'], 'body'],
  ])('rejects %s with 400 naming the field, and creates nothing', async (_, payload, path) => {
    const response = await post(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'INVALID_REQUEST', path });
    expect((await list()).json().boards).toEqual([]);
  });

  it('rejects broken JSON with 400', async () => {
    const response = await post('{"title": ');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('INVALID_REQUEST');
  });

  it('rejects a body over the configured limit with 413', async () => {
    await app.close();
    app = await buildApp(testConfig(dataDir, { bodyLimit: 1024 }));
    const response = await post({ title: 'x'.repeat(2000) });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('BODY_TOO_LARGE');
  });

  it('lists boards only for the admin token, and for nobody when no ADMIN_TOKEN is configured', async () => {
    expect((await app.inject('/api/boards')).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/boards', headers: bearer('x'.repeat(43)) })).statusCode).toBe(401);
    expect((await list()).statusCode).toBe(200);
    await app.close();
    app = await buildApp(testConfig(dataDir));
    const refused = await app.inject('/api/boards');
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual({ error: { code: 'ADMIN_REQUIRED', message: 'Listing all boards needs the instance admin token (ADMIN_TOKEN).' } });
    // Creating stays open without ADMIN_TOKEN (a ward on one computer needs no setup).
    expect((await app.inject({ method: 'POST', url: '/api/boards', payload: {} })).statusCode).toBe(201);
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const response = await app.inject('/api/nope');
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });
});
