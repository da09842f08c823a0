import { DOC_SCHEMA_VERSION } from '../shared/docVersion.ts';
import { metaMap } from '../shared/docSchema.ts';
import * as Y from 'yjs';
import { LowdbBoardStore } from '../server/store/lowdbBoardStore.ts';
import { test, expect } from './fixtures.ts';
import { createBoardOn, startOwnServer } from './ownServer.ts';

test('offline: the status says so honestly, and edits made offline are saved after reconnecting', async ({ board: a, colleague: b, context }) => {
  const url = await a.createBoard('Offline test');
  await a.expectSaved();
  await context.setOffline(true);
  await expect(a.status).toHaveText('Offline — je wijzigingen worden bewaard zodra je weer verbonden bent');
  await a.screenshot('desktop-offline');
  await a.addPerson({ name: 'Ilse' });
  await expect(a.status).not.toHaveText('Opgeslagen');
  await context.setOffline(false);
  await a.expectSaved();
  await b.open(url);
  await b.waitForCard('person', 'Ilse');
});

test('when a newer version has updated the board, this tab goes read-only and offers a reload', async ({ board }, info) => {
  // What happens in real life: the server is upgraded, migrates the board to a newer schema
  // and comes back, while an open tab still runs the old app. Clients may not write
  // meta.schemaVersion themselves (the server refuses it), so the newer server is played by
  // writing the board on disk while this spec's own server is stopped.
  const port = 3194 + info.workerIndex;
  let server = await startOwnServer(port, {});
  try {
    const created = await createBoardOn(server.url, 'Nieuwere versie');
    await board.open(created.links.facilitator, 'guest');
    await board.addPerson({ name: 'Fatima' });
    await board.expectSaved();
    const boardId = created.id;
    await server.stop();
    const store = await LowdbBoardStore.open(server.dataDir);
    const stored = (await store.load(boardId))!;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored.state);
    metaMap(doc).set('schemaVersion', DOC_SCHEMA_VERSION + 1);
    await store.save({ summary: stored.summary, schemaVersion: DOC_SCHEMA_VERSION + 1, state: Y.encodeStateAsUpdate(doc) });
    await store.close();
    server = await startOwnServer(port, {}, server.dataDir);
    await expect(board.page.getByRole('alert').filter({ hasText: 'Dit bord is bijgewerkt — laad de pagina opnieuw' })).toBeVisible({ timeout: 20_000 });
    await expect(board.page.getByRole('button', { name: 'Opnieuw laden' })).toBeVisible();
    await expect(board.page.getByRole('button', { name: 'Persoon toevoegen' })).toBeDisabled();
    // Read-only: dragging a card pans instead of moving it.
    const fatima = (await board.cardId('person', 'Fatima'))!;
    const before = await board.cardPosition(fatima);
    await board.dragCardBy(fatima, 120, 40);
    expect(await board.cardPosition(fatima)).toEqual(before);
    await board.screenshot('desktop-outdated');
  } finally {
    await server.stop();
  }
});
