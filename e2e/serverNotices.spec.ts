import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, type BoardPageObject } from './fixtures.ts';
import { createBoardOn, startOwnServer } from './ownServer.ts';

/**
 * What the server tells a tab, shown to the person at the moment it happens: a refused edit,
 * a board that is full (the tab starts again from the server's copy), storage failing, a
 * damaged board file, a busy server. Every page here also runs under the server's CSP: a
 * violation (an inline script or style the policy does not allow) fails the test.
 */

const boardIdOf = (url: string) => new URL(url).pathname.split('/').pop()!;

/** Collects CSP violations in the page (the init script runs outside the page's CSP). */
async function watchCsp(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}
/** Violations besides the one refused eval the record checks try before they fall back (shared/docSchema.ts). */
const cspViolations = async (page: Page) =>
  (await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])).filter((v) => !/^script-src(-elem)? eval$/.test(v));

/** Writes a record straight into the tab's Y.Doc, as a modified client could: the forms never would. */
function writeRecord(page: Page, map: string, id: string, record: Record<string, unknown>) {
  return page.evaluate(
    ([map, id, record]) => {
      const doc = window.__iedereen!.doc!;
      doc.transact(() => {
        doc.getMap(map).set(id, record);
        doc.getMap('positions').set(id, { x: 40, y: 40 });
      });
    },
    [map, id, record] as const,
  );
}
const hasRecord = (page: Page, map: string, id: string) => page.evaluate(([map, id]) => !!window.__iedereen?.doc?.getMap(map).has(id), [map, id] as const);

