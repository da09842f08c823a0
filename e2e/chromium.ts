/**
 * How the e2e tests and the benchmark start Debian's Chromium: Playwright cannot download
 * its own browsers on this machine.
 *
 * Debian's Chromium is the whole browser, not Playwright's usual headless shell: every new
 * window (each browser context) also starts Chrome's own "top chrome" web UI — the address
 * bar's suggestion popup and the pages it preloads — in a renderer of its own. On this
 * 2-core machine that renderer took more CPU than our page while the page opened: a
 * 5,000-card board drew its first frame after ~1.7 s with it and ~0.8 s without (median of
 * fresh browsers, 2026-11-29). A person opening a board link has that popup loaded long
 * before; the headless shell has none. So it is switched off here, for the tests and the
 * figures alike.
 */
export const DEBIAN_CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup,PreloadTopChromeWebUI',
  ],
};
