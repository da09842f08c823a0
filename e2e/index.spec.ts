import type { APIRequestContext } from '@playwright/test';
import { test, expect, BoardPageObject } from './fixtures.ts';

interface CreatedBoard {
  id: string;
  links: { facilitator: string; participant: string; viewer: string };
}

/** A board made through the REST API; links are opened as path + #t= fragment on the test server. */
async function createBoard(request: APIRequestContext, title: string): Promise<CreatedBoard> {
  const response = await request.post('/api/boards', { data: { title, template: 'care-team' } });
  expect(response.status()).toBe(201);
  return (await response.json()) as CreatedBoard;
}

const local = (link: string) => {
  const url = new URL(link);
  return `${url.pathname}${url.hash}`;
};
const tokenOf = (link: string) => new URL(link).hash.replace(/^#t=/, '');

interface IndexBody {
  skills: Array<{ skillId: string; coverage: { askable: number; risk: string }; holders: Array<{ personId: string; canBeAsked: boolean; nominations: Array<{ nominatedBy?: string; response: string }> }> }>;
  people: Array<{ personId: string; skills: unknown[] }>;
}

test('a nomination reaches the REST index and the other browser’s “Wie kan helpen?”; coverage marks a single-person skill and the list view shows the board', async ({
  request,
  board: a,
  colleague: b,
  browser,
}) => {
  test.setTimeout(120_000);
  const created = await createBoard(request, 'Index Zonnebloem');
  const token = tokenOf(created.links.facilitator);
  const index = async () => {
    const response = await request.get(`/api/boards/${created.id}/index`, { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status()).toBe(200);
    return (await response.json()) as IndexBody;
  };

  // Fatima opens the facilitator link; Sam the participant link on his own device.
  await a.open(local(created.links.facilitator), { name: 'Fatima' });
  const fatima = await a.waitForCard('person', 'Fatima');
  await b.open(local(created.links.participant), { name: 'Sam' });
  const sam = await a.waitForCard('person', 'Sam');
  const wondzorg = await a.waitForCard('skill', 'wondzorg');

  // Sam looks up who can help with wound care: nobody yet. English template labels find it too.
  await b.openPanel('Wie kan helpen?');
  const help = b.panel('Wie kan helpen?');
  await help.getByRole('searchbox', { name: 'Zoek een vaardigheid' }).fill('wound');
  await expect(help.getByRole('heading', { name: 'Wie kan helpen met wondzorg?' })).toBeVisible();
  await expect(help).toContainText('Nog niemand kan hiervoor gevraagd worden.');

  // Fatima nominates Sam for wound care.
  await a.openPanel('Vaardigheden');
  await a.page.getByRole('searchbox', { name: 'Zoek een vaardigheid' }).fill('wond');
  await a.fitAll();
  await a.dragFromPalette('wondzorg', sam);
  await expect.poll(async () => (await a.chipInfo(sam)).map((chip) => chip.text)).toEqual(['wondzorg · door Fatima']);

  // Within a second it is in Sam's panel (awaiting his answer) …
  const pending = help.getByRole('list', { name: 'Genomineerd voor wondzorg, nog niet bevestigd' });
  await expect(pending).toContainText('Sam', { timeout: 1000 });
  await expect(pending).toContainText('genomineerd door Fatima');

  // … and in the REST index.
  await expect
    .poll(async () => {
      const body = await index();
      const holder = body.skills.find((s) => s.skillId === wondzorg)?.holders.find((h) => h.personId === sam);
      return holder?.nominations.map((n) => [n.nominatedBy, n.response]);
    }, { timeout: 1000, intervals: [100, 200, 200, 200] })
    .toEqual([[fatima, 'pending']]);

  // Sam accepts: now he can be asked, with the reason in plain language, in both browsers.
  await b.clickChip(sam, 'wondzorg');
  await b.chipPopover.getByRole('button', { name: 'Accepteren' }).click();
  const helpers = help.getByRole('list', { name: 'Mensen die kunnen helpen met wondzorg' });
  await expect(helpers.getByRole('listitem')).toHaveCount(1);
  await expect(helpers).toContainText('Sam');
  await expect(helpers).toContainText('1 nominatie');
  await a.openPanel('Wie kan helpen?');
  const helpA = a.panel('Wie kan helpen?');
  await helpA.getByRole('searchbox', { name: 'Zoek een vaardigheid' }).fill('wond');
  await expect(helpA.getByRole('list', { name: 'Mensen die kunnen helpen met wondzorg' })).toContainText('1 nominatie', { timeout: 1000 });
  await expect.poll(async () => (await index()).skills.find((s) => s.skillId === wondzorg)?.coverage, { timeout: 1000 }).toMatchObject({ askable: 1, risk: 'single' });
  await b.screenshot('desktop-help-panel');

  // Coverage: wound care hangs on Sam alone — marked in words, not only colour; clicking it outlines Sam.
  await a.openPanel('Dekking');
  const coverage = a.panel('Dekking');
  const row = coverage.locator(`tr[data-skill-id="${wondzorg}"]`);
  await expect(row).toContainText('Eén persoon');
  await expect(coverage.getByRole('row').filter({ hasText: 'Niemand' }).first()).toBeVisible();
  await coverage.getByLabel('CanMEDS-rol').selectOption({ label: 'Zorgverlener' });
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: 'wondzorg' }).click();
  await expect(coverage.getByRole('status')).toContainText('wondzorg: 1 persoon gemarkeerd op het bord.');
  await expect
    .poll(() => a.page.evaluate(() => window.__iedereen?.stage?.find('.coverage-highlight').map((n) => n.getAttr('targetId'))))
    .toEqual([sam]);
  await a.fitAll();
  await a.screenshot('desktop-coverage');

  // A student's learning question: its matches, fellow students first, and only the asks the lifecycle allows.
  await a.addPerson({ name: 'Noor', kind: 'Student', year: 2, level: 'mbo niveau 4 (verpleegkunde)' });
  await a.page.getByRole('button', { name: 'Leervraag toevoegen' }).click();
  const form = a.page.getByRole('dialog', { name: 'Leervraag toevoegen' });
  await form.getByLabel('Student').selectOption({ label: 'Noor' });
  const question = await a.submitLearningQuestion({ text: 'Hoe verzorg ik een wond bij iemand met diabetes?', search: 'wond', skill: 'wondzorg', illness: 'Diabetes' });
  const questionPanel = a.panel('Leervraag van Noor');
  await questionPanel.getByRole('button', { name: 'Naar: zelf opgezocht' }).click();
  await questionPanel.getByRole('button', { name: 'Opslaan' }).click();
  await expect.poll(() => a.cardAttr(question, 'status')).toBe('looked-up');

  await a.openPanel('Wie kan helpen?');
  await helpA.getByRole('button', { name: /^Hoe verzorg ik een wond/ }).click();
  await expect(helpA.getByRole('heading', { name: 'Wie kan Noor helpen?' })).toBeVisible();
  await expect(helpA).toContainText('Geen medestudent gevonden die hiermee kan helpen.');
  const professionals = helpA.getByRole('list', { name: 'Professionals die kunnen helpen' });
  await expect(professionals).toContainText('Sam');
  await expect(professionals).toContainText('Eerst medestudenten vragen');
  await expect(professionals.getByRole('button', { name: 'Sam gevraagd' })).toHaveCount(0);

  // Once fellow students were asked, Sam may be asked: one click notes it and moves the question on.
  await helpA.getByRole('button', { name: 'Paneel sluiten' }).click();
  await questionPanel.getByRole('button', { name: 'Naar: medestudenten gevraagd' }).click();
  await questionPanel.getByRole('button', { name: 'Opslaan' }).click();
  await expect.poll(() => a.cardAttr(question, 'status')).toBe('asked-peers');
  // The panel comes back on the question it showed.
  await a.openPanel('Wie kan helpen?');
  await expect(helpA.getByRole('heading', { name: 'Wie kan Noor helpen?' })).toBeVisible();
  await professionals.getByRole('button', { name: 'Sam gevraagd' }).click();
  await expect(helpA.getByRole('status')).toHaveText('Sam staat genoteerd als gevraagd.');
  await expect.poll(() => a.cardAttr(question, 'status')).toBe('asked-professional');
  await expect(professionals).toContainText('deze week al 1× gevraagd');
  await a.screenshot('desktop-help-question');

  // The list view: people with their skills, skills with their people.
  await a.page.getByRole('button', { name: 'Lijst', exact: true }).click();
  const list = a.page.getByRole('main');
  await expect(list.getByRole('heading', { name: 'Het bord als lijst', level: 1 })).toBeVisible();
  await expect(list.getByRole('heading', { name: /^Personen/, level: 2 })).toBeVisible();
  await expect(list.getByRole('list', { name: 'Vaardigheden van Sam' })).toContainText('wondzorg — genomineerd door Fatima');
  await expect(list.getByRole('list', { name: 'Wie kan wondzorg' })).toContainText('Sam');
  await expect(list.getByRole('heading', { name: 'Fatima', level: 3 })).toBeVisible();
  await expect(list.getByRole('table', { name: 'Leervragen' })).toContainText('professional gevraagd');
  await a.screenshot('desktop-list');
  await a.page.getByRole('button', { name: 'Bord', exact: true }).click();
  await a.waitForCard('person', 'Sam');

  // On a phone: the help panel as a bottom sheet, and the list view.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'nl-NL', isMobile: true, hasTouch: true });
  const phone = new BoardPageObject(await context.newPage());
  await phone.open(local(created.links.participant), 'guest');
  await phone.openPanel('Wie kan helpen?');
  await phone.panel('Wie kan helpen?').getByRole('searchbox', { name: 'Zoek een vaardigheid' }).fill('wond');
  await expect(phone.panel('Wie kan helpen?')).toContainText('1 nominatie');
  await phone.screenshot('phone-help-panel');
  await phone.openPanel('Dekking');
  await phone.screenshot('phone-coverage');
  await phone.page.getByRole('button', { name: 'Lijst', exact: true }).click();
  await expect(phone.page.getByRole('list', { name: 'Wie kan wondzorg' })).toContainText('Sam');
  await phone.screenshot('phone-list');
  await context.close();
});
