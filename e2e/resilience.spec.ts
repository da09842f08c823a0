import { DOC_SCHEMA_VERSION } from '../shared/docVersion.ts';
import { metaMap } from '../shared/docSchema.ts';
import { test, expect } from './fixtures.ts';
import { connectFromNode } from './collabClient.ts';

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

test('when a newer version has updated the board, this tab goes read-only and offers a reload', async ({ board, baseURL }) => {
  const url = await board.createBoard('Nieuwere versie');
  await board.addPerson({ name: 'Fatima' });
  await board.expectSaved();
  const boardId = new URL(url).pathname.split('/').pop()!;
  const token = new URL(url).hash.replace(/^#t=/, '');
  const newer = await connectFromNode(baseURL!, boardId, token);
  try {
    metaMap(newer.doc).set('schemaVersion', DOC_SCHEMA_VERSION + 1);
    await expect(board.page.getByRole('alert').filter({ hasText: 'Dit bord is bijgewerkt — laad de pagina opnieuw' })).toBeVisible();
    await expect(board.page.getByRole('button', { name: 'Opnieuw laden' })).toBeVisible();
    await expect(board.page.getByRole('button', { name: 'Persoon toevoegen' })).toBeDisabled();
    // Read-only: dragging a card pans instead of moving it.
    const fatima = (await board.cardId('person', 'Fatima'))!;
    const before = await board.cardPosition(fatima);
    await board.dragCardBy(fatima, 120, 40);
    expect(await board.cardPosition(fatima)).toEqual(before);
    await board.screenshot('desktop-outdated');
  } finally {
    await newer.close();
  }
});
