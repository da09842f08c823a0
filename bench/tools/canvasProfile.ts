/**
 * A Chromium CPU profile of the board page opening a large board (and, with --drag, of a
 * drag while a remote client moves cards), for finding where the canvas spends its time.
 *
 *   npx vite build --minify false --outDir /tmp/prof-client && CLIENT_DIR=/tmp/prof-client npx tsx bench/tools/canvasProfile.ts 5000 [--drag [--detail]]
 *   npx tsx bench/tools/profileSummary.ts bench/results/profiles/canvas.cpuprofile --top=40
 *   (--screenshot=/tmp/board.png saves what the page shows at the end)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, sleep } from '../lib/ipc.ts';
import { boardPage } from '../lib/boardPage.ts';

const cards = Number(process.argv[2] ?? 5000);
const drag = process.argv.includes('--drag');
const { board, url, remote, context, page, close } = await boardPage(cards, 'profile');
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
const profiling = !process.argv.includes('--marks-only');
if (!drag && profiling) await cdp.send('Profiler.start');
const started = Date.now();
await page.goto(url, { waitUntil: 'domcontentloaded' });
await page.waitForFunction((n) => (window.__iedereen?.canvas?.cards ?? 0) >= n, cards, { timeout: 60_000, polling: 50 });
const marks = await page.evaluate(() => {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
  const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => /\.(js|css|woff2?|svg|png|ico)$|\/api\//.test(r.name));
  return [
    ['response end', nav.responseEnd],
    ['DOMContentLoaded', nav.domContentLoadedEventEnd],
    ...scripts.map((s) => [`${s.name.split('/').slice(-2).join('/')} ${s.startTime.toFixed(0)}→`, s.responseEnd]),
    ...performance.getEntriesByType('mark').filter((m) => m.name.startsWith('iedereen:')).map((m) => [m.name, m.startTime]),
  ].map(([name, t]) => `${String(name).padEnd(40)} ${Number(t).toFixed(0).padStart(6)} ms`);
});
console.log(marks.join('\n'));
console.log(`cards on the canvas after ${Date.now() - started} ms (${await page.evaluate(() => JSON.stringify({ mode: window.__iedereen?.canvas?.mode, inView: window.__iedereen?.canvas?.inView }))})`);
if (drag) {
  await page.getByRole('button', { name: /^(Verder zonder naam|Continue without a name)$/ }).click().catch(() => undefined);
  await sleep(1000);
  if (process.argv.includes('--detail')) {
    // Double-click the card in the middle: the overview zooms in on it, at full size.
    const at = await page.evaluate(() => {
      const stage = window.__iedereen!.stage!;
      const box = stage.container().getBoundingClientRect();
      let best = { x: 640, y: 400, d: Infinity };
      for (const r of window.__iedereen!.canvas!.rects.values()) {
        const x = box.left + stage.x() + (r.x + r.width / 2) * stage.scaleX();
        const y = box.top + stage.y() + (r.y + r.height / 2) * stage.scaleY();
        const d = Math.hypot(x - 640, y - 400);
        if (d < best.d) best = { x, y, d };
      }
      return best;
    });
    await page.mouse.dblclick(at.x, at.y);
    await page.waitForFunction(() => window.__iedereen?.canvas?.mode === 'detail', undefined, { timeout: 10_000 });
    await sleep(500);
    console.log(await page.evaluate(() => `zoomed in: ${window.__iedereen?.canvas?.inView} cards on screen`));
  }
  await cdp.send('Profiler.start');
  const positions = remote.doc.getMap<{ x: number; y: number }>('positions');
  const ids = board.cardIds.slice(0, 300);
  let i = 0;
  const timer = setInterval(() => {
    const id = ids[i++ % ids.length];
    const at = positions.get(id)!;
    positions.set(id, { x: at.x + (i % 2 ? 5 : -5), y: at.y });
  }, 10);
  await page.mouse.move(640, 400);
  await page.mouse.down();
  for (let step = 0; step < 200; step++) {
    await page.mouse.move(640 + step, 400 + (step % 20));
    await sleep(12);
  }
  await page.mouse.up();
  clearInterval(timer);
}
const { profile } = profiling || drag ? await cdp.send('Profiler.stop') : { profile: {} };
const shot = process.argv.find((a) => a.startsWith('--screenshot='))?.slice('--screenshot='.length);
if (shot) {
  await page.keyboard.press('Escape').catch(() => undefined);
  await sleep(500);
  await page.screenshot({ path: shot });
  console.log(`screenshot: ${shot}`);
}
const out = path.join(ROOT, 'bench/results/profiles');
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, 'canvas.cpuprofile'), JSON.stringify(profile));
console.log(`wrote ${path.join(out, 'canvas.cpuprofile')}`);
await close();
process.exit(0);
