import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { test as base, expect, type Browser, type Page } from '@playwright/test';

export { expect };

const SCREENSHOT_DIR = path.join(import.meta.dirname, 'screenshots');

export interface NewPersonInput {
  name: string;
  /** The option label in the role select, e.g. "Student". */
  kind?: string;
  year?: number;
  /** The option label, e.g. "mbo niveau 4 (verpleegkunde)". */
  level?: string;
}

export interface NewSkillInput {
  label: string;
  category?: string;
  reserved?: boolean;
}

type CardType = 'person' | 'skill';
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The board page as a user sees it. Cards live on a canvas, so tests find them through
 * the Konva stage the app exposes (window.__iedereen.stage) and then use the real mouse.
 */
export class BoardPageObject {
  constructor(readonly page: Page) {}

  get status() {
    return this.page.getByRole('status');
  }

  async screenshot(name: string) {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await this.page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
  }

  /** Creates a board on the home page and waits until it is open. */
  async createBoard(title: string): Promise<string> {
    await this.page.goto('/');
    await this.page.getByLabel('Naam van het bord').fill(title);
    await this.page.getByRole('button', { name: 'Nieuw bord' }).click();
    await this.page.waitForURL(/\/b\/[^/]+$/);
    await this.waitUntilLoaded();
    return this.page.url();
  }

  async open(url: string) {
    await this.page.goto(url);
    await this.waitUntilLoaded();
  }

  /** The stage exists and the first sync is done (toolbar buttons become usable). */
  async waitUntilLoaded() {
    await this.page.waitForFunction(() => !!window.__iedereen?.stage);
    await expect(this.page.getByRole('button', { name: /Persoon toevoegen|Add person/ })).toBeEnabled();
  }

