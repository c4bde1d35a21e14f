import type { BlueprintInput } from '@blaupause/model';

/** One side's frame intervals (ms between consecutive requestAnimationFrame callbacks). */
export interface FrameStats {
  frames: number;
  /** Share of intervals over 20 ms, in percent (a dropped frame at 60 Hz). */
  over20Pct: number;
  p50: number;
  p95: number;
  max: number;
}

/** Node spacing of the benchmark grid: room for a service node with its pod, as drawn by the app. */
export const GRID_DX = 400;
export const GRID_DY = 280;

/**
 * Row by row on a √N-wide grid, each volume right after the first service that mounts it (where a
 * person or ELK would put it): the same positions for the app and the anchor. Volumes far from their
 * services would draw long dashed mount edges, which software raster pays for along their whole length.
 */
export function gridLayout(bp: BlueprintInput): Map<string, { x: number; y: number }> {
  const ids: string[] = [];
  const placed = new Set<string>();
  for (const [name, s] of Object.entries(bp.services ?? {})) {
    ids.push(`service:${name}`);
    for (const v of mountedVolumes(s))
      if (bp.volumes?.[v] && !placed.has(v)) {
        ids.push(`volume:${v}`);
        placed.add(v);
      }
  }
  for (const v of Object.keys(bp.volumes ?? {})) if (!placed.has(v)) ids.push(`volume:${v}`);
  const columns = Math.max(1, Math.ceil(Math.sqrt(ids.length)));
  return new Map(ids.map((id, i) => [id, { x: (i % columns) * GRID_DX, y: Math.floor(i / columns) * GRID_DY }]));
}

type ServiceInput = NonNullable<BlueprintInput['services']>[string];

function mountedVolumes(s: ServiceInput): Set<string> {
  return new Set(
    Object.values(s.containers ?? {}).flatMap((c) => (c.mounts ?? []).flatMap((m) => (m.type === 'volume' && m.source ? [m.source] : []))),
  );
}

/** The blueprint with that layout, as the app autosaves it (what it restores on load). */
export function withGridLayout(bp: BlueprintInput): BlueprintInput {
  return { ...bp, layout: { nodes: Object.fromEntries(gridLayout(bp)) } };
}

/** The anchor's graph: one default node per service and volume, one default edge per link and mount. */
export function stockGraph(bp: BlueprintInput): {
  nodes: Array<{ id: string; x: number; y: number }>;
  edges: Array<{ id: string; source: string; target: string }>;
} {
  const nodes = [...gridLayout(bp)].map(([id, p]) => ({ id, ...p }));
  const edges: Array<{ id: string; source: string; target: string }> = [];
  for (const [name, s] of Object.entries(bp.services ?? {})) {
    // One edge per (from, to), as the app draws it: a link id names the pair.
    for (const to of new Set((s.links ?? []).map((l) => l.to)))
      edges.push({ id: `link:${name}->${to}`, source: `service:${name}`, target: `service:${to}` });
    for (const v of mountedVolumes(s)) edges.push({ id: `mount:${name}->${v}`, source: `service:${name}`, target: `volume:${v}` });
  }
  return { nodes, edges };
}

/** Statistics of frame intervals; the nearest-rank percentile. */
export function frameStats(intervals: readonly number[]): FrameStats {
  const sorted = [...intervals].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
  return {
    frames: sorted.length,
    over20Pct: sorted.length === 0 ? Number.NaN : (100 * sorted.filter((d) => d > 20).length) / sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** Mean and a normal-approximation 95 % interval of a few alternating runs' values. */
export function meanCi(values: readonly number[]): { mean: number; lo: number; hi: number } {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, n);
  if (n < 2) return { mean, lo: mean, hi: mean };
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
  const half = (1.96 * sd) / Math.sqrt(n);
  return { mean, lo: mean - half, hi: mean + half };
}
