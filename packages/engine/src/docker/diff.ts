import type { DeployPlan, PlanAction, ResourceAction } from '../types';
import { changedParts, decodeParts } from './config-parts';
import type { Desired, DesiredContainer, DesiredResource } from './desired';
import { allContainers } from './desired';
import { LABEL } from './labels';
import type { Observed, ObservedContainer } from './observed';

/**
 * Desired state against observed state → what to do (pure; Compose's reconcile, unit-tested
 * without an engine). Per container slot (compose service + replica number):
 *   none observed → create (scale-up when other replicas exist); hash differs → recreate;
 *   same hash and running → unchanged; same hash but stopped → start (never recreate for that);
 *   extra replicas → scale-down; services no longer drawn → remove. Two containers in one slot
 *   (a recreate interrupted between create-new and remove-old) → the canonically named one is
 *   the slot's, the other is removed. Pod helpers follow their main: a new main means a new
 *   network namespace, so its helpers are recreated too. Volumes are never removed here.
 */
export interface ContainerStep {
  action: PlanAction;
  desired?: DesiredContainer;
  observed?: ObservedContainer;
}

export interface ResourceStep {
  action: ResourceAction;
  desired?: DesiredResource;
}

export interface Diff {
  /** Steps per desired service (inits, mains, helpers), for the executor's dependency order. */
  byService: Map<string, ContainerStep[]>;
  /** Containers to remove: services gone, surplus replicas, duplicates of a slot. Helpers first. */
  removals: ContainerStep[];
  networks: ResourceStep[];
  volumes: ResourceStep[];
  images: ResourceStep[];
  plan: DeployPlan;
}

const MUTATING = new Set(['create', 'recreate', 'remove', 'scale-up', 'scale-down', 'start']);
export const isMutating = (kind: string): boolean => MUTATING.has(kind);

