/**
 * Unit conversions from the blueprint's Docker-flavoured notation to Kubernetes fields. Each
 * returns whether the conversion was exact, so the caller can attach a fidelity note when not.
 */

const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 1e-3, ns: 1e-6 };
// "ms", "us" and "ns" before "m" and "s": alternation is ordered.
const DURATION_PART = /(\d+(?:\.\d+)?)(ms|us|ns|h|m|s)/g;

export interface Converted<T> {
  value: T;
  exact: boolean;
}

// The same few durations recur across a blueprint: parse each once.
const parsed = new Map<string, number>();

/** A duration such as 1m30s or 500ms as whole seconds, rounded up (Kubernetes probes count in seconds). */
export function durationSeconds(duration: string, min = 0): Converted<number> {
  const ms = parsed.get(duration) ?? parseMs(duration);
  const seconds = Math.max(min, Math.ceil(ms / 1000));
  return { value: seconds, exact: seconds * 1000 === ms };
}

function parseMs(duration: string): number {
  let ms = 0;
  for (const m of duration.matchAll(DURATION_PART)) ms += Number(m[1]) * (UNIT_MS[m[2] as string] ?? 0);
  ms = Math.round(ms * 1e6) / 1e6; // float noise from 0.1 × 1000 and the like
  if (parsed.size < 1000) parsed.set(duration, ms);
  return ms;
}

/** CPU cores as a Kubernetes quantity: 0.5 → "500m", 2 → "2"; below a millicore rounds up. */
export function cpuQuantity(cpus: number): Converted<string> {
  const exactMillis = Math.round(cpus * 1000 * 1e6) / 1e6;
  const millis = Math.max(1, Math.ceil(exactMillis));
  return { value: millis % 1000 === 0 ? String(millis / 1000) : `${millis}m`, exact: millis === exactMillis };
}

/** "1.29", "v1.30.2" → [1, 29]; undefined when it is no version. */
export function parseKubeVersion(version: string): [number, number] | undefined {
  const m = /^v?(\d+)\.(\d+)(\.\d+)?$/.exec(version.trim());
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

export function versionAtLeast(version: [number, number], major: number, minor: number): boolean {
  return version[0] > major || (version[0] === major && version[1] >= minor);
}

/**
 * Kubernetes expands $(VAR) in command, args and env values and turns "$$" into "$". Blueprint
 * strings are literal on every target, so each "$" that would start such a sequence is doubled.
 */
export function escapeExpansion(s: string): string {
  return s.includes('$') ? s.replace(/\$(?=[$(])/g, () => '$$') : s;
}