  async addPerson({ name, kind, year, level }: NewPersonInput) {
    await this.page.getByRole('button', { name: 'Persoon toevoegen' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Persoon toevoegen' });
    if (kind) await dialog.getByLabel('Rol').selectOption({ label: kind });
    await dialog.getByLabel('Naam', { exact: true }).fill(name);
    if (year) await dialog.getByLabel('Leerjaar').selectOption(String(year));
    if (level) await dialog.getByLabel('Niveau').selectOption({ label: level });
    await dialog.getByRole('button', { name: 'Toevoegen' }).click();
    await expect(dialog).toBeHidden();
    return this.waitForCard('person', name || kind!);
  }

  async addSkill({ label, category, reserved }: NewSkillInput) {
    await this.page.getByRole('button', { name: 'Vaardigheid toevoegen' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Vaardigheid toevoegen' });
    await dialog.getByLabel('Vaardigheid', { exact: true }).fill(label);
    if (category) await dialog.getByLabel('CanMEDS-rol').selectOption({ label: category });
    if (reserved) await dialog.getByLabel(/Voorbehouden handeling/).check();
    await dialog.getByRole('button', { name: 'Toevoegen' }).click();
    await expect(dialog).toBeHidden();
    return this.waitForCard('skill', label);
  }

  /** Id of the card of `type` showing `label`, or null. */
  cardId(type: CardType, label: string): Promise<string | null> {
    return this.page.evaluate(
      ([type, label]) => {
        const stage = window.__iedereen?.stage;
        const card = stage?.find(`.${type}-card`).find((node) => node.getAttr('cardLabel') === label);
        return card ? card.id() : null;
      },
      [type, label] as const,
    );
  }

  /** Waits until a card with this label is on the board and returns its id. */
  async waitForCard(type: CardType, label: string): Promise<string> {
    let id: string | null = null;
    await expect
      .poll(async () => (id = await this.cardId(type, label)), { message: `${type} card "${label}" appears` })
      .not.toBeNull();
    return id!;
  }

  async waitForCardGone(id: string) {
    await expect.poll(() => this.page.evaluate((id) => !!window.__iedereen?.stage?.findOne(`#${id}`), id)).toBe(false);
  }

  /** The card's box in page coordinates (CSS pixels). */
  async cardBox(id: string): Promise<Box> {
    const box = await this.page.evaluate((id) => {
      const stage = window.__iedereen?.stage;
      const node = stage?.findOne(`#${id}`);
      if (!stage || !node) return null;
      const rect = node.getClientRect({ skipShadow: true, skipStroke: true });
      const origin = stage.container().getBoundingClientRect();
      return { x: origin.left + rect.x, y: origin.top + rect.y, width: rect.width, height: rect.height };
    }, id);
    if (!box) throw new Error(`card ${id} is not on the board`);
    return box;
  }

  /** Board position (x, y) of a card as rendered. */
  cardPosition(id: string): Promise<{ x: number; y: number } | null> {
    return this.page.evaluate((id) => {
      const node = window.__iedereen?.stage?.findOne(`#${id}`);
      return node ? { x: Math.round(node.x()), y: Math.round(node.y()) } : null;
    }, id);
  }

  /** A point on the card's header: never on a chip and its "×". */
  async headerPoint(id: string) {
    const box = await this.cardBox(id);
    return { x: box.x + box.width / 2, y: box.y + Math.min(24, box.height / 3) };
  }

  async clickCard(id: string) {
    const point = await this.headerPoint(id);
    await this.page.mouse.click(point.x, point.y);
  }

  /** Presses on a card, moves the real mouse in steps and releases at `to`. */
  async dragCard(id: string, to: { x: number; y: number }) {
    const from = await this.headerPoint(id);
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + 10, from.y + 10, { steps: 3 });
    await this.page.mouse.move(to.x, to.y, { steps: 12 });
    await this.page.mouse.up();
  }

  async dragCardBy(id: string, dx: number, dy: number) {
    const from = await this.headerPoint(id);
    await this.dragCard(id, { x: from.x + dx, y: from.y + dy });
  }

  async dragSkillOntoPerson(skillId: string, personId: string) {
    const target = await this.cardBox(personId);
    await this.dragCard(skillId, { x: target.x + target.width / 2, y: target.y + target.height / 2 });
  }

  /** Chip texts on a person's card. */
  chips(personId: string): Promise<string[]> {
    return this.page.evaluate((id) => {
      const card = window.__iedereen?.stage?.findOne(`#${id}`);
      if (!card || !('find' in card)) return [];
      return (card as unknown as { find(s: string): Array<{ getAttr(k: string): string }> }).find('.skill-chip').map((chip) => chip.getAttr('chipText'));
    }, personId);
  }

  async removeChip(personId: string, text: string) {
    const point = await this.page.evaluate(
      ([id, text]) => {
        const stage = window.__iedereen?.stage;
        const card = stage?.findOne(`#${id}`) as unknown as { find(s: string): Array<{ getAttr(k: string): string; findOne(s: string): { getClientRect(): { x: number; y: number; width: number; height: number } } }> } | undefined;
        const chip = card?.find('.skill-chip').find((c) => c.getAttr('chipText') === text);
        if (!stage || !chip) return null;
        const rect = chip.findOne('.chip-remove').getClientRect();
        const origin = stage.container().getBoundingClientRect();
        return { x: origin.left + rect.x + rect.width / 2, y: origin.top + rect.y + rect.height / 2 };
      },
      [personId, text] as const,
    );
    if (!point) throw new Error(`no chip "${text}" on ${personId}`);
    await this.page.mouse.click(point.x, point.y);
  }

  /** Double-clicks the card, types a new name in the field laid over it, presses Enter. */
  async rename(id: string, name: string) {
    const point = await this.headerPoint(id);
    await this.page.mouse.dblclick(point.x, point.y);
    const field = this.page.getByRole('textbox', { name: 'Nieuwe naam' });
    await expect(field).toBeVisible();
    await field.fill(name);
    await field.press('Enter');
    await expect(field).toBeHidden();
  }

  async deleteCard(id: string) {
    await this.clickCard(id);
    await this.page.keyboard.press('Delete');
    await this.waitForCardGone(id);
  }

  async expectSaved() {
    await expect(this.status).toHaveText('Opgeslagen');
  }
}

interface Fixtures {
  board: BoardPageObject;
  /** A second, independent browser (its own context: no shared storage), like a colleague's device. */
  colleague: BoardPageObject;
}

async function newBoardPage(browser: Browser, contextOptions: Parameters<Browser['newContext']>[0]) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[browser] ${error.message}`));
  return { context, board: new BoardPageObject(page) };
}

export const test = base.extend<Fixtures>({
  board: async ({ page }, use) => {
    page.on('pageerror', (error) => console.error(`[browser] ${error.message}`));
    await use(new BoardPageObject(page));
  },
  colleague: async ({ browser, contextOptions, viewport, locale }, use) => {
    const { context, board } = await newBoardPage(browser, { ...contextOptions, viewport, locale });
    await use(board);
    await context.close();
  },
});
