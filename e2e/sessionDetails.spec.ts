import { test, expect } from './fixtures.ts';

test('own level: a reserved act without "bevoegd én bekwaam" shows as learning; the choice of person is remembered; ? lists the shortcuts', async ({ board }) => {
  const { page } = board;
  await board.createBoard('Niveaus', { starterSet: true, join: 'none' });
  await board.screenshot('desktop-join');
  await board.join({ name: 'Ilse', kind: 'Professional (eigen team)' });
  const ilse = await board.waitForCard('person', 'Ilse');

  // A synonym finds the skill; dropping it on your own card asks for your level.
  await board.openPanel('Vaardigheden');
  await page.getByRole('searchbox', { name: 'Zoek een vaardigheid' }).fill('insuline');
  await board.fitAll();
  await board.dragFromPalette('injecteren (s.c./i.m.)', ilse);
  const picker = page.getByRole('dialog', { name: 'Hoe goed kun jij dit?' });
  await expect(picker).toBeVisible();
  await picker.getByRole('radio', { name: 'Ik kan het', exact: true }).check();
  await expect(picker.getByLabel('Ik ben bevoegd én bekwaam')).not.toBeChecked();
  await board.screenshot('desktop-level-picker');
  await picker.getByRole('button', { name: 'Opslaan' }).click();
  await expect.poll(() => board.chipInfo(ilse)).toEqual([expect.objectContaining({ level: 'learning', text: 'injecteren (s.c./i.m.) · leer ik nog' })]);

  // Clicking the own chip changes the level; with the tick it counts.
  await board.clickChip(ilse, 'injecteren');
  await expect(picker.getByRole('radio', { name: 'Ik kan het', exact: true })).toBeChecked();
  await picker.getByLabel('Ik ben bevoegd én bekwaam').check();
  await picker.getByRole('button', { name: 'Opslaan' }).click();
  await expect.poll(() => board.chipInfo(ilse)).toEqual([expect.objectContaining({ level: 'can-do', text: 'injecteren (s.c./i.m.) · kan ik' })]);

  await page.getByRole('searchbox', { name: 'Zoek een vaardigheid' }).fill('mond');
  await board.dragFromPalette('mondzorg', ilse);
  await picker.getByRole('radio', { name: 'Hier kun je mij voor vragen' }).check();
  await picker.getByRole('button', { name: 'Opslaan' }).click();
  await expect.poll(async () => (await board.chipInfo(ilse)).map((c) => c.level)).toEqual(['can-do', 'ask-me']);
  await board.screenshot('desktop-own-levels');

  // The choice of person is remembered in this browser for this board.
  await board.expectSaved();
  await page.reload();
  await board.waitUntilLoaded();
  await expect(board.meButton).toContainText('Jij: Ilse');
  await expect(board.joinDialog).toBeHidden();

  // Switching person opens the same dialog, with the current card marked.
  await board.meButton.click();
  await expect(board.joinDialog).toBeVisible();
  await expect(board.joinDialog.getByRole('button', { name: /^Ilse/ })).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('Escape');
  await expect(board.joinDialog).toBeHidden();
  await expect(board.meButton).toContainText('Jij: Ilse');

  // "?" shows every shortcut.
  await page.keyboard.press('?');
  const shortcuts = page.getByRole('dialog', { name: 'Sneltoetsen' });
  await expect(shortcuts).toContainText('Eigen wijziging ongedaan maken');
  await expect(shortcuts).toContainText('Gekozen kaarten verschuiven');
  // The colour Ilse got when she joined is picked per run.
  await board.expectLooksLike('shortcuts', { mask: [board.meButton] });
  await page.keyboard.press('Escape');
  await expect(shortcuts).toBeHidden();

  // The legend explains every kind of person.
  await board.openPanel('Wie is wie?');
  const legend = board.panel('Wie is iedereen?');
  await expect(legend.getByRole('listitem').filter({ hasText: 'Mantelzorger' })).toContainText('Zorgt thuis voor de cliënt');
  await expect(legend.locator('.legend-kind')).toHaveCount(10);
});