export function diff(desired: Desired, observed: Observed, localImages: ReadonlySet<string>): Diff {
  const bySlot = new Map<string, ObservedContainer[]>();
  for (const o of observed.containers) bySlot.set(o.slot, [...(bySlot.get(o.slot) ?? []), o]);
  const observedServices = new Set(observed.containers.map((o) => o.composeService));
  const desiredSlots = new Set(allContainers(desired).map((d) => d.slot));
  const removals: ContainerStep[] = [];
  const byService = new Map<string, ContainerStep[]>();
  /** Main slots that get a new container (and so a new network namespace). */
  const renewed = new Set<string>();
  /** Main slots whose stopped container is started again (a new network namespace too). */
  const restarted = new Set<string>();
  const current = new Map<string, ObservedContainer>();

  for (const [slot, list] of bySlot) {
    const canonical = list.find((o) => desiredSlots.has(slot) && o.name === nameOfSlot(desired, slot));
    for (const o of list) {
      if (o === canonical) current.set(slot, o);
      else if (desiredSlots.has(slot))
        removals.push(step('remove', o, undefined, `a second container in slot ${slot} (left by an interrupted recreate)`));
    }
    if (!desiredSlots.has(slot))
      for (const o of list) {
        const scaleDown = desired.services.some((s) =>
          [...s.mains, ...s.helpers, ...s.inits].some((d) => d.composeService === o.composeService),
        );
        removals.push(
          step(scaleDown ? 'scale-down' : 'remove', o, undefined, scaleDown ? 'replica no longer wanted' : 'no longer in the blueprint'),
        );
      }
  }

  for (const s of desired.services) {
    const steps: ContainerStep[] = [];
    for (const d of [...s.inits, ...s.mains, ...s.helpers]) {
      const o = current.get(d.slot);
      let kind: PlanAction['kind'];
      let reason: string | undefined;
      if (!o) {
        kind = d.replica > 1 && observedServices.has(d.composeService) ? 'scale-up' : 'create';
      } else if (o.hash !== d.hash) {
        kind = 'recreate';
        const what = changedParts(decodeParts(o.labels[LABEL.configParts]), decodeParts(d.options.Labels?.[LABEL.configParts]) ?? {});
        reason = what ? `changed: ${what}` : 'configuration changed (the old container does not record which part)';
      } else if (d.joins && (renewed.has(d.joins) || o.networkMode !== `container:${current.get(d.joins)?.id}`)) {
        kind = 'recreate';
        reason = 'its main container is new (pod network namespace)';
      } else if (d.joins && restarted.has(d.joins) && o.state === 'running') {
        // A main that starts again gets a new network namespace; a running helper would stay in the old one.
        kind = 'recreate';
        reason = 'its main container starts again (pod network namespace)';
      } else if (o.state === 'running' || o.state === 'restarting' || o.state === 'paused') {
        kind = 'unchanged';
      } else if (d.role === 'init' && o.exitCode === 0) {
        kind = 'unchanged';
        reason = 'completed';
      } else {
        kind = 'start';
        reason = `${o.state}, configuration unchanged`;
      }
      if (d.role === 'main' && kind === 'start') restarted.add(d.slot);
      else if (d.role === 'main' && kind !== 'unchanged') renewed.add(d.slot);
      steps.push(step(kind, o, d, reason));
    }
    byService.set(s.name, steps);
  }
  removals.sort((a, b) => Number(isHelper(b)) - Number(isHelper(a)));

  const networks = resourceSteps('network', desired.networks, new Set(observed.networks.map((n) => n.name)));
  for (const n of observed.networks)
    if (!desired.networks.some((d) => d.name === n.name))
      networks.push({ action: { kind: 'remove', resource: 'network', name: n.name, reason: 'no longer in the blueprint' } });
  const volumes = resourceSteps('volume', desired.volumes, new Set(observed.volumes.map((v) => v.name)));
  const builtTags = new Set([...(desired.builds?.values() ?? [])].map((b) => b.tag));
  const images: ResourceStep[] = desired.images.map((image) => ({
    action: localImages.has(image)
      ? { kind: 'keep', resource: 'image', name: image, reason: 'present locally' }
      : { kind: 'create', resource: 'image', name: image, reason: builtTags.has(image) ? 'build' : 'pull' },
  }));

  const actions = [...[...byService.values()].flat(), ...removals].map((s) => s.action);
  const resources = [...images, ...networks, ...volumes].map((r) => r.action);
  const noop = actions.every((a) => !isMutating(a.kind)) && resources.every((r) => r.kind === 'keep');
  return { byService, removals, networks, volumes, images, plan: { project: desired.project, actions, resources, noop } };
}

function nameOfSlot(desired: Desired, slot: string): string | undefined {
  for (const d of allContainers(desired)) if (d.slot === slot) return d.name;
  return undefined;
}

const isHelper = (s: ContainerStep): boolean => {
  const role = s.observed?.labels[LABEL.role];
  return role !== undefined && role !== 'main' && role !== 'init';
};

function step(kind: PlanAction['kind'], o: ObservedContainer | undefined, d: DesiredContainer | undefined, reason?: string): ContainerStep {
  const service = d?.service ?? o?.labels[LABEL.blueprintService] ?? o?.composeService ?? '';
  const container = d?.container ?? o?.labels[LABEL.container];
  const action: PlanAction = {
    kind,
    service,
    ...(container ? { container } : {}),
    replica: d?.replica ?? o?.replica ?? 0,
    elementId: d?.elementId ?? o?.labels[LABEL.element] ?? `service:${service}`,
    ...(reason ? { reason } : {}),
  };
  return { action, ...(d ? { desired: d } : {}), ...(o ? { observed: o } : {}) };
}

function resourceSteps(resource: 'network' | 'volume', desired: DesiredResource[], present: ReadonlySet<string>): ResourceStep[] {
  return desired.map((d) => ({
    desired: d,
    action: {
      kind: d.external || present.has(d.name) ? 'keep' : 'create',
      resource,
      name: d.name,
      elementId: d.elementId,
      ...(d.external ? { reason: 'external' } : {}),
    },
  }));
}
