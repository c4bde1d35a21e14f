import type { Blueprint, Service } from '@blaupause/model';
import { useRef } from 'react';
import { elementExists } from './selection';
import { selectBlueprint } from './store';
import { useApp } from './useApp';

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
  if (a.services === b.services) return true;
  const names = Object.keys(b.services);
  if (names.length !== Object.keys(a.services).length) return false;
  for (const name of names) {
    const sa = Object.hasOwn(a.services, name) ? a.services[name] : undefined;
    const sb = b.services[name];
    if (!sa || !sb) return false;
    if (sa !== sb && shapeOf(sa) !== shapeOf(sb)) return false;
  }
  return true;
}

/** Whether a canvas element id names something in the document (elementExists over one document). */
export type ElementExists = (id: string) => boolean;

const existsIn =
  (bp: Blueprint): ElementExists =>
  (id) =>
    elementExists(bp, id);

/**
 * elementExists over the current document, as a function that keeps its identity while the
 * document's elements stay the same (sameElements): lists that only need to know whether a
 * diagnostic's element exists (problems, fidelity notes) are not rendered again by an edit of an
 * image or a port, in the edit's keydown task.
 */
export function useElementExists(): ElementExists {
  const last = useRef<{ bp: Blueprint; exists: ElementExists } | undefined>(undefined);
  return useApp((s) => {
    const bp = selectBlueprint(s);
    const prev = last.current;
    if (prev && prev.bp === bp) return prev.exists;
    if (prev && sameElements(prev.bp, bp)) {
      last.current = { bp, exists: prev.exists }; // the next document is compared with this one
      return prev.exists;
    }
    const exists = existsIn(bp);
    last.current = { bp, exists };
    return exists;
  });
}