test('sounding board: three kinds of reaction, written on the card and counted; a pair of students gets prompts; students’ skills stand out', async ({ board }) => {
  const { page } = board;
  await board.createBoard('Klankbord', { join: { name: 'Mila', kind: 'Leerprocesbegeleider' } });

  const place = async (kind: string, text: string) => {
    await page.getByRole('button', { name: 'Klankbordreactie plaatsen' }).click();
    await page.getByRole('menuitem', { name: kind }).click();
    const field = page.getByRole('textbox', { name: 'Tekst' });
    await expect(field).toBeVisible();
    await field.fill(text);
    await field.press('Enter');
    await expect(field).toBeHidden();
    return board.waitForCard('reaction', text);
  };
  await place('Spreekt aan', 'Iedereen is begeleider: dat voelt goed.');
  const second = await place('Spreekt aan', 'Studenten eerst zelf laten zoeken');
  await place('Niet aan gedacht', 'Wie betrekt de familie?');

  // Inline editing of a reaction's text.
  const point = await board.headerPoint(second);
  await page.mouse.dblclick(point.x, point.y + 30);
  const field = page.getByRole('textbox', { name: 'Tekst' });
  await field.fill('Studenten eerst zelf laten zoeken, dan samen');
  await field.press('Enter');
  await board.waitForCard('reaction', 'Studenten eerst zelf laten zoeken, dan samen');

  await board.openPanel('Klankbord');
  const counts = page.getByRole('list', { name: 'Klankbord' });
  await expect(counts.locator('[data-kind="appeals"]')).toContainText('2');
  await expect(counts.locator('[data-kind="appeals-less"]')).toContainText('0');
  await expect(counts.locator('[data-kind="not-thought-of"]')).toContainText('1');
  await expect(board.panel('Klankbord')).toContainText('Studenten eerst zelf laten zoeken, dan samen');
  await board.fitAll();
  await board.screenshot('desktop-sounding-board');
  await board.railButton('Klankbord').click();

  // Two students are paired: a link between their cards, and prompts for their talk.
  const noor = await board.addPerson({ name: 'Noor', kind: 'Student', year: 1, level: 'mbo niveau 3 (VIG)' });
  const sem = await board.addPerson({ name: 'Sem', kind: 'Student', year: 2, level: 'mbo niveau 4 (verpleegkunde)' });
  await board.clickCard(noor);
  const semPoint = await board.headerPoint(sem);
  await page.keyboard.down('Shift');
  await page.mouse.click(semPoint.x, semPoint.y);
  await page.keyboard.up('Shift');
  await page.getByRole('button', { name: 'Koppel als duo' }).click();
  const pairs = () => page.evaluate(() => window.__iedereen?.stage?.find('.pair-link').length ?? 0);
  await expect.poll(pairs).toBe(1);
  const pairPanel = board.panel('Duo');
  await expect(pairPanel).toContainText('Noor en Sem zijn een duo');
  await expect(pairPanel).toContainText('Wat wil je precies weten?');
  await expect(pairPanel).toContainText('Wat ga je als eerste uitzoeken?');
  await board.screenshot('desktop-pair');

  // Skills that students bring in stand out with "Van studenten".
  const valpreventie = await board.addSkill({ label: 'valpreventie', category: 'Organisator' });
  const palliatief = await board.addSkill({ label: 'palliatieve zorg' });
  await board.dragSkillOntoPerson(valpreventie, noor);
  await expect.poll(async () => (await board.chipInfo(noor)).length).toBe(1);
  await board.railButton('Van studenten').click();
  await expect.poll(() => board.cardAttr(valpreventie, 'fromStudent')).toBe(true);
  expect(await board.cardAttr(palliatief, 'fromStudent')).toBe(false);
  await expect(page.getByText('Van studenten: 1 vaardigheid gemarkeerd')).toBeVisible();
  // The cards dimmed and marked by "Van studenten" are drawn so, and drawn back after.
  await board.expectCardPicturesCurrent();
  await board.screenshot('desktop-from-students');
  await board.railButton('Van studenten').click();
  await board.expectCardPicturesCurrent();

  // The pair can be undone from its panel.
  await page.locator('.me-button').focus();
  const badge = await page.evaluate(() => {
    const stage = window.__iedereen?.stage;
    const node = stage?.findOne('.pair-link');
    if (!stage || !node) return null;
    const rect = node.getClientRect();
    const origin = stage.container().getBoundingClientRect();
    return { x: origin.left + rect.x + rect.width / 2, y: origin.top + rect.y + rect.height / 2 };
  });
  await page.mouse.click(badge!.x, badge!.y);
  await pairPanel.getByRole('button', { name: 'Duo ontkoppelen' }).click();
  await expect.poll(pairs).toBe(0);
});

