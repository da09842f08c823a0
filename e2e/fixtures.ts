import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { test as base, expect, type Browser, type Locator, type Page } from '@playwright/test';

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

type CardType = 'person' | 'skill' | 'question' | 'reaction';

/** How a participant says who they are when the board opens. */
export type JoinChoice =
  | 'guest'
  /** Don't touch the dialog (e.g. the test handles it). */
  | 'none'
  | { existing: string }
  | (NewPersonInput & { existing?: undefined });

export interface ChipInfo {
  text: string;
  linkId: string;
  response: string;
  level: string;
  badge: string;
}
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
export interface BoardLinks {
  facilitator: string;
  participant: string;
  viewer: string;
}

export class BoardPageObject {
  constructor(readonly page: Page) {}

  /** The links shown after making a board here (createBoard). */
  links: BoardLinks | null = null;

  /** The save status in the top bar (other live regions, e.g. banners, are status regions too). */
  get status() {
    return this.page.getByRole('status').and(this.page.locator('[data-status]'));
  }

  /**
   * A picture for a person to look at (e2e/screenshots/), taken only with SCREENSHOTS=1:
   * nothing compares it. What must keep looking the same goes through expectLooksLike.
   */
  async screenshot(name: string) {
    if (!process.env.SCREENSHOTS) return;
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await this.page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
  }

  /**
   * Compares the page with its committed baseline (the spec's -snapshots folder; refresh with
   * --update-snapshots after a deliberate change). The presence list is masked: who is there
   * and in which colour differs per run. A little tolerance absorbs anti-aliasing noise, not
   * a missing mark or a moved panel.
   */
  async expectLooksLike(name: string, { mask = [], clip, maxDiffPixels }: { mask?: Locator[]; clip?: Box; maxDiffPixels?: number } = {}) {
    const tolerance = maxDiffPixels === undefined ? { maxDiffPixelRatio: 0.002 } : { maxDiffPixels };
    await expect(this.page).toHaveScreenshot(`${name}.png`, { ...tolerance, mask: [this.presenceList, ...mask], clip });
  }

  /** Compares one card as drawn on the canvas with its baseline: small marks on it count, the rest of the page does not. */
  async expectCardLooksLike(name: string, id: string) {
    await this.expectCardPicturesCurrent();
    const box = await this.cardBox(id);
    const margin = 4;
    const clip = { x: Math.floor(box.x - margin), y: Math.floor(box.y - margin), width: Math.ceil(box.width + 2 * margin), height: Math.ceil(box.height + 2 * margin) };
    // A mark on a card is a few dozen pixels: a page-sized ratio would let it go missing.
    await this.expectLooksLike(name, { clip, maxDiffPixels: 8 });
  }

  /** The texts drawn on a card, top to bottom as its Konva nodes hold them (what the canvas shows). */
  cardTexts(id: string): Promise<string[]> {
    return this.page.evaluate((id) => {
      const card = window.__iedereen?.stage?.findOne(`#${id}`) as unknown as { find(s: string): Array<{ text(): string; isVisible(): boolean }> } | undefined;
      return card ? card.find('Text').filter((node) => node.isVisible() && node.text() !== '').map((node) => node.text()) : [];
    }, id);
  }

