/**
 * What grew between two V8 heap snapshots, by constructor: count and self size.
 *
 *   npx tsx bench/tools/heapDiff.ts before.heapsnapshot after.heapsnapshot [--per=50] [--top=40]
 *
 * --per divides by a count (e.g. the number of connections added between the snapshots).
 * The servers write snapshots on the side-channel command `heapSnapshot`.
 */
import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}

function summarise(file: string) {
  const snap = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const width = fields.length;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const out = new Map<string, { count: number; size: number }>();
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + typeAt]];
    const name = type === 'object' || type === 'closure' || type === 'native' ? snap.strings[snap.nodes[i + nameAt]] : `(${type})`;
    const key = `${type === 'closure' ? 'closure ' : ''}${name}`;
    const entry = out.get(key) ?? { count: 0, size: 0 };
    entry.count++;
    entry.size += snap.nodes[i + sizeAt];
    out.set(key, entry);
  }
  return out;
}

const [a, b, ...rest] = process.argv.slice(2);
if (!a || !b) {
  console.error('usage: heapDiff.ts before.heapsnapshot after.heapsnapshot [--per=N] [--top=40]');
  process.exit(2);
}
const per = Number(rest.find((x) => x.startsWith('--per='))?.slice(6) ?? 1);
const top = Number(rest.find((x) => x.startsWith('--top='))?.slice(6) ?? 40);
const before = summarise(a);
const after = summarise(b);
const rows = [...after].map(([k, v]) => {
  const o = before.get(k) ?? { count: 0, size: 0 };
  return { k, count: (v.count - o.count) / per, size: (v.size - o.size) / per };
});
const total = rows.reduce((s, r) => s + r.size, 0);
console.log(`heap growth${per > 1 ? ` per 1/${per}` : ''}: ${(total / 1024).toFixed(1)} KB`);
for (const r of rows.sort((x, y) => y.size - x.size).slice(0, top)) {
  console.log(`${(r.size / 1024).toFixed(2).padStart(9)} KB ${r.count.toFixed(1).padStart(8)} ×  ${r.k.slice(0, 100)}`);
}
