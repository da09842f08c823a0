import { Child } from '../lib/ipc.ts';
import { row, type Row } from '../lib/report.ts';
import { percentile } from '../lib/stats.ts';
import type { IndexResult } from './indexWork.ts';

/** Runs the index scenario in a fresh worker process (no other clients, a clean heap). */
export async function skillIndex(config: { people: number; skills: number; links: number; changes: number }, log: (m: string) => void): Promise<Row[]> {
  const worker = new Child('index', 'bench/worker.ts');
  let result: IndexResult;
  try {
    result = await worker.request<IndexResult>('index', config, 300_000);
  } finally {
    await worker.kill();
  }
  const s = `index (${config.people.toLocaleString('en-US')} people × ${config.links.toLocaleString('en-US')} skill links, ${config.skills} skills)`;
  if (result.skipped) {
    log(`  index: skipped: ${result.skipped}`);
    return [{ scenario: s, metric: 'skill index', unit: '', status: 'skipped', note: `skipped: ${result.skipped}` }];
  }
  const rows: Row[] = [
    row(s, 'full: deriveSkillIndex(board)', 'ms', { ours: result.deriveMs! }, { text: 'full ≤ 200 ms', on: 'ours', max: 200 }, 'five runs after one warm-up'),
    row(s, 'readBoard(doc) before it (validation of every record)', 'ms', { ours: [result.readBoardMs!] }, undefined, 'first call, cold JIT'),
  ];
  if (result.fullFromIndexerMs !== undefined) rows.push(row(s, 'SkillIndexer.fromDoc(doc) + index()', 'ms', { ours: [result.fullFromIndexerMs] }));
  if (result.change) {
    const { indexMs, writeMs, kinds } = result.change;
    rows.push(
      row(s, 'one change: SkillIndexer apply + index(), p95 over the changes', 'ms', { ours: [percentile(indexMs, 95)] }, { text: 'one change ≤ 5 ms', on: 'ours', max: 5 }, `median per kind: ${Object.entries(kinds).map(([k, v]) => `${k} ${v.indexMs.toFixed(2)}`).join(', ')}`),
      row(s, 'one change: max', 'ms', { ours: [Math.max(...indexMs)] }),
      row(s, 'one change: the write helper itself, median', 'ms', { ours: [percentile(writeMs, 50)] }, undefined, `median per kind: ${Object.entries(kinds).map(([k, v]) => `${k} ${v.writeMs.toFixed(2)}`).join(', ')}`),
    );
  } else if (result.changeSkipped) {
    rows.push({ scenario: s, metric: 'one change', unit: '', status: 'skipped', note: `skipped: ${result.changeSkipped}` });
  }
  if (result.mismatch) rows.push({ scenario: s, metric: 'incremental = full derivation', unit: '', status: 'error', note: result.mismatch });
  log(`  index: derive ${result.deriveMs!.map((v) => v.toFixed(1)).join(', ')} ms; readBoard ${result.readBoardMs!.toFixed(0)} ms; one change p95 ${result.change ? percentile(result.change.indexMs, 95).toFixed(2) : '–'} ms`);
  return rows;
}
