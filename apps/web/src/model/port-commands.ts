import type { Blueprint, ServicePort } from '@blaupause/model';
import { fail, ok, updateService } from './doc';
import type { CommandResult } from './types';

const isPort = (n: number) => Number.isInteger(n) && n >= 1 && n <= 65_535;

/** Adds a TCP port of a service's pod, published on the host when `publish` is given. */
export function addPort(bp: Blueprint, service: string, port: number, publish?: number): CommandResult<Blueprint> {
  if (!isPort(port)) return fail('A port is a whole number from 1 to 65535.');
  if (publish !== undefined && !isPort(publish)) return fail('A host port is a whole number from 1 to 65535.');
  return updateService(bp, service, (s) => {
    if (s.ports?.some((p) => p.port === port && p.protocol === 'tcp')) return fail(`"${service}" has port ${port} already.`);
    const added: ServicePort = { port, protocol: 'tcp', ...(publish !== undefined ? { publish } : {}) };
    return ok({ ...s, ports: [...(s.ports ?? []), added] });
  });
}

/** Removes a port (every protocol) from a service; the `ports` key goes when none is left. */
export function removePort(bp: Blueprint, service: string, port: number): CommandResult<Blueprint> {
  return updateService(bp, service, (s) => {
    if (!s.ports?.some((p) => p.port === port)) return fail(`"${service}" has no port ${port}.`);
    const ports = s.ports.filter((p) => p.port !== port);
    if (ports.length > 0) return ok({ ...s, ports });
    const { ports: _dropped, ...rest } = s;
    return ok(rest);
  });
}
