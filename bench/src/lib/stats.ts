/** Statistics shared by every benchmark: medians, percentiles, and ratio intervals over alternating runs. */

/** A small deterministic PRNG (mulberry32): generators and bootstraps are reproducible from a seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Median of a sample (NaN when empty). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Nearest-rank percentile, p in 0..100 (NaN when empty). */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] as number;
}

export const mean = (xs: readonly number[]): number => (xs.length === 0 ? Number.NaN : xs.reduce((a, b) => a + b, 0) / xs.length);

export interface RatioCi {
  ratio: number;
  low: number;
  high: number;
}

/**
 * stat(a) / stat(b) (median by default) with a 95 % percentile bootstrap interval: each side
 * resampled with replacement, fixed seed (a run is reproducible from its figures). With fewer than
 * two values on a side the interval collapses to the point.
 */
export function bootstrapRatio(
  a: readonly number[],
  b: readonly number[],
  { iterations = 2000, stat = median, seed = 12345 }: { iterations?: number; stat?: (xs: readonly number[]) => number; seed?: number } = {},
): RatioCi {
  const ratio = stat(a) / stat(b);
  if (a.length < 2 || b.length < 2) return { ratio, low: ratio, high: ratio };
  const random = rng(seed);
  const resample = (xs: readonly number[]) => xs.map(() => xs[Math.floor(random() * xs.length)] as number);
  const ratios: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const r = stat(resample(a)) / stat(resample(b));
    if (Number.isFinite(r)) ratios.push(r);
  }
  if (ratios.length === 0) return { ratio, low: ratio, high: ratio };
  ratios.sort((x, y) => x - y);
  return {
    ratio,
    low: ratios[Math.floor(ratios.length * 0.025)] as number,
    high: ratios[Math.min(ratios.length - 1, Math.floor(ratios.length * 0.975))] as number,
  };
}

/** Mean and a normal-approximation 95 % interval of a few runs' values. */
export function meanCi(values: readonly number[]): { mean: number; lo: number; hi: number } {
  const n = values.length;
  const m = values.reduce((a, b) => a + b, 0) / Math.max(1, n);
  if (n < 2) return { mean: m, lo: m, hi: m };
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - m) ** 2, 0) / (n - 1));
  const half = (1.96 * sd) / Math.sqrt(n);
  return { mean: m, lo: m - half, hi: m + half };
}

/**
 * The order of `rounds` alternating runs of two sides: A B, B A, A B, … (each side goes first
 * equally often, so neither always meets a heap, cache or engine the other one left).
 */
export function alternating<T>(rounds: number, a: T, b: T): T[] {
  const out: T[] = [];
  for (let r = 0; r < rounds; r++) out.push(...(r % 2 === 0 ? [a, b] : [b, a]));
  return out;
}

/** Runs `ours` and `anchor` alternately, `rounds` times each; every call returns one sample (or several). */
export async function runAlternating(
  rounds: number,
  ours: (round: number) => Promise<number | number[]> | number | number[],
  anchor: (round: number) => Promise<number | number[]> | number | number[],
): Promise<{ ours: number[]; anchor: number[] }> {
  const out = { ours: [] as number[], anchor: [] as number[] };
  for (let r = 0; r < rounds; r++) {
    const order: Array<'ours' | 'anchor'> = r % 2 === 0 ? ['ours', 'anchor'] : ['anchor', 'ours'];
    for (const side of order) {
      const v = await (side === 'ours' ? ours(r) : anchor(r));
      out[side].push(...(Array.isArray(v) ? v : [v]));
    }
  }
  return out;
}
