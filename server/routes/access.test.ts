import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { ROLES, type Role } from '../../shared/session.ts';
import { RawCollabClient } from '../test/rawCollab.ts';
import { bearer, createBoard, tokenOf, type TestBoard, useLiveServer } from '../test/testServer.ts';

vi.setConfig({ testTimeout: 20_000 });

const live = useLiveServer();
let board: TestBoard;
let otherBoard: TestBoard;
beforeEach(async () => {
  board = await createBoard(live.app, 'Afdeling 3B');
  otherBoard = await createBoard(live.app, 'Ander bord');
});

/** Makes the current token of `role` stop working: revoke where allowed, else rotate. */
async function takeBack(role: Role): Promise<string> {
  const old = board.tokens[role];
  const headers = bearer(board.tokens.facilitator);
  if (role === 'facilitator') {
    const response = await live.app.inject({ method: 'POST', url: `/api/boards/${board.id}/links/facilitator`, headers });
    board.tokens.facilitator = tokenOf(response.json().link);
  } else {
    expect((await live.app.inject({ method: 'DELETE', url: `/api/boards/${board.id}/links/${role}`, headers })).statusCode).toBe(204);
  }
  return old;
}

function tamper(token: string) {
  const last = token.at(-1) === 'A' ? 'B' : 'A';
  return token.slice(0, -1) + last;
}

type Case = 'valid' | 'no token' | 'other board' | 'revoked' | 'tampered';
const CASES: Case[] = ['valid', 'no token', 'other board', 'revoked', 'tampered'];

async function tokenFor(role: Role, which: Case): Promise<string> {
  switch (which) {
    case 'valid':
      return board.tokens[role];
    case 'no token':
      return '';
    case 'other board':
      return otherBoard.tokens[role];
    case 'revoked':
      return takeBack(role);
    case 'tampered':
      return tamper(board.tokens[role]);
  }
}

const REST: Record<Case, { status: number; code?: string }> = {
  valid: { status: 200 },
  'no token': { status: 401, code: 'TOKEN_MISSING' },
  'other board': { status: 401, code: 'TOKEN_INVALID' },
  revoked: { status: 401, code: 'LINK_REVOKED' },
  tampered: { status: 401, code: 'TOKEN_INVALID' },
};
const SOCKET: Record<Case, (role: Role) => string> = {
  valid: (role) => (role === 'viewer' ? 'authenticated:readonly' : 'authenticated:read-write'),
  'no token': () => 'denied:missing-token',
  'other board': () => 'denied:invalid-token',
  revoked: () => 'denied:link-revoked',
  tampered: () => 'denied:invalid-token',
};

describe('the token matrix', () => {
  for (const role of ROLES) {
    for (const which of CASES) {
      it(`REST: ${role} link, ${which} → ${REST[which].status} ${REST[which].code ?? ''}`, async () => {
        const token = await tokenFor(role, which);
        const response = await live.app.inject({ url: `/api/boards/${board.id}`, headers: token ? bearer(token) : {} });
        expect(response.statusCode).toBe(REST[which].status);
        if (REST[which].code) expect(response.json().error.code).toBe(REST[which].code);
        else expect(response.json().role).toBe(role);
      });

      it(`websocket: ${role} link, ${which} → ${SOCKET[which](role)}`, async () => {
        const token = await tokenFor(role, which);
        const raw = await RawCollabClient.open(live.url);
        live.raws.push(raw);
        expect(await raw.authenticate(board.id, token)).toBe(SOCKET[which](role));
      });
    }
  }

  it('refuses a board that does not exist, on both ways in', async () => {
    const response = await live.app.inject({ url: '/api/boards/doesnotexist1', headers: bearer(board.tokens.facilitator) });
    expect(response.statusCode).toBe(404);
    const raw = await RawCollabClient.open(live.url);
    live.raws.push(raw);
    expect(await raw.authenticate('doesnotexist1', board.tokens.facilitator)).toBe('denied:board-not-found');
  });
});

