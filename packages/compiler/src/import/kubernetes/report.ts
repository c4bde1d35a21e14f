import type { Path } from '@blaupause/model';
import { describe, type ImportContext, type K8sObject } from './context';
import { WORKLOAD_KINDS } from './workload';

const HANDLED = new Set([
  ...WORKLOAD_KINDS,
  'PersistentVolumeClaim',
  'ConfigMap',
  'Secret',
  'Service',
  'Ingress',
  'HorizontalPodAutoscaler',
]);

/** Kinds with a known reason; the hint says what to do instead. */
const KIND_HINTS: Record<string, { severity: 'warning' | 'info'; hint: string }> = {
  NetworkPolicy: {
    severity: 'warning',
    hint: 'Draw network segments in the blueprint instead; the Kubernetes emitter derives NetworkPolicies from them.',
  },
  Namespace: { severity: 'info', hint: 'A blueprint names no namespace; choose it when compiling or deploying.' },
};

/**
 * Reports what was not carried: objects of kinds the importer does not handle (and NetworkPolicies
 * other than the emitter's own), every key of an imported object that no phase read (by exact
 * path), values of the wrong type, and one summary of the cluster-written fields that were stripped.
 */
export function reportLeftovers(all: readonly K8sObject[], ctx: ImportContext): void {
  const imported = all.filter((o) => o.elementId !== undefined);
  for (const o of all) {
    if (HANDLED.has(o.kind) || (o.kind === 'NetworkPolicy' && o.elementId !== undefined)) continue;
    const known = KIND_HINTS[o.kind];
    ctx.add(
      'UNSUPPORTED_KIND',
      known?.severity ?? 'warning',
      o.path,
      `${describe(o)}: the importer does not carry ${o.kind} objects; it was not imported.`,
      {
        hint: known?.hint ?? 'Only workloads, Services, Ingresses, autoscalers, claims, ConfigMaps and Secrets become blueprint elements.',
      },
    );
  }
  for (const o of imported)
    for (const path of o.root.unread())
      ctx.unsupported(path, `${describe(o)}: ${relative(o, path)} is not carried by the blueprint; it was not imported.`, o.elementId);
  const owners = new Map(all.map((o) => [o.path.join('/'), o]));
  for (const p of ctx.problems) {
    const o = owners.get(p.path.slice(0, p.path[2] === 'items' ? 4 : 2).join('/'));
    ctx.add(
      'SCHEMA_TYPE',
      'warning',
      p.path,
      `${o ? `${describe(o)}: ` : ''}${o ? relative(o, p.path) : p.path.join('.')} must be ${p.expected}; it was not imported.`,
      {
        ...(o?.elementId ? { elementId: o.elementId } : {}),
      },
    );
  }
  if (ctx.stripped.size)
    ctx.add(
      'IMPORT_STRIPPED',
      'info',
      [],
      `Fields the cluster fills in were dropped from ${ctx.strippedObjects} object${ctx.strippedObjects === 1 ? '' : 's'}: ${[...ctx.stripped].sort().join(', ')}.`,
      { hint: 'They describe a running object (as `kubectl get -o yaml` prints it), not what to create.' },
    );
}

function relative(o: K8sObject, path: Path): string {
  return path.slice(o.path.length).join('.');
}
