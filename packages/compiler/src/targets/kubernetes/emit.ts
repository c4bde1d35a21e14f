import { elementId } from '@blaupause/model';
import type { PlannedService } from '../../plan/plan';
import { type Rendered, renderDocuments } from '../../yaml';
import type { EmitContext, Emitter } from '../emitter';
import { configMaps, secretNotes } from './configs';
import { forEachContainer, type KubeContext, kubeContext, labelSet, type Obj } from './context';
import { networkPolicies } from './network-policy';
import { ingress, services } from './service';
import { persistentVolumeClaims } from './volumes';
import { anyVolume, autoscaler, workloadKind, workloadName, workloads } from './workload';

/**
 * The Kubernetes (2-level) target: one multi-document kubernetes.yaml. Order follows Helm's
 * install order, so that what pods depend on or are governed by exists before they start:
 * NetworkPolicies, ConfigMaps, PersistentVolumeClaims; then per service in start order its
 * workload(s), Services, HorizontalPodAutoscaler and Ingress. No Secret objects: values never
 * enter the output (see configs.ts). Decisions per mapping: README.md beside this file.
 * Objects of one service share their label maps: treat the output as read-only.
 */
export const kubernetesEmitter: Emitter = {
  target: 'kubernetes',
  fileName: 'kubernetes.yaml',
  emit: documents,
};

/** Lazily, service by service: see Emitter.emit. */
function* documents(ctx: EmitContext): Generator<Obj | Rendered> {
  const k = kubeContext(ctx);
  const shared: Obj[] = [...networkPolicies(k), ...configMaps(k), ...persistentVolumeClaims(k)];
  secretNotes(k);
  ephemeralNotes(k);
  yield* shared;
  const memo = ctx.memo;
  if (!memo) {
    for (const ps of ctx.plan.services) yield* serviceObjects(k, ps);
    return;
  }
  // Incremental: each service's documents rendered once and reused while its inputs stay the same.
  memo.track([k.names.Service, k.names.Deployment]);
  for (const ps of ctx.plan.services)
    yield memo.service(ps, [k.segmented, k.linkTargets.has(ps.name)], () => renderDocuments(serviceObjects(k, ps)));
}

function serviceObjects(k: KubeContext, ps: PlannedService): Obj[] {
  const main = ps.main;
  if (!main) return []; // a pod without main container: validation reports NO_MAIN_CONTAINER
  if (ps.service.profiles?.length)
    k.note(
      'approximated',
      ['services', ps.name, 'profiles'],
      ps.elementId,
      'Kubernetes has no profiles: the service is always part of the output.',
    );
  const labels = labelSet(k, ps);
  const kind = workloadKind(k, ps);
  const name = workloadName(k, ps, kind);
  const hpa = autoscaler(k, ps, { kind, name }, labels);
  const svc = services(k, ps, kind, labels);
  const opts = { kind, name, autoscaled: hpa !== undefined, labels, serviceName: svc.governing };
  const ing = ingress(k, ps, labels);
  const out = workloads(k, ps, main, opts);
  for (const o of svc.objects) out.push(o);
  if (hpa) out.push(hpa);
  if (ing) out.push(ing);
  return out;
}

/** An ephemeral volume is one emptyDir per pod: services mounting the same one no longer share it. */
function ephemeralNotes(k: KubeContext): void {
  if (!anyVolume(k, (v) => v.ephemeral === true)) return;
  const users = new Map<string, Set<string>>();
  for (const ps of k.ctx.plan.services)
    forEachContainer(ps, (pc) => {
      for (const m of pc.container.mounts ?? [])
        if (m.type === 'volume' && k.blueprint.volumes?.[m.source]?.ephemeral)
          users.set(m.source, (users.get(m.source) ?? new Set()).add(ps.name));
    });
  for (const [name, services] of users)
    if (services.size > 1)
      k.note(
        'approximated',
        ['volumes', name, 'ephemeral'],
        elementId.volume(name),
        `Ephemeral volume ${name} is an emptyDir per pod: ${[...services].join(', ')} each get their own copy and do not share it.`,
      );
}