test('a refused edit: the sender is told why in Dutch, and the record is gone for everyone', async ({ board: f, colleague: p }) => {
  await watchCsp(f.page);
  await watchCsp(p.page);
  await f.createBoard('Geweigerd', { join: { name: 'Fatima' } });
  await f.expectSaved();
  await p.open(f.links!.participant, { name: 'Sam' });

  const id = 'r0000000000000000000001';
  await writeRecord(f.page, 'reactions', id, { kind: 'appeals', text: 'x'.repeat(600), createdAt: Date.now() });
  const toast = f.page.getByRole('alert').filter({ hasText: 'Deze wijziging is niet bewaard' });
  await expect(toast).toBeVisible();
  await expect(toast).toContainText('een tekst is te lang of een veld is niet goed ingevuld');
  // The server undid it in the same step: gone here, never seen there.
  await expect.poll(() => hasRecord(f.page, 'reactions', id)).toBe(false);
  expect(await hasRecord(p.page, 'reactions', id)).toBe(false);
  await expect(p.page.getByRole('alert').filter({ hasText: 'Deze wijziging is niet bewaard' })).toHaveCount(0);
  await f.expectSaved();
  await f.screenshot('desktop-refused-edit');

  // The sender's next (good) edits go through.
  await f.addPerson({ name: 'Ilse' });
  await p.waitForCard('person', 'Ilse');

  // Closed by keyboard; readable at 390 px.
  await f.page.setViewportSize({ width: 390, height: 844 });
  await writeRecord(f.page, 'reactions', 'r0000000000000000000002', { kind: 'appeals', text: 'y'.repeat(600), createdAt: Date.now() });
  await expect(toast).toBeVisible();
  const box = (await toast.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await f.screenshot('phone-refused-edit');
  await toast.getByRole('button', { name: 'Melding sluiten' }).focus();
  await f.page.keyboard.press('Enter');
  await expect(toast).toBeHidden();

  expect(await cspViolations(f.page)).toEqual([]);
  expect(await cspViolations(p.page)).toEqual([]);
});

test('a damaged board file: "Dit bord is beschadigd", not "Deze link werkt niet meer"', async ({ board, colleague }) => {
  const dataDir = process.env.E2E_DATA_DIR!;
  const url = await board.createBoard('Beschadigd');
  await board.addPerson({ name: 'Fatima' });
  await board.expectSaved();
  const boardId = boardIdOf(url);
  // Nobody on the board: the server stores it whole and lets it go from memory.
  await board.page.goto('/');
  await board.page.waitForTimeout(4000);
  const folder = path.join(dataDir, 'boards');
  for (const name of readdirSync(folder)) if (name.startsWith(`${boardId}.`)) rmSync(path.join(folder, name));
  writeFileSync(path.join(folder, `${boardId}.board`), 'iedereen board 1\nthis is not a header\n');

  const p = colleague.page;
  await watchCsp(p);
  await p.goto(url);
  const message = p.getByRole('alert').filter({ has: p.getByRole('heading', { name: 'Dit bord is beschadigd' }) });
  await expect(message).toBeVisible();
  await expect(message).toContainText('De laatste goede versie is op de server bewaard');
  await expect(message).toContainText('Vraag de beheerder');
  await expect(p.getByText('Deze link werkt niet meer')).toHaveCount(0);
  await colleague.screenshot('desktop-damaged-board');
  await p.setViewportSize({ width: 390, height: 844 });
  await colleague.screenshot('phone-damaged-board');
  expect(await cspViolations(p)).toEqual([]);
});

test('a busy server (429) on the lookup: a calm page that tries again by itself', async ({ board, colleague }) => {
  const url = await board.createBoard('Druk');
  let refusals = 1;
  await colleague.page.route(/\/api\/boards\/[^/]+$/, async (route) => {
    if (refusals-- > 0) {
      return route.fulfill({
        status: 429,
        headers: { 'content-type': 'application/json', 'retry-after': '3' },
        body: JSON.stringify({ error: { code: 'RATE_LIMITED', message: 'Too many requests: try again in 3 seconds.' } }),
      });
    }
    return route.continue();
  });
  await colleague.page.goto(url);
  await expect(colleague.page.getByRole('heading', { name: 'Het is even erg druk' })).toBeVisible();
  await expect(colleague.page.getByText('Deze link werkt niet meer')).toHaveCount(0);
  await expect(colleague.page.getByRole('button', { name: 'Nu opnieuw proberen' })).toBeVisible();
  await colleague.page.setViewportSize({ width: 390, height: 844 });
  await colleague.screenshot('phone-busy');
  // After Retry-After it asks again, and the board opens.
  await colleague.waitUntilLoaded();
});

test.describe('on a server of its own', () => {
  test('a full board: the last edit is not saved, the tab starts again from the server, and the edit is never sent again', async ({ board: f, colleague: p }, info) => {
    const server = await startOwnServer(3190 + info.workerIndex, { BOARD_MAX_RECORDS: '10' });
    try {
      const created = await createBoardOn(server.url, 'Vol bord');
      await watchCsp(f.page);
      await f.open(created.links.facilitator, 'guest');
      await p.open(created.links.participant, 'guest');
      await f.addPerson({ name: 'Fatima' });
      await p.waitForCard('person', 'Fatima');
      const firstDoc = await f.page.evaluateHandle(() => window.__iedereen!.doc!);

      // Twelve good records in one edit: more than the board may hold.
      await f.page.evaluate(() => {
        const doc = window.__iedereen!.doc!;
        doc.transact(() => {
          for (let i = 0; i < 12; i++) {
            const id = `r${String(i).padStart(22, '0')}`;
            doc.getMap('reactions').set(id, { kind: 'appeals', text: `Reactie ${i}`, createdAt: Date.now() });
            doc.getMap('positions').set(id, { x: 400 + i * 10, y: 40 });
          }
        });
      });
      const toast = f.page.getByRole('alert').filter({ hasText: 'Het bord is vol: je laatste wijziging past er niet meer bij en is niet bewaard.' });
      await expect(toast).toBeVisible();
      await expect(toast).toContainText('Je ziet nu het bord zoals het op de server staat.');
      // A fresh copy: a new document that has Fatima and none of the twelve.
      await expect.poll(() => f.page.evaluate((old) => !!window.__iedereen?.doc && window.__iedereen.doc !== old, firstDoc)).toBe(true);
      await f.waitForCard('person', 'Fatima');
      await f.expectSaved();
      const reactions = (page: Page) => page.evaluate(() => window.__iedereen?.doc?.getMap('reactions').size ?? -1);
      expect(await reactions(f.page)).toBe(0);
      expect(await reactions(p.page)).toBe(0);
      await f.screenshot('desktop-board-full');

      // Not resent: the fresh connection stays (no second close, no second fresh copy).
      const freshDoc = await f.page.evaluateHandle(() => window.__iedereen!.doc!);
      await f.page.waitForTimeout(3000);
      expect(await f.page.evaluate((fresh) => window.__iedereen!.doc === fresh, freshDoc)).toBe(true);
      await f.addPerson({ name: 'Ilse' });
      await p.waitForCard('person', 'Ilse');
      expect(await reactions(p.page)).toBe(0);
      expect(await cspViolations(f.page)).toEqual([]);
    } finally {
      await server.stop();
    }
  });

  test('storage failing: facilitators see a calm banner until it works again; participants do not', async ({ board: f, colleague: p }, info) => {
    const server = await startOwnServer(3192 + info.workerIndex, { STORE_RETRY_MS: '500' });
    const boards = path.join(server.dataDir, 'boards');
    const aside = `${boards}-aside`;
    try {
      const created = await createBoardOn(server.url, 'Opslag');
      await f.open(created.links.facilitator, 'guest');
      await p.open(created.links.participant, 'guest');
      await f.expectSaved();
      // The folder the boards are written to becomes a file: every write fails (even as root).
      renameSync(boards, aside);
      writeFileSync(boards, 'not a folder');
      await f.addPerson({ name: 'Fatima' });
      const banner = (b: BoardPageObject) => b.page.getByRole('status').filter({ hasText: 'Opslaan lukt niet — de server bewaart je wijzigingen zolang hij draait' });
      await expect(banner(f)).toBeVisible({ timeout: 30_000 });
      await expect(f.status).not.toHaveText('Opgeslagen');
      await expect(banner(p)).toHaveCount(0);
      await f.screenshot('desktop-storage-failing');
      await f.page.setViewportSize({ width: 390, height: 844 });
      await f.screenshot('phone-storage-failing');
      await f.page.setViewportSize({ width: 1280, height: 800 });

      rmSync(boards);
      renameSync(aside, boards);
      await expect(banner(f)).toBeHidden({ timeout: 60_000 });
      await f.expectSaved();
    } finally {
      if (!readdirSafe(boards)) {
        rmSync(boards, { force: true });
        mkdirSync(boards, { recursive: true });
      }
      await server.stop();
    }
  });
});

function readdirSafe(dir: string) {
  try {
    readdirSync(dir);
    return true;
  } catch {
    return false;
  }
}
