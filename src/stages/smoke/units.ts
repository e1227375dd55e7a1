/** A configured duration as the user would write it: `5m`, `1.5s`, `300 ms`. */
export function durationLabel(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000}m`;
  return ms >= 1000 && ms % 100 === 0 ? `${ms / 1000}s` : `${ms} ms`;
}

/** A measured or remaining time, rounded for reading: `850 ms`, `2.4 s`, `4 min 05 s`. */
export function formatMs(ms: number): string {
  const value = Math.max(0, ms);
  if (value < 1000) return `${Math.round(value)} ms`;
  if (value < 60_000) return `${(value / 1000).toFixed(1)} s`;
  const s = Math.round(value / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}
