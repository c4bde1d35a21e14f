import { type Blueprint, type Container, elementId, type Service } from '@blaupause/model';
import { fail, hasService, hasVolume, mainContainerName, ok, renameLayout, updateContainer, updateService, withoutKey } from './doc';
import { placeNode } from './layout-commands';
import { isValidName } from './names';
import type { CommandResult, XY } from './types';

export function addVolume(bp: Blueprint, name: string, at?: XY): CommandResult<Blueprint> {
  if (!isValidName(name)) return fail(`"${name}" is not a valid volume name (lower-case letters, digits and "-").`);
  if (hasVolume(bp, name)) return fail(`A volume "${name}" exists already.`);
  const next: Blueprint = { ...bp, volumes: { ...bp.volumes, [name]: { access: 'single-writer' } } };
  return ok(at ? placeNode(next, elementId.volume(name), at) : next);
}

/** Removes a volume from the blueprint with every mount of it (the user asked for it by name). */
export function removeVolume(bp: Blueprint, name: string): CommandResult<Blueprint> {
  if (!bp.volumes || !hasVolume(bp, name)) return fail(`There is no volume "${name}".`);
  const services: Record<string, Service> = {};
  for (const [n, s] of Object.entries(bp.services)) services[n] = withoutMounts(s, name);
  const volumes = withoutKey(bp.volumes, name);
  const { volumes: _dropped, ...rest } = bp;
  const next: Blueprint = Object.keys(volumes).length > 0 ? { ...bp, services, volumes } : { ...rest, services };
  return ok(renameLayout(next, elementId.volume(name), undefined));
}

/** Mounts a volume into a container of the service's pod (the main container unless named). */
export function mountVolume(bp: Blueprint, service: string, volume: string, target: string, container?: string): CommandResult<Blueprint> {
  if (!hasVolume(bp, volume)) return fail(`There is no volume "${volume}".`);
  if (!target.startsWith('/')) return fail('The mount target must be an absolute path inside the container, e.g. /data.');
  if (!hasService(bp, service)) return fail(`There is no service "${service}".`);
  return updateService(bp, service, (s) => {
    const name = container ?? mainContainerName(s);
    if (!name) return fail(`The pod of "${service}" has no main container to mount into.`);
    const mounts = s.containers[name]?.mounts ?? [];
    if (mounts.some((m) => m.target === target)) return fail(`"${name}" mounts something at ${target} already.`);
    return updateContainer(s, name, (c) => ({ ...c, mounts: [...mounts, { type: 'volume', source: volume, target }] }));
  });
}

/** A single mount of a pod: the container and the path it mounts the volume at. */
export interface MountPlace {
  container: string;
  target: string;
}

/**
 * Removes every mount of the volume from the service's pod (the canvas edge, which stands for all
 * of them), or only the one of `at` (a row of the inspector's mount list).
 */
export function unmountVolume(bp: Blueprint, service: string, volume: string, at?: MountPlace): CommandResult<Blueprint> {
  return updateService(bp, service, (s) => {
    const next = withoutMounts(s, volume, at);
    return next === s
      ? fail(
          at ? `"${at.container}" of "${service}" does not mount "${volume}" at ${at.target}.` : `"${service}" does not mount "${volume}".`,
        )
      : ok(next);
  });
}

function withoutMounts(s: Service, volume: string, at?: MountPlace): Service {
  const drops = (n: string, m: NonNullable<Container['mounts']>[number]) =>
    m.type === 'volume' && m.source === volume && (!at || (n === at.container && m.target === at.target));
  const mounts = (n: string, c: Container) => c.mounts?.some((m) => drops(n, m));
  if (!Object.entries(s.containers).some(([n, c]) => mounts(n, c))) return s;
  const containers: Record<string, Container> = {};
  for (const [n, c] of Object.entries(s.containers)) {
    if (!mounts(n, c)) {
      containers[n] = c;
      continue;
    }
    const kept = c.mounts?.filter((m) => !drops(n, m)) ?? [];
    const { mounts: _dropped, ...rest } = c;
    containers[n] = kept.length > 0 ? { ...rest, mounts: kept } : rest;
  }
  return { ...s, containers };
}
