import type { EngineError } from '../types';

/** One field another manager owns that our apply would change (server-side apply's 409). */
export interface FieldConflict {
  field: string;
  manager: string;
  message: string;
}

interface StatusLike {
  kind?: string;
  code?: number;
  reason?: string;
  message?: string;
  details?: { name?: string; kind?: string; causes?: { reason?: string; message?: string; field?: string }[] };
}

const MANAGER = /conflict with "([^"]+)"/;

/**
 * The conflicts in an API server's answer to an apply. We never force: a field owned by another
 * manager (kubectl, a controller, a person's edit) is shown to the user with its owner, and the
 * object is left as it is.
 */
export function conflictsOf(status: unknown): FieldConflict[] {
  const s = status as StatusLike | undefined;
  if (s?.code !== 409 || s.reason !== 'Conflict') return [];
  const causes = s.details?.causes ?? [];
  return causes
    .filter((c) => c.reason === 'FieldManagerConflict')
    .map((c) => ({
      field: c.field ?? '?',
      manager: MANAGER.exec(c.message ?? '')?.[1] ?? 'another field manager',
      message: c.message ?? '',
    }));
}

export function conflictError(kind: string, name: string, elementId: string | undefined, conflicts: FieldConflict[]): EngineError {
  const list = conflicts.map((c) => `${c.field} (owned by ${c.manager})`).join(', ');
  return {
    code: 'FIELD_CONFLICT',
    message: `${kind} ${name}: ${conflicts.length === 1 ? 'a field is' : `${conflicts.length} fields are`} managed by someone else: ${list}.`,
    hint: 'Blaupause never forces ownership. Change the field back with its owner (e.g. kubectl apply --server-side), or remove it from their manifest, then deploy again.',
    ...(elementId ? { elementId } : {}),
  };
}
