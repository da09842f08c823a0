import type { Page } from '@playwright/test';
import { addPerson, addSkill } from '../shared/boardWrites.ts';
import { write } from '../shared/recordWrites.ts';
import { readBoard } from '../shared/docSchema.ts';
import { test, expect } from './fixtures.ts';
import { connectFromNode } from './collabClient.ts';

const COLUMNS = 20;

/** Where a card is drawn on the page (its middle, page pixels), from what the canvas reports. */
function cardPoint(page: Page, id: string) {
  return page.evaluate((id) => {
    const stage = window.__iedereen!.stage!;
    const rect = window.__iedereen!.canvas!.rects.get(id);
    if (!rect) return null;
    const box = stage.container().getBoundingClientRect();
    return {
      x: box.left + stage.x() + (rect.x + rect.width / 2) * stage.scaleX(),
      y: box.top + stage.y() + (rect.y + rect.height / 2) * stage.scaleY(),
    };
  }, id);
}

const canvasState = (page: Page) =>
  page.evaluate(() => {
    const canvas = window.__iedereen?.canvas;
    return canvas ? { mode: canvas.mode, inView: canvas.inView, cards: canvas.cards, scale: window.__iedereen!.stage!.scaleX() } : null;
  });

/**
 * How far the overview on screen is from the same overview drawn afresh: the page repaints
 * only the parts of its overview picture where cards changed, and a part it missed would
 * show a card twice or not at all. Konva's export draws the layer again from scratch.
 * (Antialiased edges may differ by a unit or two of rounding.)
 */
const overviewDrift = (page: Page) =>
  page.evaluate(() => {
    const stage = window.__iedereen!.stage!;
    const layer = stage.getLayers()[0];
    const shown = layer.getNativeCanvasElement();
    const fresh = layer.toCanvas({ pixelRatio: shown.width / stage.width() }) as HTMLCanvasElement;
    const a = shown.getContext('2d')!.getImageData(0, 0, shown.width, shown.height).data;
    const b = fresh.getContext('2d')!.getImageData(0, 0, fresh.width, fresh.height).data;
    let worst = 0;
    for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
    return { sameSize: a.length === b.length, worst };
  });

const rectOf = (page: Page, id: string) => page.evaluate((id) => window.__iedereen?.canvas?.rects.get(id) ?? null, id);

