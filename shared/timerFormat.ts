/** "59:07", or "1:00:00" from an hour: how the session timer reads, rounded up to the second. */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

/** Whole minutes typed by the facilitator → a duration the server accepts (1 min … 8 h), or null. */
export function minutesToDuration(input: string, maxMs: number): number | null {
  const minutes = Number(input.trim().replace(',', '.'));
  if (!Number.isFinite(minutes) || minutes <= 0) return null;
  const ms = Math.round(minutes * 60) * 1000;
  return ms >= 1000 && ms <= maxMs ? ms : null;
}
