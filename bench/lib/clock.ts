/**
 * One clock for every bench process: process.hrtime.bigint() is CLOCK_MONOTONIC, which
 * all processes on one Linux machine share. The orchestrator picks the epoch and hands
 * it to every worker, so a time stamp written by one process can be subtracted from one
 * read in another.
 */
let epoch = process.hrtime.bigint();

export function setEpoch(value: string) {
  epoch = BigInt(value);
}

export const epochString = () => epoch.toString();

/** Microseconds since the shared epoch (fractional). */
export const nowUs = () => Number(process.hrtime.bigint() - epoch) / 1000;

/**
 * A bench move carries its send time in the card's position, so the time stamp travels
 * inside the edit itself: x = MOVE_BASE + whole seconds, y = the microseconds within that
 * second. Both stay integers inside the position schema's ±1,000,000 (for 500,000 s after
 * the epoch); real layout positions are far below MOVE_BASE, so they never decode.
 */
export const MOVE_BASE = 500_000;

export function encodeMoveTime(tUs: number): { x: number; y: number } {
  const t = Math.max(0, Math.round(tUs));
  return { x: MOVE_BASE + Math.floor(t / 1e6), y: t % 1e6 };
}

export function decodeMoveTime(position: unknown): number | null {
  if (!position || typeof position !== 'object') return null;
  const { x, y } = position as { x?: unknown; y?: unknown };
  if (typeof x !== 'number' || typeof y !== 'number' || x < MOVE_BASE) return null;
  return (x - MOVE_BASE) * 1e6 + y;
}
