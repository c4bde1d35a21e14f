import type { ServiceInput } from '@blaupause/model';
import type { ImportContext, K8sObject } from './context';
import type { Cursor } from './reader';

type RolloutInput = NonNullable<ServiceInput['rollout']>;

/** The API server's defaults for rollingUpdate: nothing to carry when they are left as they are. */
const DEFAULT_PERCENT: Record<string, string> = { maxSurge: '25%', maxUnavailable: '25%' };

/**
 * Deployment strategy / StatefulSet and DaemonSet updateStrategy → rollout. Percentages have no
 * blueprint form: they become the counts they mean for the current replicas (surge rounds up,
 * unavailable rounds down, as the Deployment controller does), with a note.
 */
export function readRollout(o: K8sObject, spec: Cursor, ctx: ImportContext, id: string, replicas: number): RolloutInput | undefined {
  const key = o.kind === 'Deployment' ? 'strategy' : o.kind === 'StatefulSet' || o.kind === 'DaemonSet' ? 'updateStrategy' : undefined;
  const st = key ? spec.map(key) : undefined;
  if (!st) return undefined;
  const type = st.peek('type');
  if (type === 'Recreate' && o.kind === 'Deployment') {
    st.take('type');
    return { strategy: 'recreate' };
  }
  if (type !== 'RollingUpdate' && type !== undefined) return undefined; // OnDelete: left unread, reported
  st.take('type');
  const ru = st.map('rollingUpdate');
  const out: RolloutInput = { strategy: 'rolling' };
  if (!ru) return undefined; // RollingUpdate with its defaults: what a blueprint without rollout means
  if (o.kind === 'StatefulSet') ru.defaults({ partition: [0] });
  for (const field of ['maxSurge', 'maxUnavailable'] as const) {
    if (!ru.has(field)) continue;
    const v = ru.peek(field);
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0) {
      ru.take(field);
      out[field] = v;
    } else if (typeof v === 'string' && /^\d+%$/.test(v)) {
      ru.take(field);
      if (v === DEFAULT_PERCENT[field]) continue;
      const exact = (Number.parseInt(v, 10) * replicas) / 100;
      out[field] = field === 'maxSurge' ? Math.ceil(exact) : Math.floor(exact);
      ctx.approximated(
        [...ru.path, field],
        `${field} ${v} became ${out[field]} (of ${replicas} replicas); the blueprint counts pods, so it no longer follows the replica count.`,
        id,
      );
    }
  }
  return out.maxSurge === undefined && out.maxUnavailable === undefined ? undefined : out;
}
