import type { LiveChange, LiveData } from './live-data';
import type { RasterNode } from './raster-scene';

/** React Flow's node lookup with the live data of nodes whose objects it keeps (live-data.ts); itself when there is none. */
export function lookupWithLive<N extends { data: unknown }>(lookup: ReadonlyMap<string, N>, live: LiveData | null): ReadonlyMap<string, N> {
  if (!live) return lookup;
  let out: Map<string, N> | undefined;
  for (const [id, data] of live.entries()) {
    const n = lookup.get(id);
    if (!n) continue;
    out ??= new Map(lookup);
    out.set(id, { ...n, data });
  }
  return out ?? lookup;
}

/** What of a node's data the raster draws (raster-draw.ts, raster-scene.ts): names, marks, pod rows at detail, what sizes an estimate. */
export function rasterKey(data: unknown, detail: boolean): string {
  if (typeof data !== 'object' || data === null) return '';
  const d = data as Record<string, unknown>;
  const containers = Array.isArray(d.containers) ? (d.containers as Array<Record<string, unknown>>) : [];
  const ports = Array.isArray(d.ports) ? d.ports.length : 0;
  const pods = detail ? containers.map((c) => `${c.role}\u0000${c.name}\u0000${c.image ?? ''}`).join('\u0001') : '';
  return [d.name, d.service, d.published, d.ingress, d.severity, containers.length, ports > 0, pods].join('\u0002');
}

/** Whether live changes alter what the raster draws of the nodes in `lookup`. */
export function changesRaster(changes: readonly LiveChange[], lookup: ReadonlyMap<string, RasterNode>, detail: boolean): boolean {
  for (const c of changes) {
    const n = lookup.get(c.id);
    if (!n) continue; // an edge: the raster draws the projection's edges, which are current
    if (rasterKey(c.before, detail) !== rasterKey(c.after ?? n.data, detail)) return true;
  }
  return false;
}
