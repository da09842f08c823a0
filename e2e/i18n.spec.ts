import { test, expect } from './fixtures.ts';

test('the NL/EN switch changes the interface language and is remembered', async ({ board }) => {
  await board.createBoard('Taaltest');
  await expect(board.page.getByRole('button', { name: 'Persoon toevoegen' })).toBeVisible();
  await board.page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(board.page.getByRole('button', { name: 'Add person' })).toBeVisible();
  await expect(board.page.getByRole('button', { name: 'Add skill' })).toBeVisible();
  await expect(board.status).toHaveText('Saved');
  await expect(board.page.locator('html')).toHaveAttribute('lang', 'en');
  await board.page.reload();
  await expect(board.page.getByRole('button', { name: 'Add person' })).toBeVisible();
  await board.page.getByRole('link', { name: 'All boards' }).click();
  await expect(board.page.getByRole('button', { name: 'New board' })).toBeVisible();
  await board.screenshot('desktop-home-en');
  await board.page.getByRole('button', { name: 'NL', exact: true }).click();
  await expect(board.page.getByRole('button', { name: 'Nieuw bord' })).toBeVisible();
});

test('?lang=en opens the app in English', async ({ page }) => {
  await page.goto('/?lang=en');
  await expect(page.getByRole('button', { name: 'New board' })).toBeVisible();
  await expect(page.getByText('Everyone is a mentor')).toBeVisible();
});

test('an unknown board id shows a friendly message with a way home', async ({ board }) => {
  await board.page.goto('/b/bestaatniet123');
  await expect(board.page.getByRole('heading', { name: 'Dit bord bestaat niet (meer)' })).toBeVisible();
  await board.screenshot('desktop-not-found');
  await board.page.getByRole('link', { name: 'Naar alle borden' }).click();
  await expect(board.page).toHaveURL(/\/$/);
  await expect(board.page.getByRole('button', { name: 'Nieuw bord' })).toBeVisible();
});
