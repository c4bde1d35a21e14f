import { elementId } from '@blaupause/model';
import { describe, type ImportContext, type K8sObject, type ServiceDraft } from './context';
import type { Cursor } from './reader';

/** The CPU target the HPA controller uses when an autoscaler names no metric. */
const DEFAULT_TARGET_CPU = 80;

/**
 * HorizontalPodAutoscaler (autoscaling/v1 or v2) → the scaling policy of the workload it
 * scales: min, max and a CPU utilisation target. Other metrics and behavior are reported.
 */
export function importAutoscaler(o: K8sObject, ctx: ImportContext, workloads: ReadonlyMap<string, ServiceDraft>): void {
  const spec = o.root.map('spec');
  const ref = spec?.map('scaleTargetRef');
  const kind = ref?.str('kind');
  const name = ref?.str('name');
  ref?.take('apiVersion');
  const target = workloads.get(`${kind}/${name}`);
  if (!spec || !target) {
    if (spec) for (const k of spec.keys()) spec.take(k);
    ctx.add(
      'IMPORT_UNMATCHED',
      'warning',
      o.path,
      `${describe(o)} scales ${kind ?? '?'} ${name ?? '?'}, which is not an imported workload; it was not imported.`,
      {
        hint: 'Import the autoscaler together with the workload it scales.',
      },
    );
    return;
  }
  const id = elementId.service(target.name);
  o.elementId = id;
  const min = spec.int('minReplicas') ?? 1;
  const max = spec.int('maxReplicas');
  const v1 = spec.int('targetCPUUtilizationPercentage');
  const targetCPU = (v1 !== undefined && v1 >= 1 && v1 <= 100 ? v1 : undefined) ?? readMetrics(spec, ctx, id) ?? DEFAULT_TARGET_CPU;
  if (max === undefined) return;
  target.service.scaling = { min, max, targetCPU };
  // An autoscaled workload leaves replicas to the autoscaler (the emitter omits them): start at min.
  if (target.service.replicas === undefined && target.service.mode !== 'global') target.service.replicas = min;
}

function readMetrics(spec: Cursor, ctx: ImportContext, id: string): number | undefined {
  let cpu: number | undefined;
  for (const m of spec.list('metrics')) {
    const value = cpuUtilisation(m);
    if (value !== undefined && cpu === undefined) {
      cpu = value;
      continue;
    }
    for (const k of m.keys()) m.take(k);
    ctx.unsupported(m.path, 'Only one CPU utilisation target is carried; this metric was not imported.', id);
  }
  return cpu;
}

/** `{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: N}}}` → N. */
function cpuUtilisation(m: Cursor): number | undefined {
  const r = m.peek('resource') as { name?: unknown; target?: { type?: unknown; averageUtilization?: unknown } } | undefined;
  const n = r?.target?.averageUtilization;
  if (m.peek('type') !== 'Resource' || r?.name !== 'cpu' || r.target?.type !== 'Utilization' || !Number.isInteger(n)) return undefined;
  if ((n as number) < 1 || (n as number) > 100) return undefined;
  for (const k of m.keys()) m.take(k);
  return n as number;
}
