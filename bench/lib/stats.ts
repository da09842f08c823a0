/** Small, dependency-free statistics for the bench. All inputs are plain numbers. */

/** Linear-interpolated percentile (p in 0..100) of an unsorted list; NaN when empty. */
export function percentile(values: ArrayLike<number>, p: number): number {
  const n = values.length;
  if (n === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  if (n === 1) return sorted[0];
  const rank = (p / 100) * (n - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

export const median = (values: ArrayLike<number>) => percentile(values, 50);

/** Median and range of one figure over the repetitions. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  /** Every run's value, in run order. */
  runs: number[];
}

export function spread(runs: number[]): Spread {
  const finite = runs.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return { median: NaN, min: NaN, max: NaN, runs };
  return { median: median(finite), min: Math.min(...finite), max: Math.max(...finite), runs };
}

/** Per-run ratios a[i] / b[i] (runs are paired by repetition). */
export function ratios(a: number[], b: number[]): Spread {
  return spread(a.map((value, i) => (b[i] ? value / b[i] : NaN)));
}

export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return values.length ? sum / values.length : NaN;
}