test('a board of 400 cards opens as an overview: blocks can be picked, moved and linked, and a double-click zooms in', async ({ board: a, colleague: b, baseURL }) => {
  const url = await a.createBoard('Grote afdeling');
  await a.expectSaved();
  const boardId = new URL(url).pathname.split('/').pop()!;
  const token = new URL(url).hash.replace(/^#t=/, '');
  const filler = await connectFromNode(baseURL!, boardId, token);
  let fatima = '';
  let wondzorg = '';
  try {
    write(filler.doc, () => {
      for (let i = 0; i < 400; i++) {
        const at = { x: (i % COLUMNS) * 300, y: Math.floor(i / COLUMNS) * 160 };
        if (i % 2 === 0) {
          const id = addPerson(filler.doc, { name: i === 210 ? 'Fatima Overzicht' : `Collega ${i}`, kind: 'professional-team' }, at);
          if (i === 210) fatima = id;
        } else {
          const id = addSkill(filler.doc, { label: i === 211 ? 'wondzorg overzicht' : `vaardigheid ${i}`, category: 'zorgverlener', reservedAct: false }, at);
          if (i === 211) wondzorg = id;
        }
      }
    });

    // A had the board open while it filled up: "Alles tonen". B opens it now (it opens on the whole board).
    await expect.poll(() => canvasState(a.page)).toMatchObject({ cards: 400 });
    await a.fitAll();
    // Every report B's canvas makes, in order: the board must open on the whole board,
    // without first drawing it at 100 % (full cards made and thrown away).
    await b.page.addInitScript(() => {
      const seen: Array<{ mode: string; cards: number }> = [];
      let current: typeof window.__iedereen;
      Object.defineProperty(window, '__canvasReports', { value: seen });
      Object.defineProperty(window, '__iedereen', {
        configurable: true,
        get: () => current,
        set(next: typeof window.__iedereen) {
          if (next?.canvas && next.canvas !== current?.canvas) seen.push({ mode: next.canvas.mode, cards: next.canvas.cards });
          current = next;
        },
      });
    });
    await b.open(url);
    for (const page of [a.page, b.page]) {
      await expect.poll(() => canvasState(page)).toMatchObject({ mode: 'overview', cards: 400 });
    }
    const reports = await b.page.evaluate(() => (window as unknown as { __canvasReports: Array<{ mode: string; cards: number }> }).__canvasReports);
    expect(reports.filter((r) => r.cards > 0)[0]).toEqual({ mode: 'overview', cards: 400 });
    expect((await canvasState(a.page))!.inView).toBeGreaterThan(250);
    // One shape draws every block: no full cards on the stage.
    expect(await a.page.evaluate(() => window.__iedereen!.stage!.find('.person-card').length)).toBe(0);
    await a.screenshot('desktop-overview-400-cards');

    // Drag Fatima's block 150 px to the right: the colleague sees her there.
    const before = (await rectOf(a.page, fatima))!;
    const from = (await cardPoint(a.page, fatima))!;
    await a.page.mouse.move(from.x, from.y);
    await a.page.mouse.down();
    for (let step = 1; step <= 10; step++) await a.page.mouse.move(from.x + step * 15, from.y + step * 3);
    await a.page.mouse.up();
    const scale = (await canvasState(a.page))!.scale;
    await expect.poll(async () => (await rectOf(b.page, fatima))?.x).toBeCloseTo(before.x + 150 / scale, 0);

    // Colleagues move 30 more cards while B watches: B's overview shows each where it now is, once.
    const board = readBoard(filler.doc);
    // (From the top rows, far from Fatima and the skill used next.)
    const movers = [...board.people, ...board.skills].filter((card) => board.positions.get(card.id)!.y < 3 * 160).slice(0, 30);
    for (const [i, card] of movers.entries()) {
      const at = board.positions.get(card.id)!;
      filler.doc.getMap('positions').set(card.id, { x: at.x + 130 + i * 7, y: at.y + 45 });
    }
    const last = movers.at(-1)!;
    await expect.poll(async () => (await rectOf(b.page, last.id))?.x).toBe(board.positions.get(last.id)!.x + 130 + 29 * 7);
    for (const page of [a.page, b.page]) {
      const drift = await overviewDrift(page);
      expect(drift.sameSize).toBe(true);
      expect(drift.worst).toBeLessThanOrEqual(8);
    }

    // Drop the "wondzorg" skill block on Fatima's block: the skill is linked to her, and stays where it was.
    const skillBefore = (await rectOf(a.page, wondzorg))!;
    const skillAt = (await cardPoint(a.page, wondzorg))!;
    const target = (await cardPoint(a.page, fatima))!;
    await a.page.mouse.move(skillAt.x, skillAt.y);
    await a.page.mouse.down();
    for (let step = 1; step <= 10; step++) await a.page.mouse.move(skillAt.x + ((target.x - skillAt.x) * step) / 10, skillAt.y + ((target.y - skillAt.y) * step) / 10);
    await a.page.mouse.up();
    await expect.poll(() => readBoard(filler.doc).skillLinks.filter((l) => l.personId === fatima && l.skillId === wondzorg).length).toBe(1);
    expect(await rectOf(a.page, wondzorg)).toMatchObject({ x: skillBefore.x, y: skillBefore.y });

    // Double-click Fatima: zoomed in at full size, her full card (with the new skill) is there.
    const fatimaNow = (await cardPoint(a.page, fatima))!;
    await a.page.mouse.dblclick(fatimaNow.x, fatimaNow.y);
    await expect.poll(() => canvasState(a.page)).toMatchObject({ mode: 'detail', scale: 1 });
    await expect.poll(async () => (await a.chipInfo(fatima)).map((chip) => chip.text)).toEqual([expect.stringContaining('wondzorg overzicht')]);
    await a.screenshot('desktop-overview-zoomed-in');
  } finally {
    await filler.close();
  }
});
