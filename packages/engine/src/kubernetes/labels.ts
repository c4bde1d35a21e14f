import { createHash } from 'node:crypto';

/**
 * Ownership on a cluster (DESIGN §7): every object we apply carries our project label and the
 * ApplySet membership label of KEP-3659 (the one kubectl's `--applyset` uses), so pruning can find
 * exactly the objects of this project and nothing else. Objects without both are never deleted.
 */
export const PROJECT_LABEL = 'blaupause.dev/project';
export const APPLYSET_PART_OF = 'applyset.kubernetes.io/part-of';
export const APPLYSET_ID = 'applyset.kubernetes.io/id';
export const APPLYSET_TOOLING = 'applyset.kubernetes.io/tooling';
export const APPLYSET_GROUP_KINDS = 'applyset.kubernetes.io/contains-group-kinds';
/** Server-side apply's field manager: who owns the fields we set. */
export const FIELD_MANAGER = 'blaupause';
export const TOOLING = 'blaupause/v1';

/** The ApplySet's parent: a Secret per project in its namespace (kubectl's default parent kind). */
export function applySetParentName(project: string): string {
  return `applyset-${project}`;
}

/**
 * The ApplySet id, as KEP-3659 defines it: `applyset-<base64url(sha256(<name>.<namespace>.<kind>.<group>))>-v1`,
 * computed from the parent's identity (here a core-group Secret, so the group is empty).
 */
export function applySetId(parentName: string, namespace: string, kind = 'Secret', group = ''): string {
  const hash = createHash('sha256').update(`${parentName}.${namespace}.${kind}.${group}`).digest('base64url');
  return `applyset-${hash}-v1`;
}
