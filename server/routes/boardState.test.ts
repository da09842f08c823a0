import { describe, expect, it, vi } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import * as Y from 'yjs';
import { addPerson } from '../../shared/boardWrites.ts';
import { readBoard } from '../../shared/docSchema.ts';
import { DOC_SCHEMA_VERSION } from '../../shared/docVersion.ts';
import { BOARD_SNAPSHOT_TYPES, snapshotEncodingOf } from '../../shared/boardSnapshot.ts';
import { ROLES } from '../../shared/session.ts';
import { connectClient, storeLinkedSkill, waitFor } from '../test/collabClient.ts';
import { bearer, createBoard, useLiveServer, useBoardEachTest } from '../test/testServer.ts';

// Real sockets and disk writes on a shared 2-core machine: give them room.
vi.setConfig({ testTimeout: 20_000 });

const live = useLiveServer();
const board = useBoardEachTest(live, 'Afdeling 3B');

const connect = (token = board.tokens.participant) => {
  const client = connectClient(live.url, board.id, token);
  live.clients.push(client);
  return client;
};

const getState = (headers: Record<string, string> = bearer(board.tokens.viewer), id = board.id) =>
  live.app.inject({ method: 'GET', url: `/api/boards/${id}/state`, headers });

/** The answer's bytes applied to a fresh document, as a page does (by the encoding its content type names). */
function docFrom(response: LightMyRequestResponse): Y.Doc {
  const doc = new Y.Doc();
  const encoding = snapshotEncodingOf(response.headers['content-type'] as string);
  if (encoding === 'v2') Y.applyUpdateV2(doc, response.rawPayload);
  else if (encoding === 'v1') Y.applyUpdate(doc, response.rawPayload);
  else throw new Error(`not a board snapshot: ${response.headers['content-type']}`);
  return doc;
}

const mimeOf = (response: LightMyRequestResponse) => String(response.headers['content-type']).split(';')[0].trim();
const isOpen = () => !!live.app.hocuspocus.documents.get(board.id);
const liveDoc = () => live.app.hocuspocus.documents.get(board.id)!;

/** A colleague who has the board open and just added one person, which the server has. */
async function openWithOnePerson(name: string) {
  const editor = connect();
  await editor.synced;
  addPerson(editor.doc, { name, kind: 'student' }, { x: 40, y: 40 });
  await waitFor(() => readBoard(liveDoc()).people.length === 1, 'the server to have the edit');
  return editor;
}

/** Fills the board through a real socket, waits until it is stored, and lets the server unload it. */
async function fillAndClose() {
  const client = connect();
  await client.synced;
  const expected = await storeLinkedSkill(client);
  client.destroy();
  await waitFor(() => !isOpen(), 'the server to unload the board');
  return expected;
}

