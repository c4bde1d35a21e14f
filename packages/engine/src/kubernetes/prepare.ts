import type { CompileOptions } from '@blaupause/compiler';
import { type Blueprint, hasErrors, validate } from '@blaupause/model';
import { interpolateBlueprint } from '../docker/interpolate';
import { kubernetesDangers } from '../policy';
import type { DeployPlan, EngineError, ResourceAction, Result } from '../types';
import type { ClusterApi } from './client';
import { conflictsOf, type FieldConflict } from './conflicts';
import { APPLYSET_GROUP_KINDS, APPLYSET_ID, APPLYSET_TOOLING, applySetId, applySetParentName, PROJECT_LABEL, TOOLING } from './labels';
import { desiredObjects, groupKind, type KObject, objectKey } from './objects';
import { type DryRunAnswer, decideActions, elementOf, replaceable } from './plan';
import { containsGroupKinds, decidePrune, type PruneDecision } from './prune';

const PROJECT = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** Everything an apply needs, decided before any write: the plan is the server's own dry-run answer. */
export interface Prepared {
  plan: DeployPlan;
  parent: KObject;
  desired: KObject[];
  prune: PruneDecision[];
  conflicts: { object: KObject; conflicts: FieldConflict[] }[];
  /** Dry-run failures other than conflicts (an invalid object, a missing CRD …). */
  refused: { object: KObject; message: string }[];
}

/** The ApplySet parent Secret of a project: its id label, tooling and the kinds it contains. */
export function parentObject(project: string, namespace: string, groupKinds: readonly string[]): KObject {
  const name = applySetParentName(project);
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name,
      namespace,
      labels: { [APPLYSET_ID]: applySetId(name, namespace), [PROJECT_LABEL]: project },
      annotations: { [APPLYSET_TOOLING]: TOOLING, [APPLYSET_GROUP_KINDS]: groupKinds.join(',') },
    },
    type: 'Opaque',
  };
}

/**
 * Validate, compile, read what the cluster has, dry-run every object, decide pruning. Reads only:
 * nothing in the cluster changes here.
 */
export async function prepare(api: ClusterApi, bp: Blueprint, project: string, options: CompileOptions): Promise<Result<Prepared>> {
  if (!PROJECT.test(project)) return fail({ code: 'INVALID_NAME', message: `"${project}" is not a valid project name.` });
  const diagnostics = validate(bp);
  if (hasErrors(diagnostics))
    return fail({
      code: 'INVALID_BLUEPRINT',
      message: 'The blueprint has errors; fix them before deploying.',
      diagnostics: diagnostics.filter((d) => d.severity === 'error'),
    });
  let resolved: Blueprint;
  try {
    resolved = interpolateBlueprint(bp);
  } catch (e) {
    return fail({ code: 'INVALID_BLUEPRINT', message: `Parameters: ${(e as Error).message}` });
  }
  const ns = options.namespace ?? api.namespace;
  const parentName = applySetParentName(project);
  const setId = applySetId(parentName, ns);
  const { objects, notes } = desiredObjects(resolved, project, setId, { ...options, namespace: ns });

  const previous = await api.read({ apiVersion: 'v1', kind: 'Secret', metadata: { name: parentName, namespace: ns } });
  if (previous.status !== 200 && previous.status !== 404) return fail(apiError(previous, `Reading the ApplySet of ${project}`));
  const prevKinds = previous.status === 200 ? (previous.body as KObject).metadata.annotations?.[APPLYSET_GROUP_KINDS] : undefined;
  const kinds = containsGroupKinds(objects, prevKinds);

  const live = new Map<string, KObject>();
  const dryRun = new Map<string, DryRunAnswer>();
  const conflicts: Prepared['conflicts'] = [];
  const refused: Prepared['refused'] = [];
  for (const o of objects) {
    const key = objectKey(o, ns);
    const [current, answer] = await Promise.all([api.read(o), api.apply(o, { dryRun: true })]);
    if (current.status === 200) live.set(key, current.body as KObject);
    else if (current.status !== 404) return fail(apiError(current, `Reading ${o.kind} ${o.metadata.name}`));
    if (answer.status >= 200 && answer.status < 300) dryRun.set(key, { ok: true, result: answer.body as KObject });
    else if (current.status === 200 && replaceable(o, answer.body))
      dryRun.set(key, { ok: false, conflict: false, replace: true, message: statusMessage(answer) });
    else {
      const found = conflictsOf(answer.body);
      if (found.length) conflicts.push({ object: o, conflicts: found });
      else refused.push({ object: o, message: statusMessage(answer) });
    }
  }

  // Pruning looks at every kind the set ever contained, by the membership label only.
  const members: KObject[] = [];
  for (const gk of kinds) {
    const kind = gk.split('.')[0] as string;
    const version = objects.find((o) => groupKind(o) === gk)?.apiVersion ?? KNOWN_VERSIONS[gk];
    if (!version) continue;
    const listed = await api.list(version, kind, ns, `applyset.kubernetes.io/part-of=${setId}`);
    if (listed.status === 404) continue;
    if (listed.status !== 200) return fail(apiError(listed, `Listing ${gk} of ${project}`));
    for (const item of (listed.body as { items?: KObject[] }).items ?? []) members.push({ ...item, apiVersion: version, kind });
  }
  const { prune } = decidePrune(members, objects, setId, project, new Set(kinds), ns);

  const actions = decideActions(objects, live, dryRun, ns);
  for (const p of prune)
    actions.push({ kind: 'remove', ...elementOf(p.object), reason: `${groupKind(p.object)} ${p.object.metadata.name}: ${p.reason}` });
  const resources: ResourceAction[] = [];
  const dangers = kubernetesDangers(objects);
  const plan: DeployPlan = {
    project,
    actions,
    resources,
    noop: actions.every((a) => a.kind === 'unchanged') && previous.status === 200,
    notes,
    ...(dangers.length ? { dangers } : {}),
  };
  return { ok: true, value: { plan, parent: parentObject(project, ns, kinds), desired: objects, prune, conflicts, refused } };
}

/** API versions for kinds a previous apply may have left although the blueprint no longer has them. */
const KNOWN_VERSIONS: Record<string, string> = {
  'Deployment.apps': 'apps/v1',
  'StatefulSet.apps': 'apps/v1',
  'DaemonSet.apps': 'apps/v1',
  Service: 'v1',
  ConfigMap: 'v1',
  Secret: 'v1',
  PersistentVolumeClaim: 'v1',
  'Job.batch': 'batch/v1',
  'CronJob.batch': 'batch/v1',
  'Ingress.networking.k8s.io': 'networking.k8s.io/v1',
  'NetworkPolicy.networking.k8s.io': 'networking.k8s.io/v1',
  'HorizontalPodAutoscaler.autoscaling': 'autoscaling/v2',
};

function fail(error: EngineError): { ok: false; error: EngineError } {
  return { ok: false, error };
}

export function statusMessage(a: { status: number; body: unknown }): string {
  const b = a.body as { message?: string } | string | undefined;
  return typeof b === 'string' ? `HTTP ${a.status}: ${b.slice(0, 200)}` : (b?.message ?? `HTTP ${a.status}`);
}

export function apiError(a: { status: number; body: unknown }, doing: string): EngineError {
  const message = `${doing}: ${statusMessage(a)}`;
  if (a.status === 401 || a.status === 403)
    return { code: 'ENGINE_ERROR', message, hint: 'The kubeconfig user lacks the rights for this (kubectl auth can-i …).' };
  return { code: 'ENGINE_ERROR', message };
}
