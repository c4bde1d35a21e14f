import type { Blueprint } from '@blaupause/model';

export interface Opening {
  blueprint: Blueprint;
  /** Whether it is the stored current blueprint (else the seed, shown for the first time). */
  restored: boolean;
}

/**
 * The document the page opens with: the stored current blueprint, read by the worker through the
 * schema; when nothing is stored (a first visit) or it does not load, the seed. A first visit asks
 * the worker nothing and gets its answer in the same task, so the canvas paints without waiting
 * for the worker to start (performance anchors C4).
 */
export function openingDocument(
  entries: Record<string, string>,
  restore: (entries: Record<string, string>) => Promise<Blueprint | undefined>,
  seed: Blueprint,
): Opening | Promise<Opening> {
  if (Object.keys(entries).length === 0) return { blueprint: seed, restored: false };
  return restore(entries).then((bp) => (bp ? { blueprint: bp, restored: true } : { blueprint: seed, restored: false }));
}
