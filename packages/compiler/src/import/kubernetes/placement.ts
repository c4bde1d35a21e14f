import type { ImportContext } from './context';
import type { Cursor } from './reader';

export interface Constraint {
  label: string;
  op: '==' | '!=';
  value: string;
}

/** Well-known node labels have short blueprint names (as Swarm writes node.hostname). */
const WELL_KNOWN: Record<string, string> = { 'kubernetes.io/hostname': 'hostname', 'kubernetes.io/os': 'os', 'kubernetes.io/arch': 'arch' };
const blueprintLabel = (key: string) => WELL_KNOWN[key] ?? key;
/** The emitter's stand-in for the Swarm role: control-plane nodes are managers, the others workers. */
const CONTROL_PLANE = 'node-role.kubernetes.io/control-plane';

/**
 * nodeSelector and required node affinity → placement constraints. The blueprint's constraints
 * are a conjunction of equalities and inequalities: `In` with one value is `==`, `NotIn` is one
 * `!=` per value; the control-plane label's Exists / DoesNotExist is the role manager / worker.
 * Alternatives (several terms, In with several values) and other operators are not carried.
 */
export function readPlacement(spec: Cursor, ctx: ImportContext, id: string): Constraint[] {
  const out: Constraint[] = [];
  for (const [label, value] of Object.entries(spec.strMap('nodeSelector') ?? {}))
    out.push({ label: blueprintLabel(label), op: '==', value });
  const affinity = spec.map('affinity');
  const node = affinity?.map('nodeAffinity');
  const required = node?.map('requiredDuringSchedulingIgnoredDuringExecution');
  if (!required) return out;
  const terms = required.list('nodeSelectorTerms');
  if (terms.length !== 1) {
    for (const t of terms) for (const k of t.keys()) t.take(k);
    if (terms.length > 1)
      ctx.unsupported(
        [...required.path, 'nodeSelectorTerms'],
        'Several node selector terms (alternatives) cannot be carried; none was imported.',
        id,
      );
    return out;
  }
  for (const e of (terms[0] as Cursor).list('matchExpressions')) {
    const key = e.str('key');
    const operator = e.str('operator');
    const values = e.strList('values') ?? [];
    if (key === CONTROL_PLANE && (operator === 'Exists' || operator === 'DoesNotExist') && !values.length)
      out.push({ label: 'role', op: '==', value: operator === 'Exists' ? 'manager' : 'worker' });
    else if (key && operator === 'In' && values.length === 1)
      out.push({ label: blueprintLabel(key), op: '==', value: values[0] as string });
    else if (key && operator === 'NotIn' && values.length > 0)
      for (const value of values) out.push({ label: blueprintLabel(key), op: '!=', value });
    else
      ctx.unsupported(
        e.path,
        `The node affinity expression ${key ?? '?'} ${operator ?? '?'} [${values.join(', ')}] cannot be carried; only In with one value and NotIn are.`,
        id,
      );
  }
  return out;
}
