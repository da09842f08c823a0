import { test, expect } from './fixtures.ts';

test('a board can start with the care-team starter set, shown in the reader’s language', async ({ board }) => {
  await board.page.goto('/');
  await board.page.getByLabel('Naam van het bord').fill('Met startset');
  await board.page.getByLabel(/vaardigheden van een zorgteam/).check();
  await board.page.getByRole('button', { name: 'Nieuw bord' }).click();
  await board.page.getByRole('button', { name: 'Open als begeleider' }).click();
  await board.waitUntilLoaded();
  await board.join('guest');
  await board.waitForCard('skill', 'wondzorg');
  await board.waitForCard('skill', 'injecteren (s.c./i.m.)');
  await board.expectSaved();
  await board.expectCardPicturesCurrent();
  await board.expectLooksLike('starter-set');
  await board.page.getByRole('button', { name: 'EN', exact: true }).click();
  await board.waitForCard('skill', 'wound care');
  await board.screenshot('desktop-starter-set-en');
});
