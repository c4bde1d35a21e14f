import type { Blueprint, ServicePort } from '@blaupause/model';
import { fail, ok, updateService, withoutKey } from './doc';
import type { CommandResult } from './types';

/**
 * How a port is reached from outside the blueprint. A key that is absent leaves that part as it
 * is; `null` takes it away (the port stays, internal to the blueprint's networks).
 */
export interface Exposure {
  /** Host port (Compose `published`, Kubernetes NodePort/LoadBalancer). */
  publish?: number | null;
  /** HTTP entry point (Kubernetes Ingress); no host means any host. */
  ingress?: { host?: string; path: string } | null;
}

const isPort = (n: number) => Number.isInteger(n) && n >= 1 && n <= 65_535;
// The schema's rules (service.ts), checked here so a refused edit never reaches the document.
const HOST = /^(\*\.)?[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/** Publishes a port on the host and/or puts it behind an ingress, or takes either away. */
export function setExposure(bp: Blueprint, service: string, port: number, exposure: Exposure): CommandResult<Blueprint> {
  const { publish, ingress } = exposure;
  if (typeof publish === 'number' && !isPort(publish)) return fail('A host port is a whole number from 1 to 65535.');
  if (ingress?.host !== undefined && ingress.host !== '' && !HOST.test(ingress.host))
    return fail(`"${ingress.host}" is not a host name (lower-case letters, digits, "-" and ".", optionally "*." first).`);
  if (ingress && !ingress.path.startsWith('/')) return fail('An ingress path starts with "/".');
  return updateService(bp, service, (s) => {
    const i = s.ports?.findIndex((p) => p.port === port) ?? -1;
    const current = i >= 0 ? s.ports?.[i] : undefined;
    if (!s.ports || !current) return fail(`"${service}" has no port ${port}.`);
    let next: ServicePort = current;
    if (publish === null) next = withoutKey(next, 'publish') as ServicePort;
    else if (publish !== undefined) next = { ...next, publish };
    if (ingress === null) next = withoutKey(next, 'ingress') as ServicePort;
    else if (ingress !== undefined) {
      // tls (not edited here) stays; an empty host means any host.
      const { host: _host, path: _path, ...kept } = next.ingress ?? {};
      next = { ...next, ingress: { ...(ingress.host ? { host: ingress.host } : {}), path: ingress.path, ...kept } };
    }
    if (publish !== undefined && publish !== null && s.ports.some((p, j) => j !== i && p.publish === publish))
      return fail(`"${service}" publishes host port ${publish} already.`);
    return ok({ ...s, ports: s.ports.map((p, j) => (j === i ? next : p)) });
  });
}
