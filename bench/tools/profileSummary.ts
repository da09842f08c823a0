/**
 * Summarises a V8 .cpuprofile (from BENCH_CPU_PROF=ours npm run bench, node --cpu-prof, or
 * a Chromium Profiler.stop): self time by function and by package, and inclusive time of
 * the functions that match --focus.
 *
 *   npx tsx bench/tools/profileSummary.ts bench/results/profiles/ours/CPU.….0.001.cpuprofile [--top=30] [--focus=hocuspocus,ws:]
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const [file, ...rest] = process.argv.slice(2);
if (!file) {
  console.error('usage: profileSummary.ts <file.cpuprofile> [--top=30] [--focus=a,b]');
  process.exit(2);
}
const top = Number(rest.find((a) => a.startsWith('--top='))?.slice(6) ?? 30);
const focus = rest.find((a) => a.startsWith('--focus='))?.slice(8).split(',') ?? [];
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map<number, number>();
for (let i = 0; i < profile.samples.length; i++) {
  const dt = profile.timeDeltas[i + 1] ?? 0;
  self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + dt);
}
const totalUs = profile.endTime - profile.startTime;

const where = (n: Node) => {
  const url = n.callFrame.url.replace(/^file:\/\//, '');
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
  if (pkg) return pkg;
  if (url.includes('/work/')) return url.replace(/.*\/(server|shared|bench|client)\//, '$1/');
  if (url.startsWith('node:')) return url;
  return url || '(native)';
};
const label = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${where(n)}:${n.callFrame.lineNumber + 1}`;

const fnSelf = new Map<string, number>();
const pkgSelf = new Map<string, number>();
for (const [id, us] of self) {
  const n = byId.get(id)!;
  fnSelf.set(label(n), (fnSelf.get(label(n)) ?? 0) + us);
  const pkg = n.callFrame.url ? where(n).split(':')[0] : n.callFrame.functionName;
  pkgSelf.set(pkg, (pkgSelf.get(pkg) ?? 0) + us);
}
const ms = (us: number) => `${(us / 1000).toFixed(1).padStart(9)} ms ${((us / totalUs) * 100).toFixed(1).padStart(5)}%`;
const print = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms(v)}  ${k}`);
};
console.log(`${file}: ${(totalUs / 1e6).toFixed(1)} s profiled, ${profile.samples.length} samples`);
print('self time by package / file', pkgSelf);
print('self time by function', fnSelf);

if (focus.length) {
  // Inclusive time of every function whose label contains one of the focus strings (counted once per sample).
  const inclusive = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    const seen = new Set<string>();
    for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const l = label(byId.get(id)!);
      if (!seen.has(l) && focus.some((f) => l.includes(f))) {
        seen.add(l);
        inclusive.set(l, (inclusive.get(l) ?? 0) + dt);
      }
    }
  }
  print(`inclusive time of functions matching ${focus.join(', ')}`, inclusive);
}
