import { test, expect } from './fixtures.ts';

test('a skill-mapping session: a nomination arrives live and is accepted and backed; a student’s question goes all the way; undo stays own', async ({
  board: a,
  colleague: b,
  third: c,
}) => {
  test.setTimeout(120_000);
  // A (Fatima) opens a board with the starter set and makes her own card; so does B (Sam).
  const url = await a.createBoard('Sessie Zonnebloem', { starterSet: true, join: { name: 'Fatima' } });
  const fatima = await a.waitForCard('person', 'Fatima');
  await b.open(url, { name: 'Sam' });
  const sam = await a.waitForCard('person', 'Sam');

  // Sam puts the student Noor on the board; on her own phone Noor then picks that card.
  const noor = await b.addPerson({ name: 'Noor', kind: 'Student', year: 2, level: 'mbo niveau 4 (verpleegkunde)' });
  await c.open(url, { existing: 'Noor' });

  // Everyone sees who is here.
  await expect(a.presenceList).toContainText('Sam');
  await expect(a.presenceList).toContainText('Noor');
  await expect(b.presenceList).toContainText('Fatima');

  // A nominates Sam for wound care by dragging the skill from the palette onto Sam's card.
  await a.openPanel('Vaardigheden');
  await a.page.getByRole('searchbox', { name: 'Zoek een vaardigheid' }).fill('wond');
  await a.fitAll();
  await a.dragFromPalette('wondzorg', sam);
  const arrival = 'Fatima heeft Sam genomineerd voor wondzorg';

  // B sees it arrive: the card glows and the news is announced.
  // The glow lasts two seconds, the announcements twenty: look for the glow first — before
  // A's own announcement too, which a busy machine can take that long to show.
  await expect.poll(() => b.hasArrivalGlow(sam)).toBe(true);
  await expect(a.announcements).toContainText(arrival);
  await expect(b.announcements).toContainText(arrival);
  await expect.poll(async () => (await b.chipInfo(sam)).map((chip) => [chip.text, chip.response])).toEqual([['wondzorg · door Fatima', 'pending']]);
  await b.screenshot('desktop-session-nomination-arrives');

  // Sam accepts on the chip; Fatima sees the answer.
  await b.clickChip(sam, 'wondzorg');
  await expect(b.chipPopover).toContainText('Fatima heeft Sam genomineerd');
  await b.chipPopover.getByRole('button', { name: 'Accepteren' }).click();
  await expect.poll(async () => (await a.chipInfo(sam))[0]?.response).toBe('accepted');
  await expect(a.announcements).toContainText('Sam heeft de nominatie voor wondzorg geaccepteerd');

  // Noor backs the nomination (+1); everyone sees the count.
  await c.clickChip(sam, 'wondzorg');
  await c.chipPopover.getByRole('button', { name: '+1 Ik steun dit' }).click();
  await expect.poll(async () => (await a.chipInfo(sam))[0]?.badge).toBe('+1');
  await c.page.keyboard.press('Escape');

  // Noor adds a learning question with a skill tag and a theme.
  await c.page.getByRole('button', { name: 'Leervraag toevoegen' }).click();
  const form = c.page.getByRole('dialog', { name: 'Leervraag toevoegen' });
  await expect(form.getByLabel('Student')).toHaveValue(noor);
  const question = await c.submitLearningQuestion({ text: 'Hoe verzorg ik een wond bij iemand met diabetes?', search: 'wond', skill: 'wondzorg', illness: 'Diabetes' });
  await b.waitForCard('question', 'Hoe verzorg ik een wond bij iemand met diabetes?');

  // …and moves it step by step, in order, to "answered" with Sam as helper.
  const panel = c.panel('Leervraag van Noor');
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('listitem').filter({ hasText: 'gezien' })).toHaveAttribute('aria-current', 'step');
  await panel.getByRole('button', { name: 'Naar: zelf opgezocht' }).click();
  await panel.getByLabel('Korte notitie (mag leeg)').fill('Protocol wondzorg gelezen');
  await panel.getByRole('button', { name: 'Opslaan' }).click();
  await panel.getByRole('button', { name: 'Naar: medestudenten gevraagd' }).click();
  await panel.getByRole('button', { name: 'Opslaan' }).click();
  await panel.getByRole('button', { name: 'Naar: professional gevraagd' }).click();
  await panel.getByLabel('Wie heb je gevraagd?').selectOption({ label: 'Sam' });
  await panel.getByRole('button', { name: 'Opslaan' }).click();
  await expect.poll(() => b.cardAttr(question, 'status')).toBe('asked-professional');
  await c.screenshot('desktop-session-question-panel');
  await panel.getByRole('button', { name: 'Naar: beantwoord' }).click();
  await panel.getByLabel('Antwoord of inzicht').fill('Eerst de bloedsuiker en de doorbloeding bekijken.');
  await panel.getByLabel('Wie hielp?').selectOption({ label: 'Sam' });
  await panel.getByRole('button', { name: 'Opslaan' }).click();
  await expect.poll(() => a.cardAttr(question, 'status')).toBe('answered');
  await expect(panel.getByRole('listitem').filter({ hasText: 'beantwoord' })).toHaveAttribute('aria-current', 'step');
  await expect(panel).toContainText('Protocol wondzorg gelezen');

  // The question panel lists questions by theme and fades those the filter leaves out.
  await c.page.keyboard.press('Escape');
  await c.openPanel('Leervragen');
  const filters = c.panel('Leervragen');
  await expect(filters).toContainText('Ziektebeeld · Diabetes');
  await filters.getByRole('checkbox', { name: /gezien/ }).check();
  await expect.poll(() => c.cardAttr(question, 'opacity')).toBe(0.3);
  await filters.getByRole('button', { name: 'Filter wissen' }).click();
  await expect.poll(() => c.cardAttr(question, 'opacity')).toBe(1);

  // A moves her own card, then presses undo twice: the move is undone, and undoing the
  // nomination (which Sam has since answered) leaves Sam's acceptance in place. (Yjs skips
  // an undo step a colleague has overwritten; A has no older own edit, so nothing else changes.)
  await a.page.keyboard.press('Escape');
  const before = (await a.cardPosition(fatima))!;
  await a.dragCardBy(fatima, 140, 60);
  await expect.poll(async () => (await b.cardPosition(fatima))!.x).toBeGreaterThan(before.x + 60);
  await a.page.keyboard.press('Control+z');
  await expect.poll(() => b.cardPosition(fatima)).toEqual(before);
  await a.page.keyboard.press('Control+z');
  await a.page.waitForTimeout(300);
  for (const peer of [a, b, c]) await expect.poll(async () => (await peer.chipInfo(sam))[0]?.response).toBe('accepted');
  expect(await b.cardPosition(fatima)).toEqual(before);
  expect(await b.cardPosition(sam)).not.toBeNull();
  await a.fitAll();
  await a.screenshot('desktop-session-a');

  // Everything survives a reload, and each browser still knows who it is.
  for (const peer of [a, b, c]) await peer.expectSaved();
  await a.page.reload();
  await a.waitUntilLoaded();
  await expect(a.joinDialog).toBeHidden();
  await expect(a.meButton).toContainText('Jij: Fatima');
  await expect.poll(async () => (await a.chipInfo(sam)).map((chip) => [chip.text, chip.response, chip.badge])).toEqual([['wondzorg · door Fatima', 'accepted', '+1']]);
  await expect.poll(() => a.cardAttr(question, 'status')).toBe('answered');
  await b.page.reload();
  await b.waitUntilLoaded();
  await expect(b.meButton).toContainText('Jij: Sam');
  await expect(b.presenceList).toContainText('Fatima');

  // The English switch changes the interface text.
  await a.page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(a.page.getByRole('button', { name: 'Add person' })).toBeVisible();
  await expect(a.meButton).toContainText('You: Fatima');
  await expect(a.railButton('Skills')).toBeVisible();
  await expect.poll(async () => (await a.chipInfo(sam))[0]?.text).toBe('wound care · by Fatima');
  await a.screenshot('desktop-session-en');
});
