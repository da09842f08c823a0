import { test, expect, type BoardPageObject } from './fixtures.ts';
import type { Page } from '@playwright/test';

const stageView = (page: Page) =>
  page.evaluate(() => {
    const stage = window.__iedereen?.stage;
    return stage ? { x: stage.x(), y: stage.y(), scale: stage.scaleX() } : null;
  });

/** Seconds left as shown in the top bar's timer ("59:58" → 3598). */
async function timerSeconds(board: BoardPageObject) {
  const text = (await board.page.locator('.session-banners').getByRole('timer').innerText()).trim().split('\n')[0];
  const parts = text.split(':').map(Number);
  return parts.reduce((total, part) => total * 60 + part, 0);
}

async function openAsViewer(board: BoardPageObject, link: string) {
  await board.page.goto(link);
  await board.page.waitForFunction(() => !!window.__iedereen?.stage);
  await expect(board.page.locator('.role-badge').first()).toHaveText('Alleen kijken');
}

test('facilitator, participant and viewer: roles, bring everyone, one timer, revoking a link', async ({ board: f, colleague: p, third: v }) => {
  await f.createBoard('Toegang', { join: { name: 'Fatima' } });
  const links = f.links!;
  expect(new URL(links.participant).hash).toMatch(/^#t=/);
  // The token is taken out of the address bar.
  expect(f.page.url()).not.toContain('#');
  const sem = await f.addPerson({ name: 'Sem' });
  await f.expectSaved();

  await p.open(links.participant, { name: 'Sam' });
  expect(p.page.url()).not.toContain('#');
  await expect(p.page.locator('.board-topbar .role-badge')).toHaveText('Deelnemer');
  await expect(p.page.getByRole('button', { name: 'Delen' })).toHaveCount(0);

  // ── The viewer looks, and cannot change anything ──
  await openAsViewer(v, links.viewer);
  expect(v.page.url()).not.toContain('#');
  await v.waitForCard('person', 'Sem');
  await expect(v.joinDialog).toBeHidden();
  await expect(v.page.getByRole('button', { name: 'Persoon toevoegen' })).toHaveCount(0);
  await expect(v.page.getByRole('button', { name: 'Vaardigheid toevoegen' })).toHaveCount(0);
  const before = await v.cardPosition(sem);
  await v.dragCardBy(sem, 140, 60);
  expect(await v.cardPosition(sem)).toEqual(before);
  await v.clickCard(sem);
  await v.page.keyboard.press('ArrowRight');
  await v.page.keyboard.press('Delete');
  await v.page.keyboard.press('Backspace');
  await v.page.keyboard.press('Control+z');
  await expect.poll(() => f.cardPosition(sem)).toEqual(await f.cardPosition(sem));
  expect(await f.cardId('person', 'Sem')).toBe(sem);
  await v.screenshot('desktop-viewer');

  // ── Bring everyone: the participant's view follows the facilitator until they pan away ──
  await f.page.getByRole('button', { name: 'Inzoomen' }).click();
  await f.page.getByRole('button', { name: 'Inzoomen' }).click();
  await f.page.getByRole('button', { name: 'Sessie' }).click();
  const panel = f.page.getByRole('region', { name: 'Sessie leiden' });
  await panel.getByRole('button', { name: 'Iedereen meenemen' }).click();
  await expect(p.page.getByText('De begeleider neemt iedereen mee')).toBeVisible();
  await expect(f.page.getByText('Je neemt iedereen mee naar jouw beeld').first()).toBeVisible();
  const fView = (await stageView(f.page))!;
  await expect.poll(async () => (await stageView(p.page))!.scale).toBeCloseTo(fView.scale, 1);
  await expect.poll(async () => Math.abs((await stageView(p.page))!.x - fView.x)).toBeLessThan(20);
  await p.screenshot('desktop-brought-along');
  // The facilitator zooms out: the participant goes along.
  await f.page.getByRole('button', { name: 'Uitzoomen' }).click();
  const fView2 = (await stageView(f.page))!;
  await expect.poll(async () => (await stageView(p.page))!.scale).toBeCloseTo(fView2.scale, 1);
  // The participant pans the empty canvas: they look around themselves from now on.
  const canvas = p.page.locator('.board-stage');
  const box = (await canvas.boundingBox())!;
  await p.page.mouse.move(box.x + box.width - 200, box.y + box.height - 150);
  await p.page.mouse.down();
  await p.page.mouse.move(box.x + box.width - 320, box.y + box.height - 220, { steps: 8 });
  await p.page.mouse.up();
  await expect(p.page.getByText('De begeleider neemt iedereen mee')).toBeHidden();
  const own = (await stageView(p.page))!;
  await f.page.getByRole('button', { name: 'Inzoomen' }).click();
  await p.page.waitForTimeout(600);
  expect((await stageView(p.page))!.scale).toBeCloseTo(own.scale, 3);
  await panel.getByRole('button', { name: 'Loslaten' }).click();

  // ── One timer for everyone ──
  await panel.getByLabel('Minuten').fill('45');
  await panel.getByRole('button', { name: 'Start' }).click();
  for (const board of [f, p, v]) await expect(board.page.locator('.session-banners').getByRole('timer')).toBeVisible();
  // Each browser shows the server's time left (to the second), whatever its own clock.
  const facilitatorToken = new URL(links.facilitator).hash.replace(/^#t=/, '');
  const boardId = new URL(links.facilitator).pathname.split('/').pop()!;
  const response = await f.page.request.get(`/api/boards/${boardId}/session`, { headers: { authorization: `Bearer ${facilitatorToken}` } });
  const { session } = (await response.json()) as { session: { timer: { endsAt: number } } };
  expect(session.timer.endsAt).toBeGreaterThan(Date.now());
  for (const board of [f, p, v]) {
    await expect.poll(async () => Math.abs((await timerSeconds(board)) - (session.timer.endsAt - Date.now()) / 1000)).toBeLessThanOrEqual(1.5);
    expect(await timerSeconds(board)).toBeGreaterThan(44 * 60);
  }
  await f.screenshot('desktop-session-panel');
  await panel.getByRole('button', { name: 'Pauze' }).click();
  await expect(p.page.locator('.session-banners').getByRole('timer')).toHaveClass(/is-paused/);
  await expect(v.page.locator('.session-banners').getByRole('timer')).toHaveClass(/is-paused/);
  const paused = await f.page.locator('.session-banners').getByRole('timer').innerText();
  await expect(p.page.locator('.session-banners').getByRole('timer')).toHaveText(paused);
  await expect(v.page.locator('.session-banners').getByRole('timer')).toHaveText(paused);

  // ── Lock: read-only for everyone but the facilitator ──
  await panel.getByRole('button', { name: 'Bord vergrendelen' }).click();
  await expect(p.page.getByText('Het bord is vergrendeld door de begeleider')).toBeVisible();
  await expect(p.page.getByRole('button', { name: 'Persoon toevoegen' })).toHaveCount(0);
  await expect(f.page.getByRole('button', { name: 'Persoon toevoegen' })).toBeEnabled();
  await p.screenshot('desktop-locked');
  await panel.getByRole('button', { name: 'Bord ontgrendelen' }).click();
  await expect(p.page.getByRole('button', { name: 'Persoon toevoegen' })).toBeEnabled();
  await panel.getByRole('button', { name: 'Sluiten' }).click();

  // ── Revoking the participant link drops that browser at once ──
  await f.page.getByRole('button', { name: 'Delen' }).click();
  const share = f.page.getByRole('dialog', { name: 'Links van dit bord' });
  await expect(share.getByRole('textbox', { name: 'Deelnemer', exact: true })).toHaveValue(links.participant);
  await f.screenshot('desktop-share-dialog');
  await share.locator('[data-role="participant"]').getByRole('button', { name: 'Intrekken' }).click();
  await expect(p.page.getByRole('heading', { name: 'Deze link werkt niet meer — vraag de begeleider om een nieuwe' })).toBeVisible({ timeout: 5000 });
  await p.screenshot('desktop-link-revoked');
  // The viewer and the facilitator stay.
  await expect(v.page.locator('.board-topbar .role-badge')).toHaveText('Alleen kijken');
  await expect(share.locator('[data-role="participant"]')).toContainText('Ingetrokken');
});

test('without the link, or with an old one, the board says whom to ask', async ({ board, colleague }) => {
  await board.createBoard('Zonder link');
  const links = board.links!;
  const id = new URL(links.viewer).pathname.split('/').pop()!;
  await colleague.page.goto(`/b/${id}`);
  await expect(colleague.page.getByRole('heading', { name: 'Je hebt de link van dit bord nodig — vraag de begeleider' })).toBeVisible();
  await colleague.screenshot('desktop-need-link');
  // The home page of that browser shows nothing of boards it holds no link for.
  await colleague.page.goto('/');
  await expect(colleague.page.getByText('Zonder link')).toHaveCount(0);
  // A broken token.
  await colleague.page.goto(`/b/${id}#t=${'x'.repeat(43)}`);
  await expect(colleague.page.getByRole('heading', { name: 'Deze link werkt niet meer — vraag de begeleider om een nieuwe' })).toBeVisible();
  // The creator's home page lists the board with the role.
  await board.page.goto('/');
  await expect(board.page.getByRole('link', { name: /Zonder link/ })).toContainText('Begeleider');
});

test('big screen: the board, the timer and a QR code to join', async ({ board, colleague }) => {
  await board.createBoard('Groot scherm', { starterSet: true });
  await board.page.getByRole('button', { name: 'Groot scherm', exact: true }).click();
  const join = board.page.getByRole('complementary', { name: 'Doe mee op je telefoon' });
  await expect(join.getByRole('img', { name: 'QR-code met de deelnemerslink' })).toBeVisible();
  await expect(join).toContainText(board.links!.participant);
  await expect(board.page.getByRole('button', { name: 'Persoon toevoegen' })).toHaveCount(0);
  await board.screenshot('desktop-big-screen');
  // A facilitator on another device has no participant link in that browser: they can make one.
  await colleague.open(board.links!.facilitator);
  await colleague.page.getByRole('button', { name: 'Groot scherm', exact: true }).click();
  await colleague.page.getByRole('button', { name: 'Nieuwe deelnemerslink maken' }).click();
  await expect(colleague.page.getByRole('img', { name: 'QR-code met de deelnemerslink' })).toBeVisible();
});