  /**
   * Creates a board on the home page and waits until it is open. By default the creator
   * goes on without a name (as before joining existed); pass `join` to become someone.
   */
  async createBoard(title: string, { starterSet = false, join = 'guest' }: { starterSet?: boolean; join?: JoinChoice } = {}): Promise<string> {
    await this.page.goto('/');
    await this.page.getByLabel('Naam van het bord').fill(title);
    if (starterSet) await this.page.getByLabel(/vaardigheden van een zorgteam/).check();
    await this.page.getByRole('button', { name: 'Nieuw bord' }).click();
    this.links = await this.readCreatedLinks();
    await this.page.getByRole('button', { name: 'Open als begeleider' }).click();
    await this.page.waitForURL(/\/b\/[^/#]+$/);
    await this.waitUntilLoaded();
    await this.join(join);
    // Other browsers open the board with the facilitator link, as this one did.
    return this.links.facilitator;
  }

  /** After "Nieuw bord": the three links the home page shows. */
  async readCreatedLinks(): Promise<BoardLinks> {
    const created = this.page.getByRole('region', { name: /^Het bord is klaar/ });
    await expect(created).toBeVisible();
    const link = (label: string) => created.getByRole('textbox', { name: label, exact: true }).inputValue();
    return { facilitator: await link('Begeleider'), participant: await link('Deelnemer'), viewer: await link('Kijker') };
  }

  /** Opens a board for the first time in this browser and answers "Wie ben jij?". */
  async open(url: string, join: JoinChoice = 'guest') {
    await this.page.goto(url);
    await this.waitUntilLoaded();
    await this.join(join);
  }

  get joinDialog() {
    return this.page.getByRole('dialog', { name: /^(Wie ben jij\?|Who are you\?)$/ });
  }

  /** Answers the "Wie ben jij?" dialog, which opens on a first visit. */
  async join(choice: JoinChoice) {
    if (choice === 'none') return;
    const dialog = this.joinDialog;
    await expect(dialog).toBeVisible();
    if (choice === 'guest') {
      await dialog.getByRole('button', { name: 'Verder zonder naam' }).click();
    } else if (choice.existing !== undefined) {
      await dialog.getByRole('button', { name: new RegExp(`^${choice.existing}\\b`) }).click();
    } else {
      await dialog.getByLabel('Naam', { exact: true }).fill(choice.name);
      if (choice.kind) await dialog.getByLabel('Rol').selectOption({ label: choice.kind });
      if (choice.year) await dialog.getByLabel('Leerjaar').selectOption(String(choice.year));
      if (choice.level) await dialog.getByLabel('Niveau').selectOption({ label: choice.level });
      await dialog.getByRole('button', { name: 'Maak mijn kaart' }).click();
    }
    await expect(dialog).toBeHidden();
    if (choice !== 'guest') await expect(this.meButton).toContainText(choice.existing ?? choice.name);
  }

  /** The top-bar button that says who you are ("Jij: Fatima") and lets you switch. */
  get meButton() {
    return this.page.locator('.me-button');
  }

  get presenceList() {
    return this.page.getByRole('list', { name: /^(Wie is er nu|Who’s here)$/ });
  }

  /** The live announcements (nominations arriving, answers). */
  get announcements() {
    return this.page.getByRole('log');
  }

  /** A view-rail toggle, e.g. "Vaardigheden", "Klankbord". */
  railButton(name: string) {
    return this.page.getByRole('toolbar', { name: /^(Weergave|View)$/ }).getByRole('button', { name, exact: true });
  }

  async openPanel(name: string) {
    const button = this.railButton(name);
    if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
  }

  /** Shows the whole board in the space the panels leave free. */
  async fitAll() {
    await this.page.getByRole('button', { name: /^(Alles tonen|Show all)$/ }).click();
  }

  /** Drags a skill from the palette onto a person card with the real mouse. */
  async dragFromPalette(skillLabel: string, personId: string) {
    await this.openPanel('Vaardigheden');
    const item = this.page.getByRole('list', { name: 'Alle vaardigheden' }).getByRole('button', { name: new RegExp(`^${escapeRegExp(skillLabel)}`) });
    await item.scrollIntoViewIfNeeded();
    const from = (await item.boundingBox())!;
    const target = await this.cardBox(personId);
    await this.page.mouse.move(from.x + 30, from.y + from.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + 45, from.y + from.height / 2 + 6, { steps: 3 });
    await this.page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 15 });
    await this.page.mouse.up();
  }

  /** Chips on a person's card, with what they say about the link. */
  chipInfo(personId: string): Promise<ChipInfo[]> {
    return this.page.evaluate((id) => {
      const card = window.__iedereen?.stage?.findOne(`#${id}`) as unknown as { find(s: string): Array<{ getAttr(k: string): string }> } | undefined;
      if (!card) return [];
      return card.find('.skill-chip').map((chip) => ({
        text: chip.getAttr('chipText'),
        linkId: chip.getAttr('linkId'),
        response: chip.getAttr('response'),
        level: chip.getAttr('level'),
        badge: chip.getAttr('badge'),
      }));
    }, personId);
  }

  /** Clicks the body of the chip whose text starts with `prefix`. */
  async clickChip(personId: string, prefix: string) {
    const point = await this.page.evaluate(
      ([id, prefix]) => {
        const stage = window.__iedereen?.stage;
        const card = stage?.findOne(`#${id}`) as unknown as
          | { find(s: string): Array<{ getAttr(k: string): string; findOne(s: string): { getClientRect(): { x: number; y: number; width: number; height: number } } }> }
          | undefined;
        const chip = card?.find('.skill-chip').find((c) => c.getAttr('chipText').startsWith(prefix));
        if (!stage || !chip) return null;
        const rect = chip.findOne('.chip-body').getClientRect();
        const origin = stage.container().getBoundingClientRect();
        return { x: origin.left + rect.x + Math.min(40, rect.width / 3), y: origin.top + rect.y + rect.height / 2 };
      },
      [personId, prefix] as const,
    );
    if (!point) throw new Error(`no chip "${prefix}…" on ${personId}`);
    await this.page.mouse.click(point.x, point.y);
  }

