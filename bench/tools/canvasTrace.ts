/**
 * A Chromium trace of the board page opening a large board: the main thread's top-level
 * tasks (parse, compile, script, layout, paint, network callbacks) in time order, to see
 * what the page waits for before its first frame with every card.
 *
 *   npx tsx bench/tools/canvasTrace.ts 5000 [--min=5]
 */
import { boardPage } from '../lib/boardPage.ts';

const cards = Number(process.argv[2] ?? 5000);
const minMs = Number(process.argv.find((a) => a.startsWith('--min='))?.slice('--min='.length) ?? 5);
const { url, browser, page, close } = await boardPage(cards, 'trace');
await browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'blink.user_timing', 'loading', 'disabled-by-default-devtools.timeline'] });
await page.goto(url, { waitUntil: 'domcontentloaded' });
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
await close();
process.exit(0);
