import { test, expect } from './fixtures.ts';

test('two colleagues build a skills board together, and it is all still there after a reload', async ({ board: a, colleague: b }) => {
  const url = await a.createBoard('Afdeling Zonnebloem');
  await expect(a.page.getByRole('heading', { name: /Afdeling Zonnebloem/ })).toBeVisible();
  await b.open(url);
  await expect(b.page.getByRole('heading', { name: /Afdeling Zonnebloem/ })).toBeVisible();

  // A adds a person and a skill; B sees both appear live.
  const fatima = await a.addPerson({ name: 'Fatima' });
  const wondzorg = await a.addSkill({ label: 'wondzorg', category: 'Zorgverlener' });
  const sem = await a.addPerson({ name: 'Sem', kind: 'Student', year: 2, level: 'mbo niveau 4 (verpleegkunde)' });
  expect(await b.waitForCard('person', 'Fatima')).toBe(fatima);
  expect(await b.waitForCard('skill', 'wondzorg')).toBe(wondzorg);
  await b.waitForCard('person', 'Sem');
  await a.screenshot('desktop-board-a');

  // B drags the skill onto Fatima: a chip appears in A, and the skill card goes home in B.
  const skillHome = await b.cardPosition(wondzorg);
  await b.dragSkillOntoPerson(wondzorg, fatima);
  await expect.poll(() => a.chips(fatima)).toEqual(['wondzorg']);
  await expect.poll(() => b.chips(fatima)).toEqual(['wondzorg']);
  await expect.poll(() => b.cardPosition(wondzorg)).toEqual(skillHome);
  await b.screenshot('desktop-board-b-linked');

  // Renaming in one browser shows in the other, on the card and on the chip.
  await a.rename(wondzorg, 'wondverzorging');
  await b.waitForCard('skill', 'wondverzorging');
  await expect.poll(() => b.chips(fatima)).toEqual(['wondverzorging']);
  await b.rename(fatima, 'Fatima El Amrani');
  await a.waitForCard('person', 'Fatima El Amrani');
  // What both canvases show is the renamed cards and chip, not pictures from before.
  await a.expectCardPicturesCurrent();
  await b.expectCardPicturesCurrent();

  // Moving a card in B moves it in A.
  const before = (await a.cardPosition(sem))!;
  await b.dragCardBy(sem, 160, 90);
  await expect.poll(async () => (await a.cardPosition(sem))!.x).toBeGreaterThan(before.x + 60);
  const moved = await b.cardPosition(sem);
  await expect.poll(() => a.cardPosition(sem)).toEqual(moved);

  // Unlinking the chip in A removes it in B.
  await a.removeChip(fatima, 'wondverzorging');
  await expect.poll(() => b.chips(fatima)).toEqual([]);
  await b.expectCardPicturesCurrent();

  // Deleting a card in A removes it in B.
  await a.deleteCard(sem);
  await b.waitForCardGone(sem);

  // Link once more, so the reload below also proves chips are stored.
  await a.dragSkillOntoPerson(wondzorg, fatima);
  await expect.poll(() => b.chips(fatima)).toEqual(['wondverzorging']);

  // Only once the server has everything on disk do we reload.
  await a.expectSaved();
  await b.expectSaved();
  await a.page.reload();
  await a.waitUntilLoaded();
  expect(await a.waitForCard('person', 'Fatima El Amrani')).toBe(fatima);
  expect(await a.waitForCard('skill', 'wondverzorging')).toBe(wondzorg);
  expect(await a.cardId('person', 'Sem')).toBeNull();
  await expect.poll(() => a.chips(fatima)).toEqual(['wondverzorging']);
  await expect(a.page.getByRole('heading', { name: /Afdeling Zonnebloem/ })).toBeVisible();
  await a.expectSaved();
  await a.screenshot('desktop-board-after-reload');
});

test('the board title can be changed and shows up for the colleague and on the home page', async ({ board: a, colleague: b }) => {
  const url = await a.createBoard('');
  await expect(a.page.getByRole('heading', { name: /Naamloos bord/ })).toBeVisible();
  await b.open(url);
  await a.page.getByRole('button', { name: /Naam van het bord wijzigen/ }).click();
  await a.page.getByRole('textbox', { name: 'Naam van het bord' }).fill('Team Oost — vaardigheden');
  await a.page.keyboard.press('Enter');
  await expect(b.page.getByRole('heading', { name: /Team Oost — vaardigheden/ })).toBeVisible();
  await a.expectSaved();
  await b.page.getByRole('link', { name: 'Alle borden' }).click();
  await expect(b.page.getByRole('link', { name: /Team Oost — vaardigheden/ })).toBeVisible();
  await b.screenshot('desktop-home');
});

