import type { PlannedService } from '../../plan/plan';
import type { KubeContext, Obj } from './context';

/** Swarm-style names of well-known node properties → the Kubernetes well-known node labels. */
const WELL_KNOWN: Record<string, string> = {
  hostname: 'kubernetes.io/hostname',
  os: 'kubernetes.io/os',
  arch: 'kubernetes.io/arch',
};
const CONTROL_PLANE = 'node-role.kubernetes.io/control-plane';
const NO_PLACEMENT: Obj = Object.freeze({});

/**
 * Placement constraints: "==" → nodeSelector, "!=" → a nodeAffinity NotIn term. Every
 * constraint must hold (as on Swarm), so a second "==" on one label goes to the affinity term
 * (In) rather than overwrite the selector. `role` (manager/worker) has no label of its own in
 * Kubernetes: the control-plane role label is the nearest, with a note.
 */
export function placement(k: KubeContext, ps: PlannedService): Obj {
  const constraints = ps.service.placement?.constraints;
  if (!constraints?.length) return NO_PLACEMENT;
  const nodeSelector: Record<string, string> = {};
  const expressions: Obj[] = [];
  constraints.forEach((c, i) => {
    if (c.label === 'role') {
      expressions.push(roleExpression(k, ps, i, c.op === '==' ? c.value : c.value === 'manager' ? 'worker' : 'manager'));
      return;
    }
    const key = WELL_KNOWN[c.label] ?? c.label;
    if (c.op === '!=') expressions.push({ key, operator: 'NotIn', values: [c.value] });
    else if (key in nodeSelector) expressions.push({ key, operator: 'In', values: [c.value] });
    else nodeSelector[key] = c.value;
  });
  const affinity = expressions.length
    ? { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: expressions }] } } }
    : undefined;
  return { ...(Object.keys(nodeSelector).length ? { nodeSelector } : {}), ...(affinity ? { affinity } : {}) };
}

function roleExpression(k: KubeContext, ps: PlannedService, i: number, role: string): Obj {
  k.note(
    'approximated',
    ['services', ps.name, 'placement', 'constraints', i],
    ps.elementId,
    `Kubernetes nodes have no manager/worker role: "${role}" becomes ${role === 'manager' ? 'having' : 'not having'} the ${CONTROL_PLANE} label.`,
    role === 'manager' ? 'Control-plane nodes are usually tainted: the pod also needs a toleration to run there.' : undefined,
  );
  return { key: CONTROL_PLANE, operator: role === 'manager' ? 'Exists' : 'DoesNotExist' };
}
