import { chromium } from '@playwright/test';
import { test, expect, BoardPageObject } from './fixtures.ts';
import { DEBIAN_CHROMIUM } from './chromium.ts';

/**
 * The app under the server's CSP with 'unsafe-eval' taken out: nothing in the client needs
 * inline scripts (beyond the hashed boot script), inline <style> or eval; the record checks
 * fall back from compiled to interpreted where eval is refused (shared/docSchema.ts).
 */
test('the board opens, edits and syncs under the CSP without unsafe-eval', async ({ baseURL }) => {
  // A document fulfilled by page.route counts as from an unknown address space, and Chromium's
  // Local Network Access checks would then block its socket to 127.0.0.1: off in this browser only.
  const args = DEBIAN_CHROMIUM.args.map((arg) => (arg.startsWith('--disable-features=') ? `${arg},LocalNetworkAccessChecks` : arg));
  const browser = await chromium.launch({ ...DEBIAN_CHROMIUM, args });
  const open = async () => new BoardPageObject(await (await browser.newContext({ baseURL, locale: 'nl-NL', viewport: { width: 1280, height: 800 } })).newPage());
  const board = await open();
  const colleague = await open();
  for (const b of [board, colleague]) {
    await b.page.route(
      (url) => !url.pathname.startsWith('/api/') && !url.pathname.startsWith('/assets/'),
      async (route) => {
        const response = await route.fetch();
        const headers = { ...response.headers() };
        const csp = headers['content-security-policy'];
        expect(csp, 'the server sends a CSP').toBeTruthy();
        headers['content-security-policy'] = csp.replace(/\s*'unsafe-eval'/g, '');
        await route.fulfill({ response, headers });
      },
    );
    await b.page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __csp: string[] }).__csp = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
  }
  const url = await board.createBoard('Strikte CSP');
  await board.addPerson({ name: 'Fatima' });
  await colleague.open(url);
  await colleague.waitForCard('person', 'Fatima');
  await board.expectSaved();
  const violations = await board.page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  // Only the refused eval the record checks try once before they fall back.
  expect(violations.filter((v) => !/^script-src(-elem)? eval$/.test(v))).toEqual([]);
  await browser.close();
});
