import { readFileSync } from 'node:fs';
import { plan } from '@blaupause/compiler';
import type { Blueprint } from '@blaupause/model';
import { elementId as ids } from '@blaupause/model';
import { InterpolationError, interpolateBlueprint } from '../docker/interpolate';
import type { Result } from '../types';
import { stackName } from './labels';
import { type DesiredData, type DesiredNetwork, desiredData, desiredNetworks, joined, type ResourceContext } from './resources';
import { type DesiredSwarmService, type SwarmDefaults, serviceSpecs, usedData } from './spec';

/** What a blueprint asks a swarm to run: every name, label, spec and hash decided (no engine call). */
export interface SwarmDesired {
  project: string;
  /** In the compiler's start order (Swarm ignores order; creates go this way all the same). */
  services: DesiredSwarmService[];
  networks: DesiredNetwork[];
  data: DesiredData[];
  /** Named volumes the nodes create on first use (with our labels): none of these names may be taken by a foreign volume. */
  volumes: { name: string; elementId: string }[];
  images: string[];
}

export interface SwarmDesiredInput {
  project: string;
  blueprint: Blueprint;
  baseDir?: string | undefined;
  defaults: SwarmDefaults;
  readFile?: (path: string) => Buffer;
  env?: Record<string, string | undefined>;
}

export function swarmDesired(input: SwarmDesiredInput): Result<SwarmDesired> {
  let blueprint: Blueprint;
  try {
    blueprint = interpolateBlueprint(input.blueprint);
  } catch (e) {
    if (!(e instanceof InterpolationError)) throw e;
    return { ok: false, error: { code: 'INVALID_BLUEPRINT', message: `Parameters: ${e.message}` } };
  }
  const p = plan(blueprint);
  const rctx: ResourceContext = {
    project: input.project,
    blueprint,
    baseDir: input.baseDir,
    readFile: input.readFile ?? ((path) => readFileSync(path)),
    env: input.env ?? process.env,
  };
  const secrets = desiredData(rctx, usedData(p, 'secret'), 'secret');
  if (!secrets.ok) return secrets;
  const configs = desiredData(rctx, usedData(p, 'config'), 'config');
  if (!configs.ok) return configs;
  const names = (list: DesiredData[]) => new Map(list.map((d) => [d.key, d.name]));
  const services = serviceSpecs({
    project: input.project,
    plan: p,
    baseDir: input.baseDir,
    defaults: input.defaults,
    dataNames: { secret: names(secrets.value), config: names(configs.value) },
  });
  if (!services.ok) return services;
  const used = new Set(p.services.filter((s) => !s.service.hostNetwork).flatMap((s) => joined(blueprint, s.networks)));
  return {
    ok: true,
    value: {
      project: input.project,
      services: services.value,
      networks: desiredNetworks(rctx, used),
      data: [...secrets.value, ...configs.value],
      volumes: Object.entries(blueprint.volumes ?? {})
        .filter(([, v]) => !v.external)
        .map(([key]) => ({ name: stackName(input.project, key), elementId: ids.volume(key) })),
      images: [...new Set(services.value.map((s) => s.image))],
    },
  };
}
