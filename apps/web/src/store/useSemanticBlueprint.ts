import type { Blueprint } from '@blaupause/model';
import { useRef } from 'react';
import { sameParts, semanticParts } from '../model/semantics';
import { selectBlueprint } from './store';
import { useApp } from './useApp';

/**
 * The document for views that do not show positions (problems, fidelity notes): the same object
 * while only its layout changes, so a drag (a new document every frame) does not re-render them.
 * Its `layout` may be stale: read positions from selectBlueprint.
 */
export function useSemanticBlueprint(): Blueprint {
  const last = useRef<Blueprint | undefined>(undefined);
  return useApp((s) => {
    const bp = selectBlueprint(s);
    const prev = last.current;
    if (prev && prev !== bp && sameParts(semanticParts(prev), semanticParts(bp))) return prev;
    last.current = bp;
    return bp;
  });
}
