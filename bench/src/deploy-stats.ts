/** Median of a sample (NaN when empty). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/**
 * Ratio of medians a / b with a 95 % percentile bootstrap interval (each sample resampled with
 * replacement, fixed seed so a run is reproducible from its figures).
 */
export function bootstrapRatio(
  a: readonly number[],
  b: readonly number[],
  iterations = 2000,
): { ratio: number; low: number; high: number } {
  const ratio = median(a) / median(b);
  if (a.length < 2 || b.length < 2) return { ratio, low: ratio, high: ratio };
  let seed = 12345;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296;
  };
  const resample = (xs: readonly number[]) => xs.map(() => xs[Math.floor(random() * xs.length)] as number);
  const ratios: number[] = [];
  for (let i = 0; i < iterations; i++) ratios.push(median(resample(a)) / median(resample(b)));
  ratios.sort((x, y) => x - y);
  return { ratio, low: ratios[Math.floor(iterations * 0.025)] as number, high: ratios[Math.floor(iterations * 0.975)] as number };
}