describe('roles on REST', () => {
  it.each([
    ['participant', 'POST', 'links/viewer', 403],
    ['viewer', 'POST', 'session', 403],
    ['viewer', 'GET', 'links', 403],
    ['participant', 'GET', 'session', 200],
    ['facilitator', 'GET', 'links', 200],
  ] as const)('a %s link: %s …/%s → %i', async (role, method, path, status) => {
    const response = await live.app.inject({
      method,
      url: `/api/boards/${board.id}/${path}`,
      headers: bearer(board.tokens[role]),
      ...(method === 'POST' && path === 'session' ? { payload: { type: 'lock' } } : {}),
    });
    expect(response.statusCode).toBe(status);
    if (status === 403) expect(response.json().error.code).toBe('ROLE_INSUFFICIENT');
  });

  it('does not let the facilitator link be revoked (it can be replaced)', async () => {
    const response = await live.app.inject({ method: 'DELETE', url: `/api/boards/${board.id}/links/facilitator`, headers: bearer(board.tokens.facilitator) });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.path).toBe('params/role');
  });

  it('gives a working new link when one is rotated, and the old one stops', async () => {
    const old = board.tokens.participant;
    const response = await live.app.inject({ method: 'POST', url: `/api/boards/${board.id}/links/participant`, headers: bearer(board.tokens.facilitator) });
    const link = response.json().link as string;
    expect(link).toMatch(new RegExp(`/b/${board.id}#t=`));
    expect((await live.app.inject({ url: `/api/boards/${board.id}`, headers: bearer(tokenOf(link)) })).json().role).toBe('participant');
    expect((await live.app.inject({ url: `/api/boards/${board.id}`, headers: bearer(old) })).json().error.code).toBe('LINK_REVOKED');
    const status = (await live.app.inject({ url: `/api/boards/${board.id}/links`, headers: bearer(board.tokens.facilitator) })).json();
    expect(status.participant.active).toBe(true);
  });

  it('stores tokens only as hashes', async () => {
    const { readFile, readdir } = await import('node:fs/promises');
    const files = await readdir(live.dataDir, { recursive: true, withFileTypes: true });
    const stored = (await Promise.all(files.filter((f) => f.isFile()).map((f) => readFile(`${f.parentPath}/${f.name}`, 'latin1')))).join('\n');
    expect(stored).toContain(`${board.id}`);
    for (const role of ROLES) expect(stored).not.toContain(board.tokens[role]);
  });
});

describe('dropping connections', () => {
  it('drops the live connections of a revoked link within a second, with the reason', async () => {
    const participant = await RawCollabClient.open(live.url);
    const viewer = await RawCollabClient.open(live.url);
    live.raws.push(participant, viewer);
    expect(await participant.authenticate(board.id, board.tokens.participant)).toBe('authenticated:read-write');
    expect(await viewer.authenticate(board.id, board.tokens.viewer)).toBe('authenticated:readonly');
    participant.syncStep1(board.id, new Y.Doc());
    await participant.waitFor((f) => f.type === 0);

    const seen = participant.frames.length;
    const started = Date.now();
    await live.app.inject({ method: 'DELETE', url: `/api/boards/${board.id}/links/participant`, headers: bearer(board.tokens.facilitator) });
    const closed = await participant.waitFor((f) => f.type === 7, seen, 1000);
    expect(closed.text).toBe('link-revoked');
    expect(Date.now() - started).toBeLessThan(1000);
    // The viewer's link still works: its connection stays.
    expect(viewer.frames.some((f) => f.type === 7)).toBe(false);
    // And the old token cannot simply reconnect.
    expect(await participant.authenticate(board.id, board.tokens.participant)).toBe('denied:link-revoked');
  });
});

describe('instance settings', () => {
  it('needs the admin token to create or list boards when one is configured', async () => {
    await live.stop();
    const admin = 'a'.repeat(32);
    await live.start({ adminToken: admin });
    expect((await live.app.inject({ method: 'POST', url: '/api/boards', payload: {} })).statusCode).toBe(401);
    expect((await live.app.inject({ url: '/api/boards' })).json().error.code).toBe('ADMIN_REQUIRED');
    expect((await live.app.inject({ method: 'POST', url: '/api/boards', payload: {}, headers: bearer('b'.repeat(32)) })).statusCode).toBe(401);
    const created = await live.app.inject({ method: 'POST', url: '/api/boards', payload: { title: 'Met beheer' }, headers: bearer(admin) });
    expect(created.statusCode).toBe(201);
    expect((await live.app.inject({ url: '/api/boards', headers: bearer(admin) })).statusCode).toBe(200);
  });

  it('refuses a live connection from a page on another site, and allows configured origins', async () => {
    await expect(RawCollabClient.open(live.url, { origin: 'https://evil.example' })).rejects.toThrow(/403/);
    const host = new URL(live.url).host;
    live.raws.push(await RawCollabClient.open(live.url, { origin: `http://${host}` }));
    await live.start({ allowedOrigins: ['https://bord.example.nl'] });
    live.raws.push(await RawCollabClient.open(live.url, { origin: 'https://bord.example.nl' }));
  });

  it('never writes a token to the log', async () => {
    await live.stop();
    const lines: string[] = [];
    const { Writable } = await import('node:stream');
    const stream = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    await live.start({ logger: true }, { logStream: stream });
    const { app, url } = live;
    const created = await app.inject({ method: 'POST', url: '/api/boards', payload: { title: 'Log' } });
    const logged = created.json();
    const tokens = ROLES.map((role) => tokenOf(logged.links[role]));
    await app.inject({ url: `/api/boards/${logged.id}`, headers: bearer(tokens[0]) });
    await app.inject({ url: `/api/boards/${logged.id}`, headers: bearer(tamper(tokens[1])) });
    await app.inject({ method: 'POST', url: `/api/boards/${logged.id}/links/viewer`, headers: bearer(tokens[0]) });
    for (const token of [tokens[1], tamper(tokens[2])]) {
      const raw = await RawCollabClient.open(url);
      live.raws.push(raw);
      await raw.authenticate(logged.id, token);
    }
    expect(lines.length).toBeGreaterThan(3);
    const log = lines.join('\n');
    for (const token of tokens) {
      expect(log).not.toContain(token);
      expect(log).not.toContain(token.slice(0, 20));
    }
  });
});
