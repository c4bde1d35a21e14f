import type { Blueprint, Service } from '@blaupause/model';
import { elementExists } from './selection';
import { type AppStore, selectBlueprint } from './store';
import { useApp, useAppStore } from './useApp';

/** What of a service decides which canvas elements exist (elementExists): its links, networks and volume mounts. */
const shapes = new WeakMap<Service, string>();
function shapeOf(s: Service): string {
  let shape = shapes.get(s);
  if (shape === undefined) {
    const links = (s.links ?? []).map((l) => l.to).join('\u0000');
    const networks = (s.networks ?? []).join('\u0000');
    const mounts = Object.values(s.containers)
      .flatMap((c) => (c.mounts ?? []).flatMap((m) => (m.type === 'volume' ? [m.source] : [])))
      .join('\u0000');
    shape = `${links}\u0001${networks}\u0001${mounts}`;
    shapes.set(s, shape);
  }
  return shape;
}

function sameKeys(a: object | undefined, b: object | undefined): boolean {
  if (a === b) return true;
  const ka = Object.keys(a ?? {});
  const kb = Object.keys(b ?? {});
  return ka.length === kb.length && ka.every((k, i) => k === kb[i]);
}

/**
 * Whether both documents have the same canvas elements (services, volumes, networks, links, mounts,
 * joins): elementExists answers every id alike for both. An image, replicas or port edit keeps them;
 * only the services whose object changed are looked into.
 */
export function sameElements(a: Blueprint, b: Blueprint): boolean {
  if (a === b) return true;
  if (!sameKeys(a.volumes, b.volumes) || !sameKeys(a.networks, b.networks)) return false;
  const before = a.services;
  const after = b.services;
  if (before === after) return true;
  // for…in, no look-up by name but the two objects': a by-name look-up (Object.keys, Object.hasOwn) in
  // an object of 1,000 services costs ~10x more. A document's objects are plain (no inherited keys).
  let count = 0;
  for (const name in after) {
    count++;
    const sb = after[name];
    const sa = before[name];
    if (sa === sb) continue;
    if (!sa || !sb || !Object.hasOwn(before, name) || shapeOf(sa) !== shapeOf(sb)) return false;
  }
  for (const _ in before) count--;
  return count === 0;
}

/** Whether a canvas element id names something in the document (elementExists over one document). */
export type ElementExists = (id: string) => boolean;

const existsIn =
  (bp: Blueprint): ElementExists =>
  (id) =>
    elementExists(bp, id);

/** The answer for the store's last document, shared by every component that asks (one comparison per document). */
const lastOf = new WeakMap<AppStore, { bp: Blueprint; exists: ElementExists }>();

/** elementExists over `bp` as a function that is the last one given for `store` while the elements are the same. */
export function elementExistsFor(store: AppStore, bp: Blueprint): ElementExists {
  const prev = lastOf.get(store);
  if (prev && prev.bp === bp) return prev.exists;
  const exists = prev && sameElements(prev.bp, bp) ? prev.exists : existsIn(bp);
  // The next document is compared with this one.
  lastOf.set(store, { bp, exists });
  return exists;
}

/**
 * elementExists over the current document, as a function that keeps its identity while the
 * document's elements stay the same (sameElements): lists that only need to know whether a
 * diagnostic's element exists (problems, fidelity notes) are not rendered again by an edit of an
 * image or a port, in the edit's keydown task.
 */
export function useElementExists(): ElementExists {
  const store = useAppStore();
  return useApp((s) => elementExistsFor(store, selectBlueprint(s)));
}
