import { test, expect } from './fixtures.ts';

test('on a phone: create a board, add people and skills from the bottom toolbar, link a skill', async ({ board }) => {
  await board.page.goto('/');
  await board.screenshot('phone-home');
  await board.createBoard('Nachtdienst');
  await board.screenshot('phone-empty-board');

  await board.page.getByRole('button', { name: 'Persoon toevoegen' }).click();
  const dialog = board.page.getByRole('dialog', { name: 'Persoon toevoegen' });
  await dialog.getByLabel('Rol').selectOption({ label: 'Student' });
  await dialog.getByLabel('Naam', { exact: true }).fill('Noor');
  await board.screenshot('phone-add-person');
  await dialog.getByRole('button', { name: 'Toevoegen' }).click();
  const noor = await board.waitForCard('person', 'Noor');

  const mondzorg = await board.addSkill({ label: 'mondzorg', category: 'Zorgverlener' });
  const katheteriseren = await board.addSkill({ label: 'katheteriseren', reserved: true });
  await board.addPerson({ name: '', kind: 'Mantelzorger' });
  await board.dragSkillOntoPerson(mondzorg, noor);
  await expect.poll(() => board.chips(noor)).toEqual(['mondzorg']);
  await board.dragSkillOntoPerson(katheteriseren, noor);
  await expect.poll(() => board.chips(noor)).toEqual(expect.arrayContaining(['mondzorg', 'katheteriseren']));
  await board.clickCard(noor);
  await board.expectSaved();
  await board.expectCardPicturesCurrent();
  await board.expectLooksLike('phone-board');

  await board.page.getByRole('button', { name: 'Alles tonen' }).click();
  await board.screenshot('phone-board-fit');
});

test('on a phone: the not-found page', async ({ board }) => {
  await board.page.goto('/b/weg-is-weg');
  await expect(board.page.getByRole('heading', { name: 'Dit bord bestaat niet (meer)' })).toBeVisible();
  await board.screenshot('phone-not-found');
});

test('on a phone: two fingers zoom the board, one finger drags a card', async ({ board }) => {
  await board.createBoard('Knijpen');
  const sem = await board.addPerson({ name: 'Sem' });
  const zoom = board.page.getByRole('group', { name: /Zoom \d+%/ });
  await expect(zoom).toHaveAccessibleName('Zoom 100%');

  const cdp = await board.page.context().newCDPSession(board.page);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: Array<[number, number]>) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
  await touch('touchStart', [
    [150, 300],
    [240, 300],
  ]);
  for (let spread = 10; spread <= 80; spread += 10) {
    await touch('touchMove', [
      [150 - spread, 300],
      [240 + spread, 300],
    ]);
  }
  await touch('touchEnd', []);
  await expect(zoom).not.toHaveAccessibleName('Zoom 100%');
  const zoomed = Number((await zoom.getAttribute('aria-label'))!.match(/\d+/)![0]);
  expect(zoomed).toBeGreaterThan(150);
  // Once the fingers are off, the cards are drawn sharp at the new zoom, not scaled up — also
  // while the canvas keeps being redrawn, as it is while colleagues' moves keep arriving.
  const busy = await board.page.evaluateHandle(() => {
    const layer = window.__iedereen!.stage!.getLayers()[0];
    const state = { frame: 0 };
    const redraw = () => {
      layer.batchDraw();
      state.frame = requestAnimationFrame(redraw);
    };
    redraw();
    return state;
  });
  await board.expectCardPicturesCurrent();
  await busy.evaluate((state) => cancelAnimationFrame(state.frame));

  await board.page.getByRole('button', { name: 'Alles tonen' }).click();
  const before = (await board.cardPosition(sem))!;
  const from = await board.headerPoint(sem);
  await touch('touchStart', [[from.x, from.y]]);
  for (let step = 1; step <= 10; step++) await touch('touchMove', [[from.x + step * 6, from.y + step * 12]]);
  await touch('touchEnd', []);
  await expect.poll(async () => (await board.cardPosition(sem))!.y).toBeGreaterThan(before.y + 40);
  await board.expectSaved();
});

