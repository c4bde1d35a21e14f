import type { Blueprint, Container, Service } from '@blaupause/model';
import type { CommandResult } from './types';

/** Small immutable helpers the commands share. Objects keep their key order (it is the YAML order). */

export const ok = <T>(value: T): CommandResult<T> => ({ ok: true, value });
export const fail = <T>(error: string): CommandResult<T> => ({ ok: false, error });

/** A copy of `record` with `from` renamed to `to` at the same position, holding `value`. */
export function renameKey<V>(record: Readonly<Record<string, V>>, from: string, to: string, value: V): Record<string, V> {
  const out: Record<string, V> = {};
  for (const [k, v] of Object.entries(record)) out[k === from ? to : k] = k === from ? value : v;
  return out;
}

export function withoutKey<V>(record: Readonly<Record<string, V>>, key: string): Record<string, V> {
  const out: Record<string, V> = {};
  for (const [k, v] of Object.entries(record)) if (k !== key) out[k] = v;
  return out;
}

export function hasService(bp: Blueprint, name: string): boolean {
  return Object.hasOwn(bp.services, name);
}

export function hasVolume(bp: Blueprint, name: string): boolean {
  return !!bp.volumes && Object.hasOwn(bp.volumes, name);
}

/** Replaces one service through `fn`; fails when the service does not exist. */
export function updateService(bp: Blueprint, name: string, fn: (s: Service) => CommandResult<Service>): CommandResult<Blueprint> {
  const service = hasService(bp, name) ? bp.services[name] : undefined;
  if (!service) return fail(`There is no service "${name}".`);
  const r = fn(service);
  if (!r.ok) return r;
  return ok({ ...bp, services: { ...bp.services, [name]: r.value } });
}

/** The name of the pod's main container (the first with role main), if any. */
export function mainContainerName(service: Service): string | undefined {
  return Object.entries(service.containers).find(([, c]) => c.role === 'main')?.[0];
}

export function updateContainer(service: Service, name: string, fn: (c: Container) => Container): CommandResult<Service> {
  const container = Object.hasOwn(service.containers, name) ? service.containers[name] : undefined;
  if (!container) return fail(`The pod has no container "${name}".`);
  return ok({ ...service, containers: { ...service.containers, [name]: fn(container) } });
}

/** Layout with one entry renamed or removed (`to` undefined); unchanged when there is no layout entry. */
export function renameLayout(bp: Blueprint, fromId: string, toId: string | undefined): Blueprint {
  const nodes = bp.layout?.nodes;
  const entry = nodes && Object.hasOwn(nodes, fromId) ? nodes[fromId] : undefined;
  if (!nodes || !entry) return bp;
  const next = toId === undefined ? withoutKey(nodes, fromId) : renameKey(nodes, fromId, toId, entry);
  return { ...bp, layout: { ...bp.layout, nodes: next } };
}
