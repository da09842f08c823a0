import type { Page, Route } from '@playwright/test';
import * as Y from 'yjs';
import { readBoard } from '../shared/docSchema.ts';
import { BOARD_SNAPSHOT_TYPES, snapshotEncodingOf } from '../shared/boardSnapshot.ts';
import { test, expect } from './fixtures.ts';

const STATE_URL = /\/api\/boards\/[^/]+\/state$/;

/** When the page asked for the board's state, and which User Timing marks it set (ms since navigation). */
const timings = (page: Page) =>
  page.evaluate(() => {
    const state = performance.getEntriesByType('resource').filter((entry) => /\/api\/boards\/[^/]+\/state$/.test(entry.name));
    const mark = (name: string) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? null;
    return { stateStarts: state.map((entry) => entry.startTime), script: mark('iedereen:script'), snapshot: mark('iedereen:snapshot'), synced: mark('iedereen:synced') };
  });

/** Counts the page's requests for the board's state. */
function countStateRequests(page: Page) {
  const seen = { count: 0 };
  page.on('request', (request) => {
    if (STATE_URL.test(new URL(request.url()).pathname)) seen.count++;
  });
  return seen;
}

/** Names on the person cards of a snapshot as the server sent it. */
function peopleIn(body: Buffer, contentType: string | undefined) {
  const doc = new Y.Doc();
  const encoding = snapshotEncodingOf(contentType);
  if (encoding === 'v2') Y.applyUpdateV2(doc, body);
  else if (encoding === 'v1') Y.applyUpdate(doc, body);
  else throw new Error(`not a snapshot: ${contentType}`);
  return readBoard(doc).people.map((p) => p.name);
}

test('a board opens from the snapshot the page asked for before its script ran', async ({ board: a, colleague: b }) => {
  const url = await a.createBoard('Afdeling Snapshot');
  await a.addPerson({ name: 'Fatima' });
  await a.addSkill({ label: 'wondzorg', category: 'Zorgverlener' });
  await a.expectSaved();

  const requests = countStateRequests(b.page);
  const answered = b.page.waitForResponse((response) => STATE_URL.test(new URL(response.url()).pathname));
  await b.open(url);
  const response = await answered;
  expect(response.status()).toBe(200);
  // A has the board open: the live board, in V2.
  expect(response.headers()['content-type']).toBe(BOARD_SNAPSHOT_TYPES.v2);
  expect(response.headers()['cache-control']).toBe('no-store');

  await b.waitForCard('person', 'Fatima');
  await b.waitForCard('skill', 'wondzorg');
  const { stateStarts, script, snapshot, synced } = await timings(b.page);
  // One request, made by index.html's inline script: before the app's script ran, and the page used it.
  expect(requests.count).toBe(1);
  expect(stateStarts).toHaveLength(1);
  expect(script).not.toBeNull();
  expect(stateStarts[0]).toBeLessThan(script!);
  expect(snapshot).not.toBeNull();
  // The snapshot was in the document before the socket's first sync.
  expect(snapshot!).toBeLessThan(synced!);
});

// A snapshot request that fails, and one that is never answered (the page waits out its
// patience): either way the board opens through the socket and can be edited.
for (const [what, answer] of [
  ['fails', (route: Route) => route.abort('failed')],
  ['never answers', () => undefined],
] as const) {
  test(`when the snapshot request ${what}, the board still opens through the socket and can be edited`, async ({ board: a, colleague: b }) => {
    const url = await a.createBoard('Afdeling Zonder Snapshot');
    await a.addPerson({ name: 'Fatima' });
    await a.expectSaved();

    let asked = 0;
    await b.page.route(STATE_URL, (route) => {
      asked++;
      return answer(route);
    });
    await b.open(url);
    await b.waitForCard('person', 'Fatima');
    expect(asked).toBe(1);
    expect((await timings(b.page)).snapshot).toBeNull();

    // B can edit, and A sees it.
    await b.addSkill({ label: 'tillen' });
    await a.waitForCard('skill', 'tillen');
    await b.expectSaved();
  });
}

test('an edit made while a colleague’s snapshot is on its way still reaches them, and theirs reach us', async ({ board: a, colleague: b }) => {
  const url = await a.createBoard('Afdeling Onderweg');
  await a.addPerson({ name: 'Fatima' });
  await a.expectSaved();

  // Hold B's snapshot once the server has made it, until A has edited the board.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let took!: (snapshot: { body: Buffer; type: string | undefined }) => void;
  const taken = new Promise<{ body: Buffer; type: string | undefined }>((resolve) => (took = resolve));
  await b.page.route(STATE_URL, async (route: Route) => {
    const response = await route.fetch();
    took({ body: await response.body(), type: response.headers()['content-type'] });
    await held;
    await route.fulfill({ response });
  });

  const opening = b.open(url);
  const snapshot = await taken;
  const sem = await a.addPerson({ name: 'Sem' });
  // The snapshot B is about to get was made before Sem existed.
  expect(peopleIn(snapshot.body, snapshot.type)).toEqual(['Fatima']);
  release();
  await opening;

  // B has both: Fatima from the snapshot, Sem through the socket.
  await b.waitForCard('person', 'Fatima');
  expect(await b.waitForCard('person', 'Sem')).toBe(sem);
  expect((await timings(b.page)).snapshot).not.toBeNull();

  // And B's edits reach A.
  await b.addSkill({ label: 'wondzorg' });
  await a.waitForCard('skill', 'wondzorg');
  await b.rename(sem, 'Sem de Vries');
  await a.waitForCard('person', 'Sem de Vries');
  await b.expectSaved();
});
