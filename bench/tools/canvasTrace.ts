/**
 * A Chromium trace of the board page opening a large board: the main thread's top-level
 * tasks (parse, compile, script, layout, paint, network callbacks) in time order, to see
 * what the page waits for before its first frame with every card.
 *
 *   npx tsx bench/tools/canvasTrace.ts 5000 [--min=5]
 */
import { chromium } from '@playwright/test';
import { buildCardBoard } from '../lib/board.ts';
import { connectClient } from '../lib/clients.ts';
import { putBoard, startServer } from '../lib/servers.ts';

const cards = Number(process.argv[2] ?? 5000);
const minMs = Number(process.argv.find((a) => a.startsWith('--min='))?.slice('--min='.length) ?? 5);
const server = await startServer('ours', process.env.CLIENT_DIR ? { CLIENT_DIR: process.env.CLIENT_DIR } : {});
const board = buildCardBoard(cards, 55);
const name = await putBoard(server, board, `trace ${cards}`);
const remote = connectClient('ours', server.url, name);
await remote.synced;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'nl-NL' });
await context.addInitScript('globalThis.__name = (fn) => fn;');
const page = await context.newPage();
await browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'blink.user_timing', 'loading', 'disabled-by-default-devtools.timeline'] });
await page.goto(`${server.url}/b/${name}`, { waitUntil: 'domcontentloaded' });
await page.waitForFunction((n) => (window.__iedereen?.canvas?.cards ?? 0) >= n, cards, { timeout: 60_000, polling: 50 });
const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: Array<{ name: string; ph: string; ts: number; dur?: number; tid: number; pid: number; args?: { data?: { url?: string; frame?: string } } }> };
const events = trace.traceEvents;
const nav = events.find((e) => e.name === 'navigationStart' || e.name === 'NavigationStart') ?? events.find((e) => e.name.includes('navigation'));
const mainThread = events.find((e) => e.name === 'TracingStartedInBrowser' || e.name === 'CrRendererMain');
void mainThread;
const renderer = events.filter((e) => e.name === 'thread_name' && (e as unknown as { args: { name: string } }).args.name === 'CrRendererMain');
const mains = new Set(renderer.map((e) => `${e.pid}:${e.tid}`));
const t0 = nav?.ts ?? Math.min(...events.filter((e) => e.ts > 0).map((e) => e.ts));
const marks = events.filter((e) => e.name.startsWith('iedereen:') && e.ph !== 'e').map((e) => `${((e.ts - t0) / 1000).toFixed(0).padStart(6)} mark ${e.name}`);
const tasks = events
  .filter((e) => mains.has(`${e.pid}:${e.tid}`) && e.ph === 'X' && (e.dur ?? 0) / 1000 >= minMs && e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask')
  .map((e) => `${((e.ts - t0) / 1000).toFixed(0).padStart(6)} ${((e.dur ?? 0) / 1000).toFixed(1).padStart(7)} ms  ${e.name}${e.args?.data?.url ? ` ${e.args.data.url.split('/').pop()}` : ''}`);
console.log([...marks, ...tasks].sort((a, b) => Number(a.slice(0, 6)) - Number(b.slice(0, 6))).join('\n'));
remote.destroy();
await browser.close();
await server.child.kill();
process.exit(0);
