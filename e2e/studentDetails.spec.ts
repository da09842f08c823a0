import { test, expect } from './fixtures.ts';

test('a student’s year and level, chosen when joining or when adding the card, are what the board shows', async ({ board }) => {
  await board.createBoard('Studenten', { join: { name: 'Noor', kind: 'Student', year: 3, level: 'hbo niveau 6 (verpleegkunde)' } });
  await board.addPerson({ name: 'Sem', kind: 'Student', year: 2, level: 'mbo niveau 3 (VIG)' });

  await board.page.getByRole('button', { name: 'Lijst', exact: true }).click();
  const list = board.page.getByRole('main');
  const card = (name: string) => list.getByRole('listitem').filter({ has: board.page.getByRole('heading', { name, level: 3 }) });
  await expect(card('Noor')).toContainText('Student · Jaar 3 · hbo 6');
  await expect(card('Sem')).toContainText('Student · Jaar 2 · mbo 3');
});
