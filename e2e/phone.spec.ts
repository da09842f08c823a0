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
  await board.screenshot('phone-board');

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

  await board.page.getByRole('button', { name: 'Alles tonen' }).click();
  const before = (await board.cardPosition(sem))!;
  const from = await board.headerPoint(sem);
  await touch('touchStart', [[from.x, from.y]]);
  for (let step = 1; step <= 10; step++) await touch('touchMove', [[from.x + step * 6, from.y + step * 12]]);
  await touch('touchEnd', []);
  await expect.poll(async () => (await board.cardPosition(sem))!.y).toBeGreaterThan(before.y + 40);
  await board.expectSaved();
});
