import { beforeEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { RawCollabClient } from '../test/rawCollab.ts';
import { createBoard, useLiveServer } from '../test/testServer.ts';

// The live connection's own upgrade path (not a Fastify route): what it accepts and refuses,
// and that closing the app closes its sockets.
vi.setConfig({ testTimeout: 15_000 });

const live = useLiveServer();

/** Opens a websocket and resolves with how the upgrade went. */
function upgrade(path: string, headers: Record<string, string> = {}) {
  const socket = new WebSocket(`${live.url.replace(/^http/, 'ws')}${path}`, { headers });
  return new Promise<{ status: number; body: string } | { open: WebSocket }>((resolve, reject) => {
    socket.once('open', () => resolve({ open: socket }));
    socket.once('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    socket.once('error', reject);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the live connection’s upgrade', () => {
  it('is accepted at /collab, with or without a query', async () => {
    for (const path of ['/collab', '/collab?x=1']) {
      const result = await upgrade(path);
      expect(result).toHaveProperty('open');
      if ('open' in result) result.open.close();
    }
  });

  it('is refused elsewhere with 404, and from another site’s page with 403 and the error code', async () => {
    expect(await upgrade('/api/health')).toMatchObject({ status: 404 });
    expect(await upgrade('/collabx')).toMatchObject({ status: 404 });
    const refused = await upgrade('/collab', { origin: 'https://evil.example' });
    expect(refused).toMatchObject({ status: 403 });
    expect(JSON.parse((refused as { body: string }).body)).toMatchObject({ error: { code: 'ORIGIN_NOT_ALLOWED' } });
    // The REST API is unaffected.
    expect((await fetch(`${live.url}/api/health`)).status).toBe(200);
  });

  it('closes every open socket when the app closes, authenticated or not', async () => {
    const board = await createBoard(live.app);
    const signedIn = await RawCollabClient.open(live.url);
    expect(await signedIn.authenticate(board.id, board.tokens.participant)).toMatch(/^authenticated/);
    const bare = await RawCollabClient.open(live.url);
    const closing = live.stop();
    // Well before the unauthenticated socket's own timeout (AUTH_TIMEOUT_MS, 10 s) would close it.
    const within = (socket: RawCollabClient) => Promise.race([socket.closed.then(() => 'closed'), sleep(2000).then(() => 'still open')]);
    expect(await Promise.all([within(signedIn), within(bare)])).toEqual(['closed', 'closed']);
    await closing;
  });
});

describe('with PUBLIC_URL set', () => {
  beforeEach(async () => {
    await live.start({ publicUrl: 'https://bord.example.nl' });
  });

  it('refuses an upgrade naming another host (DNS rebinding) and accepts its own', async () => {
    const other = await upgrade('/collab', { host: 'aanvaller.example' });
    expect(other).toMatchObject({ status: 421 });
    expect((other as { body: string }).body).toContain('HOST_NOT_ALLOWED');
    const own = await upgrade('/collab', { host: 'bord.example.nl' });
    expect('open' in own).toBe(true);
    if ('open' in own) own.open.close();
  });
});
