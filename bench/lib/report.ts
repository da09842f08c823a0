import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ratios, spread, type Spread } from './stats.ts';

export type Status = 'pass' | 'fail' | 'info' | 'skipped' | 'error' | 'quick: not judged';

export interface Target {
  /** As written in the issue, e.g. "p99 ≤ 1.0× peer". */
  text: string;
  /** Which figure the target is on. */
  on: 'ours' | 'ratioPeer' | 'ratioRelay';
  max?: number;
  min?: number;
  /**
   * "median" (default): the median over the runs must meet it; "worst": every run must
   * (used where one failure is already a failure, e.g. delivery).
   */
  over?: 'median' | 'worst';
}

export interface Row {
  scenario: string;
  metric: string;
  unit: string;
  ours?: Spread;
  peer?: Spread;
  relay?: Spread;
  /** Per-run ratio ours/peer, then median [min–max] of those ratios. */
  ratioPeer?: Spread;
  ratioRelay?: Spread;
  target?: Target;
  status: Status;
  /** In --quick mode: what the judgement would have been. */
  wouldBe?: 'pass' | 'fail';
  note?: string;
}

export interface Figures {
  ours?: number[];
  peer?: number[];
  relay?: number[];
}

/** Builds a row from per-run figures (runs paired by repetition for the ratios). */
export function row(scenario: string, metric: string, unit: string, figures: Figures, target?: Target, note?: string): Row {
  const r: Row = { scenario, metric, unit, status: 'info', target, note };
  if (figures.ours) r.ours = spread(figures.ours);
  if (figures.peer) r.peer = spread(figures.peer);
  if (figures.relay) r.relay = spread(figures.relay);
  if (figures.ours && figures.peer) r.ratioPeer = ratios(figures.ours, figures.peer);
  if (figures.ours && figures.relay) r.ratioRelay = ratios(figures.ours, figures.relay);
  return r;
}

export function judge(r: Row, quick: boolean): Row {
  if (!r.target || r.status === 'error' || r.status === 'skipped') return r;
  const figure = r.target.on === 'ours' ? r.ours : r.target.on === 'ratioPeer' ? r.ratioPeer : r.ratioRelay;
  let verdict: 'pass' | 'fail';
  if (!figure || !Number.isFinite(figure.median)) verdict = 'fail';
  else {
    const { max, min, over = 'median' } = r.target;
    // "worst" also fails when a run produced no figure at all.
    const missing = over === 'worst' && figure.runs.some((v) => !Number.isFinite(v));
    const high = over === 'worst' ? figure.max : figure.median;
    const low = over === 'worst' ? figure.min : figure.median;
    verdict = !missing && (max === undefined || high <= max) && (min === undefined || low >= min) ? 'pass' : 'fail';
  }
  return quick ? { ...r, status: 'quick: not judged', wouldBe: verdict } : { ...r, status: verdict };
}

export function errorRow(scenario: string, error: unknown): Row {
  const message = error instanceof Error ? error.message : String(error);
  return { scenario, metric: 'scenario run', unit: '', status: 'error', note: message.split('\n').slice(0, 6).join(' | ') };
}

function num(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  return value.toFixed(3);
}

export function formatSpread(s: Spread | undefined, unit = ''): string {
  if (!s) return '';
  const u = unit ? ` ${unit}` : '';
  if (s.runs.filter(Number.isFinite).length <= 1) return `${num(s.median)}${u}`;
  return `${num(s.median)} [${num(s.min)}–${num(s.max)}]${u}`;
}

const ratio = (s: Spread | undefined) => (s ? `${formatSpread(s)}×` : '');

export function formatTable(rows: Row[]): string {
  const header = ['scenario', 'metric', 'ours', 'peer', 'relay', 'ours/peer', 'ours/relay', 'target', 'result'];
  const lines = rows.map((r) => [
    r.scenario,
    `${r.metric}${r.unit ? ` (${r.unit})` : ''}`,
    formatSpread(r.ours),
    formatSpread(r.peer),
    formatSpread(r.relay),
    ratio(r.ratioPeer),
    ratio(r.ratioRelay),
    r.target?.text ?? '',
    r.status === 'quick: not judged' && r.wouldBe ? `quick: not judged (would ${r.wouldBe})` : r.status === 'error' ? `ERROR: ${r.note ?? ''}` : r.status,
  ]);
  const widths = header.map((h, i) => Math.min(i === 8 ? 200 : 60, Math.max(h.length, ...lines.map((l) => l[i].length))));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [fmt(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmt)].join('\n');
}

export function writeJson(file: string, data: unknown) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(data, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`);
}