test('multi-select: Shift-drag a box around cards, move them together in one step, arrows nudge, undo puts both back', async ({ board }) => {
  const { page } = board;
  await board.createBoard('Samen verschuiven');
  const a = await board.addSkill({ label: 'wondzorg' });
  const b = await board.addSkill({ label: 'mondzorg' });
  const lone = await board.addSkill({ label: 'valpreventie' });
  await board.dragCardBy(lone, 0, 260);
  await page.keyboard.press('Escape');

  const boxA = await board.cardBox(a);
  const boxB = await board.cardBox(b);
  const left = Math.min(boxA.x, boxB.x) - 30;
  const top = Math.min(boxA.y, boxB.y) - 30;
  const right = Math.max(boxA.x + boxA.width, boxB.x + boxB.width) + 10;
  const bottom = Math.max(boxA.y + boxA.height, boxB.y + boxB.height) + 10;
  await page.keyboard.down('Shift');
  await page.mouse.move(left, top);
  await page.mouse.down();
  await page.mouse.move((left + right) / 2, (top + bottom) / 2, { steps: 4 });
  await page.mouse.move(right, bottom, { steps: 4 });
  await page.mouse.up();
  await page.keyboard.up('Shift');

  const startA = (await board.cardPosition(a))!;
  const startB = (await board.cardPosition(b))!;
  const startLone = (await board.cardPosition(lone))!;
  await board.dragCardBy(a, 120, 80);
  await expect.poll(async () => (await board.cardPosition(b))!.x).not.toBe(startB.x);
  const movedA = (await board.cardPosition(a))!;
  const movedB = (await board.cardPosition(b))!;
  expect(movedB.x - startB.x).toBe(movedA.x - startA.x);
  expect(movedB.y - startB.y).toBe(movedA.y - startA.y);
  expect(await board.cardPosition(lone)).toEqual(startLone);

  // Arrow keys nudge the whole selection; Shift nudges further.
  await page.waitForTimeout(450);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  await expect.poll(() => board.cardPosition(b)).toEqual({ x: movedB.x + 10, y: movedB.y + 50 });
  await expect.poll(() => board.cardPosition(a)).toEqual({ x: movedA.x + 10, y: movedA.y + 50 });

  // The group move was one step: undoing the nudges and then the move puts both back.
  await page.waitForTimeout(450);
  await page.keyboard.press('Control+z');
  await expect.poll(() => board.cardPosition(b)).toEqual(movedB);
  await page.keyboard.press('Control+z');
  await expect.poll(() => board.cardPosition(a)).toEqual(startA);
  await expect.poll(() => board.cardPosition(b)).toEqual(startB);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => board.cardPosition(b)).toEqual(movedB);

  // Delete removes the whole selection.
  await board.clickCard(a);
  await page.keyboard.down('Shift');
  await board.clickCard(b);
  await page.keyboard.up('Shift');
  await page.keyboard.press('Delete');
  await board.waitForCardGone(a);
  await board.waitForCardGone(b);
  expect(await board.cardId('skill', 'valpreventie')).toBe(lone);
});
