/**
 * Engine times. Events carry `timeNano` (a JSON number, so only ~256 ns precise at today's
 * magnitudes); inspect carries RFC 3339 strings with nanoseconds. Both become float nanoseconds
 * for ordering and milliseconds for the contract's `at`.
 */
const RFC3339 = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/;

/** Nanoseconds since the epoch, or 0 for Go's zero time and anything unparsable. */
export function parseEngineTime(s: string | undefined): number {
  const m = RFC3339.exec(s ?? '');
  if (!m) return 0;
  const secondsMs = Date.parse(`${m[1]}${m[3]}`);
  if (!Number.isFinite(secondsMs) || secondsMs <= 0) return 0;
  const frac = (m[2] ?? '').padEnd(9, '0').slice(0, 9);
  return secondsMs * 1e6 + Number(frac);
}

export const nsToMs = (ns: number): number => Math.floor(ns / 1e6);
