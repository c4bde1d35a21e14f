import { APPLYSET_PART_OF, PROJECT_LABEL } from './labels';
import { groupKind, type KObject, objectKey } from './objects';

export interface PruneDecision {
  object: KObject;
  /** Why it goes (or, for `kept`, why it stays although it is not in the blueprint). */
  reason: string;
}

/**
 * Which live objects an apply removes (ApplySet pruning, never kubectl's legacy label prune): those
 * that carry this ApplySet's membership label AND our project label, are of a group/kind the set
 * contains, and are no longer desired. An object someone else made — even with the same name and
 * kind — has no membership label and is never pruned; one that claims membership but lacks our
 * project label is kept and reported (someone copied our labels).
 */
export function decidePrune(
  live: readonly KObject[],
  desired: readonly KObject[],
  setId: string,
  project: string,
  containsGroupKinds: ReadonlySet<string>,
  defaultNamespace: string,
): { prune: PruneDecision[]; kept: PruneDecision[] } {
  const wanted = new Set(desired.map((o) => objectKey(o, defaultNamespace)));
  const prune: PruneDecision[] = [];
  const kept: PruneDecision[] = [];
  for (const o of live) {
    const labels = o.metadata.labels ?? {};
    if (labels[APPLYSET_PART_OF] !== setId) continue;
    if (wanted.has(objectKey(o, defaultNamespace))) continue;
    const gk = groupKind(o);
    if (!containsGroupKinds.has(gk)) {
      kept.push({ object: o, reason: `${gk} is not among the kinds this project applied` });
      continue;
    }
    if (labels[PROJECT_LABEL] !== project) {
      kept.push({ object: o, reason: `claims membership of the ApplySet but is not labelled ${PROJECT_LABEL}=${project}` });
      continue;
    }
    prune.push({ object: o, reason: 'removed from the blueprint' });
  }
  return { prune, kept };
}

/** The parent's contains-group-kinds annotation: every kind applied now or before (so later prunes still look there). */
export function containsGroupKinds(desired: readonly KObject[], previous: string | undefined): string[] {
  const kinds = new Set(desired.map(groupKind));
  for (const k of (previous ?? '').split(',')) if (k.trim()) kinds.add(k.trim());
  return [...kinds].sort();
}