test('a person without a name is shown by role, and reserved acts are marked', async ({ board }) => {
  await board.createBoard('Rollen');
  const client = await board.addPerson({ name: '', kind: 'Cliënt/patiënt' });
  const injecteren = await board.addSkill({ label: 'injecteren (s.c./i.m.)', reserved: true });
  await board.dragSkillOntoPerson(injecteren, client);
  await expect.poll(() => board.chips(client)).toEqual(['injecteren (s.c./i.m.)']);
  const kinds = [
    'Professional (eigen team)',
    'Professional (ander team)',
    'Inhoudsdeskundige',
    'Ervaringsdeskundige',
    'Mantelzorger',
    'Familie',
    'Docent',
    'Leerprocesbegeleider',
  ];
  const people: Record<string, string> = {};
  for (const kind of kinds) people[kind] = await board.addPerson({ name: kind === 'Mantelzorger' || kind === 'Familie' ? '' : `${kind.split(' ')[0]} ${kinds.indexOf(kind)}`, kind });
  const skills: Record<string, string> = {};
  for (const [label, category] of [
    ['SBAR-overdracht', 'Communicator'],
    ['gesprek met mantelzorger', 'Samenwerkingspartner'],
    ['klinisch redeneren', 'Reflectieve EBP-professional'],
    ['leefstijladvies', 'Gezondheidsbevorderaar'],
    ['valpreventie', 'Organisator'],
    ['medicatie controleren', 'Professional en kwaliteitsbevorderaar'],
    ['palliatieve zorg', 'Overig'],
  ]) {
    skills[label] = await board.addSkill({ label, category });
  }

  // Without a name, the card's title is the role, and its second line says the name is missing.
  expect((await board.cardTexts(client)).slice(0, 2)).toEqual(['Cliënt/patiënt', 'Rol, zonder naam']);
  expect((await board.cardTexts(people.Mantelzorger)).slice(0, 2)).toEqual(['Mantelzorger', 'Rol, zonder naam']);
  expect((await board.cardTexts(people.Docent))[0]).toBe('Docent 6');
  // A reserved act says so in words on its card; an ordinary skill shows its category there.
  expect(await board.cardTexts(injecteren)).toEqual(['injecteren (s.c./i.m.)', 'Voorbehouden handeling']);
  expect(await board.cardTexts(skills['SBAR-overdracht'])).not.toContain('Voorbehouden handeling');
  // …and in red with a warning sign, on the card and on the chip, as the legend explains.
  await board.expectCardLooksLike('reserved-skill-card', injecteren);
  await board.expectCardLooksLike('nameless-client-with-reserved-chip', client);

  await board.page.getByRole('button', { name: 'Alles tonen' }).click();
  await board.expectSaved();
  await board.expectCardPicturesCurrent();
  await board.expectLooksLike('every-kind-and-category');
});

test('a deleted card can be brought back from the notice, for everyone', async ({ board: a, colleague: b }) => {
  const url = await a.createBoard('Oeps');
  await b.open(url);
  const wondzorg = await a.addSkill({ label: 'wondzorg' });
  const fatima = await a.addPerson({ name: 'Fatima' });
  await a.dragSkillOntoPerson(wondzorg, fatima);
  await expect.poll(() => b.chips(fatima)).toEqual(['wondzorg']);

  await a.deleteCard(fatima);
  await b.waitForCardGone(fatima);
  await expect(a.page.getByText('Kaart verwijderd.')).toBeVisible();
  await a.screenshot('desktop-deleted-notice');
  await a.page.getByRole('button', { name: 'Ongedaan maken' }).click();
  expect(await b.waitForCard('person', 'Fatima')).toBe(fatima);
  await expect.poll(() => b.chips(fatima)).toEqual(['wondzorg']);

  // Ctrl+Z undoes this tab's own last edit as well: the deleted skill comes back with its link.
  await a.clickCard(wondzorg);
  await a.page.keyboard.press('Delete');
  await b.waitForCardGone(wondzorg);
  await a.page.keyboard.press('Control+z');
  await b.waitForCard('skill', 'wondzorg');
  await expect.poll(() => b.chips(fatima)).toEqual(['wondzorg']);
});

test('keyboard: a new card is selected, F2 renames it, Escape cancels, Delete removes it', async ({ board }) => {
  await board.createBoard('Toetsenbord');
  const id = await board.addPerson({ name: 'Ilse' });
  await board.page.keyboard.press('F2');
  const field = board.page.getByRole('textbox', { name: 'Nieuwe naam' });
  await expect(field).toHaveValue('Ilse');
  await field.fill('Ilse de Vries');
  await field.press('Escape');
  await expect(field).toBeHidden();
  expect(await board.cardId('person', 'Ilse')).toBe(id);
  await board.page.keyboard.press('Enter');
  await field.fill('Ilse de Vries');
  await field.press('Enter');
  await board.waitForCard('person', 'Ilse de Vries');
  await board.page.keyboard.press('Delete');
  await board.waitForCardGone(id);
});
