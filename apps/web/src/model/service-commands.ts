import { type Blueprint, type ContainerRole, elementId, type Service } from '@blaupause/model';
import { fail, hasService, ok, renameKey, renameLayout, updateContainer, updateService, withoutKey } from './doc';
import { placeNode } from './layout-commands';
import { isValidName } from './names';
import type { CommandResult, XY } from './types';

const REPLICAS_MAX = 10_000;

/** A new service with one main container; its node is placed at `at` when given. */
export function addService(bp: Blueprint, name: string, image?: string, at?: XY): CommandResult<Blueprint> {
  if (!isValidName(name)) return fail(`"${name}" is not a valid service name (lower-case letters, digits and "-").`);
  if (hasService(bp, name)) return fail(`A service "${name}" exists already.`);
  const service: Service = {
    mode: 'replicated',
    replicas: 1,
    containers: { app: { role: 'main', ...(image ? { image } : {}) } },
  };
  const next = { ...bp, services: { ...bp.services, [name]: service } };
  return ok(at ? placeNode(next, elementId.service(name), at) : next);
}

export function duplicateService(bp: Blueprint, name: string, as: string, at?: XY): CommandResult<Blueprint> {
  const service = hasService(bp, name) ? bp.services[name] : undefined;
  if (!service) return fail(`There is no service "${name}".`);
  if (!isValidName(as)) return fail(`"${as}" is not a valid service name (lower-case letters, digits and "-").`);
  if (hasService(bp, as)) return fail(`A service "${as}" exists already.`);
  // Published host ports would clash with the original's: the copy keeps its ports unpublished.
  const ports = service.ports?.map(({ publish: _p, hostIp: _h, ...p }) => p);
  const copy: Service = structuredClone({ ...service, ...(ports ? { ports } : {}) });
  const next = { ...bp, services: { ...bp.services, [as]: copy } };
  return ok(at ? placeNode(next, elementId.service(as), at) : next);
}

/** Removes a service, the links that point to it and its layout; volumes stay (never deleted implicitly). */
export function removeService(bp: Blueprint, name: string): CommandResult<Blueprint> {
  if (!hasService(bp, name)) return fail(`There is no service "${name}".`);
  const services: Record<string, Service> = {};
  for (const [n, s] of Object.entries(withoutKey(bp.services, name))) services[n] = retargetLinks(s, name, undefined);
  return ok(renameLayout({ ...bp, services }, elementId.service(name), undefined));
}

/** Renames a service and every reference to it: links of other services and its layout entry. */
export function renameService(bp: Blueprint, from: string, to: string): CommandResult<Blueprint> {
  const service = hasService(bp, from) ? bp.services[from] : undefined;
  if (!service) return fail(`There is no service "${from}".`);
  if (from === to) return ok(bp);
  if (!isValidName(to)) return fail(`"${to}" is not a valid service name (lower-case letters, digits and "-").`);
  if (hasService(bp, to)) return fail(`A service "${to}" exists already.`);
  const services: Record<string, Service> = {};
  for (const [n, s] of Object.entries(renameKey(bp.services, from, to, service))) services[n] = retargetLinks(s, from, to);
  return ok(renameLayout({ ...bp, services }, elementId.service(from), elementId.service(to)));
}

export function setReplicas(bp: Blueprint, name: string, replicas: number): CommandResult<Blueprint> {
  if (!Number.isInteger(replicas) || replicas < 0 || replicas > REPLICAS_MAX)
    return fail(`Replicas must be a whole number from 0 to ${REPLICAS_MAX}.`);
  return updateService(bp, name, (s) => ok({ ...s, replicas }));
}

/** Adds a container to a service's pod; a pod has exactly one main container. */
export function addContainer(bp: Blueprint, service: string, name: string, role: ContainerRole, image?: string): CommandResult<Blueprint> {
  if (!isValidName(name)) return fail(`"${name}" is not a valid container name.`);
  return updateService(bp, service, (s) => {
    if (Object.hasOwn(s.containers, name)) return fail(`The pod of "${service}" has a container "${name}" already.`);
    if (role === 'main' && Object.values(s.containers).some((c) => c.role === 'main'))
      return fail(`The pod of "${service}" has a main container already; add a helper (sidecar, ambassador, adapter, init).`);
    return ok({ ...s, containers: { ...s.containers, [name]: { role, ...(image ? { image } : {}) } } });
  });
}

/** Sets a container's image; an empty image removes it (validation then asks for one). */
export function setImage(bp: Blueprint, service: string, container: string, image: string): CommandResult<Blueprint> {
  const trimmed = image.trim();
  return updateService(bp, service, (s) =>
    updateContainer(s, container, (c) => {
      if (trimmed) return { ...c, image: trimmed };
      const { image: _dropped, ...rest } = c;
      return rest;
    }),
  );
}

/** Links of `s` with targets named `from` renamed to `to`, or removed when `to` is undefined. */
function retargetLinks(s: Service, from: string, to: string | undefined): Service {
  if (!s.links?.some((l) => l.to === from)) return s;
  const links = to === undefined ? s.links.filter((l) => l.to !== from) : s.links.map((l) => (l.to === from ? { ...l, to } : l));
  if (links.length > 0) return { ...s, links };
  const { links: _dropped, ...rest } = s;
  return rest;
}
