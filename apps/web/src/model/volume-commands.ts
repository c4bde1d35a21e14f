import { type Blueprint, type Container, elementId, QUANTITY, type Service, type Volume } from '@blaupause/model';
import {
  fail,
  hasService,
  hasVolume,
  mainContainerName,
  ok,
  renameKey,
  renameLayout,
  updateContainer,
  updateService,
  withoutKey,
} from './doc';
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

/** Renames a volume where it is declared, mounted (every pod, every container) and placed. */
export function renameVolume(bp: Blueprint, from: string, to: string): CommandResult<Blueprint> {
  const volume = bp.volumes && hasVolume(bp, from) ? bp.volumes[from] : undefined;
  if (!bp.volumes || !volume) return fail(`There is no volume "${from}".`);
  if (from === to) return ok(bp);
  if (!isValidName(to)) return fail(`"${to}" is not a valid volume name (lower-case letters, digits and "-").`);
  if (hasVolume(bp, to)) return fail(`A volume "${to}" exists already.`);
  const services: Record<string, Service> = {};
  for (const [n, s] of Object.entries(bp.services)) services[n] = withMountsRenamed(s, from, to);
  const next: Blueprint = { ...bp, services, volumes: renameKey(bp.volumes, from, to, volume) };
  return ok(renameLayout(next, elementId.volume(from), elementId.volume(to)));
}

/** What the inspector edits on a volume; `size: ''` takes the size out (the engine's default). */
export type VolumeOptions = { access?: Volume['access']; size?: string };

export function setVolumeOptions(bp: Blueprint, name: string, options: VolumeOptions): CommandResult<Blueprint> {
  const volume = bp.volumes && hasVolume(bp, name) ? bp.volumes[name] : undefined;
  if (!bp.volumes || !volume) return fail(`There is no volume "${name}".`);
  let next: Volume = volume;
  if (options.access !== undefined) {
    if (!VOLUME_ACCESS.includes(options.access)) return fail(`Access is one of ${VOLUME_ACCESS.join(', ')}.`);
    next = { ...next, access: options.access };
  }
  if (options.size !== undefined) {
    const size = options.size.trim();
    if (size && !QUANTITY.test(size)) return fail('The size is a quantity such as 512Mi, 1Gi or 100M.');
    const { size: _dropped, ...rest } = next;
    next = size ? { ...next, size } : rest;
  }
  return ok({ ...bp, volumes: { ...bp.volumes, [name]: next } });
}

export const VOLUME_ACCESS: readonly Volume['access'][] = ['single-writer', 'shared'];

function withMountsRenamed(s: Service, from: string, to: string): Service {
  const renames = (m: NonNullable<Container['mounts']>[number]) => m.type === 'volume' && m.source === from;
  if (!Object.values(s.containers).some((c) => c.mounts?.some(renames))) return s;
  const containers: Record<string, Container> = {};
  for (const [n, c] of Object.entries(s.containers))
    containers[n] = c.mounts?.some(renames) ? { ...c, mounts: c.mounts.map((m) => (renames(m) ? { ...m, source: to } : m)) } : c;
  return { ...s, containers };
}