  /** The small card that opens on a chip. */
  get chipPopover() {
    return this.page.locator('.chip-popover');
  }

  /** Whether a card is glowing because a nomination just arrived for it. */
  hasArrivalGlow(id: string): Promise<boolean> {
    return this.page.evaluate((id) => !!window.__iedereen?.stage?.find('.arrival-highlight').some((n) => n.getAttr('targetId') === id), id);
  }

  /** A Konva attribute of a card (e.g. a question's status). */
  cardAttr(id: string, attr: string): Promise<unknown> {
    return this.page.evaluate(([id, attr]) => window.__iedereen?.stage?.findOne(`#${id}`)?.getAttr(attr), [id, attr] as const);
  }

  /** The opened side panel (question, pair, palette …) by its heading. */
  panel(name: string | RegExp) {
    return this.page.getByRole('region', { name });
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

  /**
   * Fills the open "Leervraag toevoegen" form after its student: the question, one skill tag
   * found by searching, and an illness as its theme; adds it and returns the new card's id.
   */
  async submitLearningQuestion({ text, search, skill, illness }: { text: string; search: string; skill: string; illness: string }) {
    const form = this.page.getByRole('dialog', { name: 'Leervraag toevoegen' });
    await form.getByLabel('De leervraag').fill(text);
    await form.getByRole('searchbox', { name: 'Zoek een vaardigheid' }).fill(search);
    await form.getByRole('checkbox', { name: skill }).check();
    await form.getByRole('radio', { name: 'Ziektebeeld' }).check();
    await form.getByLabel('Welk ziektebeeld of welke levensstijl?').fill(illness);
    await form.getByRole('button', { name: 'Toevoegen' }).click();
    return this.waitForCard('question', text);
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

  /** Drops a skill card on a person; the card then glides back to its place, as a person sees it before tapping on. */
  async dragSkillOntoPerson(skillId: string, personId: string) {
    const home = await this.cardBox(skillId);
    const target = await this.cardBox(personId);
    await this.dragCard(skillId, { x: target.x + target.width / 2, y: target.y + target.height / 2 });
    await expect
      .poll(async () => {
        const now = await this.cardBox(skillId);
        return Math.max(Math.abs(now.x - home.x), Math.abs(now.y - home.y));
      }, { message: 'the skill card glides back to its place' })
      .toBeLessThan(1);
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

  /**
   * Full cards are drawn from a bitmap each (client/canvas/cardBitmaps.ts): what the canvas
   * shows must be what the cards are now. Waits until every card is painted for the
   * screen's zoom, then draws the cards layer from those bitmaps and again from bitmaps made
   * afresh: a bitmap left from before a change makes the two differ.
   */
  async expectCardPicturesCurrent() {
    type Bitmapped = { isPaintedForZoom(): boolean; forgetBitmap(): void; paintBitmap(): void };
    await expect
      .poll(
        () =>
          this.page.evaluate(() => {
            const layer = window.__iedereen?.stage?.getLayers()[0];
            const cards = (layer?.find((node: object) => 'paintBitmap' in node) ?? []) as unknown as Bitmapped[];
            return cards.filter((card) => !card.isPaintedForZoom()).length;
          }),
        { message: 'every card on screen has a bitmap at the current zoom' },
      )
      .toBe(0);
    const differing = await this.page.evaluate(() => {
      const layer = window.__iedereen!.stage!.getLayers()[0];
      const pixels = () => {
        layer.draw();
        const canvas = layer.getNativeCanvasElement();
        return canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      };
      const shown = pixels();
      for (const card of layer.find((node: object) => 'paintBitmap' in node) as unknown as Bitmapped[]) {
        card.forgetBitmap();
        card.paintBitmap();
      }
      const fresh = pixels();
      let count = 0;
      for (let i = 0; i < shown.length; i++) if (shown[i] !== fresh[i]) count++;
      return count;
    });
    expect(differing, 'cards layer pixels that differ from freshly made card bitmaps').toBe(0);
  }
}

interface Fixtures {
  board: BoardPageObject;
  /** A second, independent browser (its own context: no shared storage), like a colleague's device. */
  colleague: BoardPageObject;
  /** A third independent browser, e.g. a student's phone. */
  third: BoardPageObject;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
  third: async ({ browser, contextOptions, viewport, locale }, use) => {
    const { context, board } = await newBoardPage(browser, { ...contextOptions, viewport, locale });
    await use(board);
    await context.close();
  },
});
