import { type Blueprint, type BlueprintInput, Blueprint as BlueprintSchema } from '@blaupause/model';
import type { Desired, DesiredContainer } from './desired';
import { allContainers, desiredState } from './desired';
import type { ObservedContainer } from './observed';

/** Builders for the pure unit tests (no engine involved). */
export function bp(input: Omit<BlueprintInput, 'apiVersion' | 'kind' | 'metadata'>): Blueprint {
  return BlueprintSchema.parse({ apiVersion: 'blaupause.dev/v1', kind: 'Blueprint', metadata: { name: 'app' }, ...input });
}

export function desired(blueprint: Blueprint, project = 'p', baseDir?: string): Desired {
  const r = desiredState({ project, blueprint, baseDir });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

export function byName(d: Desired, name: string): DesiredContainer {
  const c = allContainers(d).find((x) => x.name === name);
  if (!c) throw new Error(`no desired container ${name}`);
  return c;
}

let next = 0;
/** What observe() would report for a container created from `d` (running unless said otherwise). */
export function observedFrom(d: DesiredContainer, over: Partial<ObservedContainer> = {}): ObservedContainer {
  return {
    id: `id${++next}`.padEnd(64, '0'),
    name: d.name,
    slot: d.slot,
    composeService: d.composeService,
    replica: d.replica,
    hash: d.hash,
    state: 'running',
    networkMode: d.options.HostConfig?.NetworkMode ?? '',
    labels: { ...(d.options.Labels ?? {}) },
    ...over,
  };
}