describe('GET /api/boards/:boardId/state', () => {
  it('sends a closed board as stored, a V1 update that reads back as the same board', async () => {
    const expected = await fillAndClose();
    expect(expected.people.map((p) => p.name)).toEqual(['Fatima']);

    const response = await getState();
    expect(response.statusCode).toBe(200);
    expect(mimeOf(response)).toBe(BOARD_SNAPSHOT_TYPES.v1);
    expect(response.headers['cache-control']).toBe('no-store');
    const doc = docFrom(response);
    expect(readBoard(doc)).toEqual(expected);
    expect(readBoard(doc).meta).toMatchObject({ title: 'Afdeling 3B', schemaVersion: DOC_SCHEMA_VERSION });
    // Asking does not open the board on the server.
    expect(isOpen()).toBe(false);
  });

  it('sends an open board as it is live, a V2 update with an edit that is not stored yet', async () => {
    const editor = await openWithOnePerson('Nog niet opgeslagen');
    // The store writes half a second after the last edit: the disk does not have it yet.
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await live.app.boards.load(board.id))!.state);
    expect(readBoard(stored).people).toEqual([]);

    const response = await getState();
    expect(response.statusCode).toBe(200);
    expect(mimeOf(response)).toBe(BOARD_SNAPSHOT_TYPES.v2);
    expect(response.headers['cache-control']).toBe('no-store');
    const doc = docFrom(response);
    expect(readBoard(doc).people.map((p) => p.name)).toEqual(['Nog niet opgeslagen']);
    expect(readBoard(doc)).toEqual(readBoard(editor.doc));
  });

  it('sends the same bytes again while the open board is unchanged, and the next edit as soon as it arrives', async () => {
    const editor = await openWithOnePerson('Fatima');

    const first = await getState();
    const again = await getState(bearer(board.tokens.participant));
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);

    // A move alone (the most frequent edit) must not leave an old snapshot behind.
    const fatima = readBoard(editor.doc).people[0].id;
    editor.doc.getMap('positions').set(fatima, { x: 400, y: 40 });
    await waitFor(() => readBoard(liveDoc()).positions.get(fatima)?.x === 400, 'the server to have the move');
    const moved = docFrom(await getState());
    expect(readBoard(moved).positions.get(fatima)).toEqual({ x: 400, y: 40 });
    expect(readBoard(moved)).toEqual(readBoard(editor.doc));
  });

  it('gives the board to every link: viewer, participant and facilitator', async () => {
    const expected = await fillAndClose();
    for (const role of ROLES) {
      const response = await getState(bearer(board.tokens[role]));
      expect(response.statusCode, role).toBe(200);
      expect(readBoard(docFrom(response)), role).toEqual(expected);
    }
  });

  it('refuses without a token, with a wrong token and with a revoked link (401 with a code)', async () => {
    const other = await createBoard(live.app, 'Ander bord');
    const cases: Array<[string, Record<string, string>, string]> = [
      ['no token', {}, 'TOKEN_MISSING'],
      ['token of another board', bearer(other.tokens.facilitator), 'TOKEN_INVALID'],
      ['made-up token', bearer('x'.repeat(43)), 'TOKEN_INVALID'],
    ];
    for (const [what, headers, code] of cases) {
      const response = await getState(headers);
      expect(response.statusCode, what).toBe(401);
      expect(response.json().error.code, what).toBe(code);
      expect(response.headers['content-type'], what).toMatch(/^application\/json/);
    }

    const revoke = await live.app.inject({ method: 'DELETE', url: `/api/boards/${board.id}/links/viewer`, headers: bearer(board.tokens.facilitator) });
    expect(revoke.statusCode).toBe(204);
    const revoked = await getState(bearer(board.tokens.viewer));
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().error.code).toBe('LINK_REVOKED');
    // The other links still work.
    expect((await getState(bearer(board.tokens.participant))).statusCode).toBe(200);
  });

  it('answers 404 with a code for a board that does not exist', async () => {
    const response = await getState(bearer(board.tokens.facilitator), 'nosuchboard1');
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('BOARD_NOT_FOUND');
  });

  it('answers 204 for a stored board of an older schema version, and the live board once the server migrated it', async () => {
    const legacy = new Y.Doc();
    addPerson(legacy, { name: 'Oud', kind: 'professional-team' });
    expect(readBoard(legacy).meta.schemaVersion).toBeLessThan(DOC_SCHEMA_VERSION);
    await live.app.boards.save({ summary: { id: board.id, title: '', createdAt: 1, updatedAt: 1 }, schemaVersion: 0, state: Y.encodeStateAsUpdate(legacy) });

    const response = await getState();
    expect(response.statusCode).toBe(204);
    expect(response.rawPayload.byteLength).toBe(0);
    expect(response.headers['cache-control']).toBe('no-store');

    // The socket brings it, migrated; from then on the snapshot is the migrated live board.
    const client = connect();
    await client.synced;
    const migrated = await getState();
    expect(migrated.statusCode).toBe(200);
    expect(mimeOf(migrated)).toBe(BOARD_SNAPSHOT_TYPES.v2);
    expect(readBoard(docFrom(migrated))).toMatchObject({ meta: { schemaVersion: DOC_SCHEMA_VERSION }, people: [expect.objectContaining({ name: 'Oud' })] });
  });
});
