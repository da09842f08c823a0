import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { DEBIAN_CHROMIUM } from '../../e2e/chromium.ts';
import { buildCardBoard, type CardBoard } from './board.ts';
import { connectClient } from './clients.ts';
import { putBoard, startServer, type ServerHandle } from './servers.ts';

export interface BoardPage {
  server: ServerHandle;
  board: CardBoard;
  /** The board's link path on the server, /b/<id>#t=<token>. */
  name: string;
  url: string;
  remote: ReturnType<typeof connectClient>;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * For the canvas tools: our server (the client from CLIENT_DIR when set) with a board of
 * `cards` cards kept open by a remote client, and a fresh Chromium page — not yet on it.
 */
export async function boardPage(cards: number, title: string): Promise<BoardPage> {
  const server = await startServer('ours', process.env.CLIENT_DIR ? { CLIENT_DIR: process.env.CLIENT_DIR } : {});
  const board = buildCardBoard(cards, 55);
  const name = await putBoard(server, board, `${title} ${cards}`);
  const remote = connectClient('ours', server.url, name);
  await remote.synced;
  const browser = await chromium.launch({ ...DEBIAN_CHROMIUM, headless: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'nl-NL' });
  // tsx's keepNames wraps functions handed to page.evaluate in a __name helper that only Node has.
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  const page = await context.newPage();
  const close = async () => {
    remote.destroy();
    await browser.close();
    await server.child.kill();
  };
  return { server, board, name, url: `${server.url}/b/${name}`, remote, browser, context, page, close };
}