test('on a phone: say who you are, pick a skill in the palette sheet, then tap a person', async ({ board }) => {
  const { page } = board;
  await board.createBoard('Telefoon', { starterSet: true, join: 'none' });
  await board.screenshot('phone-join');
  await board.join({ name: 'Noor', kind: 'Student', year: 1, level: 'mbo niveau 3 (VIG)' });
  const noor = await board.waitForCard('person', 'Noor');
  await page.keyboard.press('Escape');
  await board.fitAll();

  await board.railButton('Vaardigheden').tap();
  const sheet = board.panel('Vaardigheden');
  await expect(sheet).toBeVisible();
  // The search narrows the starter set, and the English template name finds the Dutch skill.
  const search = page.getByRole('searchbox', { name: 'Zoek een vaardigheid' });
  const listed = sheet.getByRole('list', { name: /vaardigheden/i }).locator('.palette-item-label');
  const everything = await listed.count();
  await search.fill('oral care');
  await expect(listed).toHaveText(['mondzorg']);
  await search.fill('mond');
  await expect(listed).toHaveText(['mondzorg']);
  expect(everything).toBeGreaterThan(10);
  await board.screenshot('phone-palette');
  await sheet.getByRole('button', { name: /^mondzorg/ }).tap();
  await expect(page.getByText('Tik op een persoon om „mondzorg” te koppelen')).toBeVisible();
  await expect(sheet).toBeHidden();
  await board.screenshot('phone-tap-to-link');
  const target = await board.headerPoint(noor);
  await page.touchscreen.tap(target.x, target.y);

  // Noor is the current participant, so the skill lands on her own card: she picks a level.
  const picker = page.getByRole('dialog', { name: 'Hoe goed kun jij dit?' });
  await picker.getByRole('radio', { name: 'Ik leer het nog' }).check();
  await board.screenshot('phone-level-picker');
  await picker.getByRole('button', { name: 'Opslaan' }).click();
  await expect.poll(async () => (await board.chipInfo(noor)).map((c) => c.text)).toEqual(['mondzorg · leer ik nog']);
  await expect(sheet).toBeVisible();
  await sheet.getByRole('button', { name: 'Paneel sluiten' }).tap();
  await board.expectSaved();
  await board.screenshot('phone-own-skill');

  await board.railButton('Wie is wie?').tap();
  await expect(board.panel('Wie is iedereen?')).toBeVisible();
  await board.screenshot('phone-legend');
  await board.panel('Wie is iedereen?').getByRole('button', { name: 'Paneel sluiten' }).tap();

  // Noor writes down a learning question; its steps open in a sheet.
  await page.getByRole('button', { name: 'Leervraag toevoegen' }).tap();
  const form = page.getByRole('dialog', { name: 'Leervraag toevoegen' });
  await form.getByLabel('De leervraag').fill('Welk leefstijladvies geef ik bij COPD?');
  await form.getByRole('radio', { name: 'Levensstijl' }).check();
  await form.getByLabel('Welk ziektebeeld of welke levensstijl?').fill('COPD');
  await board.screenshot('phone-add-question');
  await form.getByRole('button', { name: 'Toevoegen' }).tap();
  const question = await board.waitForCard('question', 'Welk leefstijladvies geef ik bij COPD?');
  await expect(board.panel('Leervraag van Noor')).toBeVisible();
  await board.panel('Leervraag van Noor').getByRole('button', { name: 'Naar: zelf opgezocht' }).tap();
  await board.panel('Leervraag van Noor').getByRole('button', { name: 'Opslaan' }).tap();
  await expect.poll(() => board.cardAttr(question, 'status')).toBe('looked-up');
  await board.screenshot('phone-question');
});

test('on a phone: the links after making a board, the share dialog and the big screen with its QR code', async ({ board }) => {
  await board.page.goto('/');
  await board.page.getByLabel('Naam van het bord').fill('Telefoonlinks');
  await board.page.getByRole('button', { name: 'Nieuw bord' }).click();
  board.links = await board.readCreatedLinks();
  await board.screenshot('phone-created-links');
  await board.page.getByRole('button', { name: 'Open als begeleider' }).click();
  await board.waitUntilLoaded();
  await board.join('guest');
  await board.page.getByRole('button', { name: 'Delen' }).click();
  const share = board.page.getByRole('dialog', { name: 'Links van dit bord' });
  await expect(share.getByRole('textbox', { name: 'Kijker', exact: true })).toHaveValue(board.links.viewer);
  await board.screenshot('phone-share-dialog');
  await share.getByRole('button', { name: 'Sluiten' }).click();
  await board.page.getByRole('button', { name: 'Groot scherm', exact: true }).click();
  await expect(board.page.getByRole('img', { name: 'QR-code met de deelnemerslink' })).toBeVisible();
  await board.screenshot('phone-big-screen');
});
