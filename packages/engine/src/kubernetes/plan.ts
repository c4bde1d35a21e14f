import type { PlanAction } from '../types';
import { groupKind, type KObject, objectKey } from './objects';

/** What the API server answered to the dry-run apply of one desired object. */
export type DryRunAnswer =
  | { ok: true; result: KObject }
  | { ok: false; conflict: true; status: unknown }
  | { ok: false; conflict: false; message: string }
  /** The server refused a change of a field that cannot change in place; the object is replaced (Jobs). */
  | { ok: false; conflict: false; replace: true; message: string };

/**
 * Kinds whose refused in-place change we replace: a Job's pod template is immutable, and a
 * changed run-to-completion service runs again (Compose recreates its container the same way).
 * Other immutable fields (a StatefulSet's claim templates, a Service's clusterIP) stay refused:
 * replacing those would delete a running workload or its address, which the user must decide.
 */
const REPLACEABLE = new Set(['Job.batch']);

/** An API server's "field is immutable" refusal (422 Invalid) of an object we may replace. */
export function replaceable(o: KObject, status: unknown): boolean {
  const s = status as { code?: number; reason?: string; message?: string; details?: { causes?: { message?: string }[] } } | undefined;
  if (s?.code !== 422 || s.reason !== 'Invalid' || !REPLACEABLE.has(groupKind(o))) return false;
  return [s.message, ...(s.details?.causes ?? []).map((c) => c.message)].some((m) => /field is immutable/.test(m ?? ''));
}

const VOLATILE_META = ['managedFields', 'resourceVersion', 'generation', 'uid', 'creationTimestamp', 'selfLink'];

/** An object as far as a change matters: no status, no server bookkeeping in metadata. */
export function comparable(o: KObject): unknown {
  const { status: _status, metadata, ...rest } = o as KObject & { status?: unknown };
  const meta = Object.fromEntries(Object.entries(metadata).filter(([k]) => !VOLATILE_META.includes(k)));
  return canonical({ ...rest, metadata: meta });
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
    );
  return v;
}

/** The blueprint element an object comes from: its service (app.kubernetes.io/name), else the object itself. */
export function elementOf(o: KObject): { service: string; elementId: string } {
  const service = o.metadata.labels?.['app.kubernetes.io/name'];
  if (service) return { service, elementId: `service:${service}` };
  return { service: o.metadata.name, elementId: `${o.kind.toLowerCase()}:${o.metadata.name}` };
}

/**
 * The plan of an apply, decided from the server's own answers: an object not in the cluster is
 * created; one whose dry-run result equals the live object is unchanged (the server defaulted and
 * merged exactly as it would for real); one the server refused to change in place and we may
 * replace (see `replaceable`) is deleted and created again; any other is updated in place by
 * server-side apply.
 */
export function decideActions(
  desired: readonly KObject[],
  live: ReadonlyMap<string, KObject>,
  dryRun: ReadonlyMap<string, DryRunAnswer>,
  namespace: string,
): PlanAction[] {
  return desired.map((o) => {
    const key = objectKey(o, namespace);
    const { service, elementId } = elementOf(o);
    const what = `${groupKind(o)} ${o.metadata.name}`;
    const current = live.get(key);
    const answer = dryRun.get(key);
    if (!current) return { kind: 'create', service, elementId, reason: what };
    if (answer?.ok && JSON.stringify(comparable(answer.result)) === JSON.stringify(comparable(current)))
      return { kind: 'unchanged', service, elementId, reason: what };
    if (answer && !answer.ok && 'replace' in answer)
      return { kind: 'recreate', service, elementId, reason: `${what}: ${answer.message} — deleted and created again (it runs again)` };
    return { kind: 'update', service, elementId, reason: `${what}: server-side apply changes it` };
  });
}
