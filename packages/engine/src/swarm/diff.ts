import type { DeployPlan, EngineError, PlanAction, ResourceAction } from '../types';
import type { SwarmDesired } from './desired';
import type { ObservedService, ObservedStack } from './observe';
import type { DesiredSwarmService } from './spec';

/**
 * Desired stack against the swarm → what to do (pure). Per service: missing → create; spec hash
 * differs → `update`, a rolling update (Swarm replaces the tasks per update_config);
 * only the replica count differs → scale-up / scale-down; else unchanged. Our services, networks,
 * secrets and configs the blueprint no longer has → remove. A name held by something without our
 * labels is NOT_OWNED: nothing is created. Volumes are never removed by apply.
 */
export interface ServiceStep {
  action: PlanAction;
  desired?: DesiredSwarmService;
  observed?: ObservedService;
}

export interface SwarmDiff {
  plan: DeployPlan;
  services: ServiceStep[];
  /** Networks, secrets, configs and images to create or remove (keeps are in the plan only). */
  resources: { action: ResourceAction; id?: string }[];
}

export function swarmDiff(
  d: SwarmDesired,
  o: ObservedStack,
  localImages: ReadonlySet<string>,
  external: ReadonlySet<string>,
): { ok: true; value: SwarmDiff } | { ok: false; error: EngineError } {
  const services: ServiceStep[] = [];
  const resources: SwarmDiff['resources'] = [];
  const planned: ResourceAction[] = [];
  const wanted = new Set(d.services.map((s) => s.name));
  for (const image of d.images)
    if (!localImages.has(image)) {
      const action: ResourceAction = { kind: 'create', resource: 'image', name: image, reason: 'not on this node: pulled' };
      resources.push({ action });
      planned.push(action);
    }
  const objects = new Map(o.objects.map((x) => [`${x.kind}:${x.name}`, x]));
  const wantedObjects = new Set<string>();
  const desiredObjects = [
    ...d.networks.map((n) => ({ kind: 'network' as const, name: n.name, external: n.external, elementId: n.elementId })),
    ...d.data.map((x) => ({ kind: x.kind, name: x.name, external: x.external, elementId: x.elementId })),
  ];
  for (const x of desiredObjects) {
    wantedObjects.add(`${x.kind}:${x.name}`);
    const seen = objects.get(`${x.kind}:${x.name}`);
    if (x.external) {
      if (!external.has(`${x.kind}:${x.name}`))
        return fail(
          'NOT_FOUND',
          `The external ${x.kind} "${x.name}" does not exist on this swarm.`,
          x.elementId,
          `Create it first (docker ${x.kind} create).`,
        );
      continue;
    }
    if (seen && !seen.owned) return notOwned(x.kind, x.name, x.elementId);
    const action: ResourceAction = { kind: seen ? 'keep' : 'create', resource: x.kind, name: x.name, elementId: x.elementId };
    planned.push(action);
    if (!seen) resources.push({ action });
  }
  for (const s of d.services) {
    const seen = o.services.get(s.name);
    const base = { service: s.service, container: s.container, elementId: s.elementId };
    if (seen && !seen.owned) return notOwned('service', s.name, s.elementId);
    if (!seen) {
      services.push({ action: { kind: 'create', ...base, reason: [replicasText(s), ...s.notes].join('; ') }, desired: s });
      continue;
    }
    if (seen.hash !== s.hash) {
      const why = seen.image !== s.image ? `image ${seen.image} → ${s.image}` : 'service spec changed';
      services.push({
        action: { kind: 'update', ...base, reason: [`rolling update: ${why}`, ...s.notes].join('; ') },
        desired: s,
        observed: seen,
      });
    } else if (s.replicas !== undefined && seen.replicas !== s.replicas) {
      const kind = (seen.replicas ?? 0) < s.replicas ? 'scale-up' : 'scale-down';
      services.push({ action: { kind, ...base, reason: `replicas ${seen.replicas ?? 0} → ${s.replicas}` }, desired: s, observed: seen });
    } else services.push({ action: { kind: 'unchanged', ...base }, desired: s, observed: seen });
  }
  for (const seen of o.services.values())
    if (seen.owned && !wanted.has(seen.name)) {
      const element = seen.spec.Labels?.['dev.blaupause.element'] ?? `service:${seen.name}`;
      const service = seen.spec.Labels?.['dev.blaupause.service'] ?? seen.name;
      services.push({ action: { kind: 'remove', service, elementId: element, reason: 'no longer in the blueprint' }, observed: seen });
    }
  for (const x of o.objects)
    if (x.owned && !wantedObjects.has(`${x.kind}:${x.name}`)) {
      const action: ResourceAction = { kind: 'remove', resource: x.kind, name: x.name, reason: 'no longer used' };
      resources.push({ action, id: x.id });
      planned.push(action);
    }
  const actions = services.map((s) => s.action);
  const noop = actions.every((a) => a.kind === 'unchanged') && planned.every((r) => r.kind === 'keep');
  return { ok: true, value: { plan: { project: d.project, actions, resources: planned, noop }, services, resources } };
}

const replicasText = (s: DesiredSwarmService) =>
  s.replicas === undefined ? 'global: one task per node' : `${s.replicas} replica${s.replicas === 1 ? '' : 's'}`;

function notOwned(kind: string, name: string, elementId: string): { ok: false; error: EngineError } {
  return fail(
    'NOT_OWNED',
    `A ${kind} named "${name}" exists on the swarm and was not created by this deployment; nothing was changed.`,
    elementId,
    'Remove or rename it, or deploy under another project name.',
  );
}

function fail(code: EngineError['code'], message: string, elementId: string, hint: string): { ok: false; error: EngineError } {
  return { ok: false, error: { code, message, elementId, hint } };
}
