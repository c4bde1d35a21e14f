import type { ServicePort } from '../schema/service';
import type { Ctx } from './context';

interface Claim {
  service: string;
  index: number;
  hostIp?: string | undefined;
}

const WILDCARD = new Set(['', '0.0.0.0', '::', '[::]']);
const isWildcard = (ip: string | undefined) => ip === undefined || WILDCARD.has(ip);
/** Two binds of one port clash when they name the same address, or when either binds every address. */
const overlaps = (a: string | undefined, b: string | undefined) => isWildcard(a) || isWildcard(b) || a === b;

/** Ports: unique per service, host ports unique per host address, ingress only for TCP and one owner per route. */
export function checkPorts(ctx: Ctx): void {
  const published = new Map<string, Claim[]>();
  const routes = new Map<string, Claim>();
  for (const [name, service] of ctx.services) {
    const ports = service.ports ?? [];
    checkDuplicates(ctx, name, ports);
    ports.forEach((p, index) => {
      const path = ['services', name, 'ports', index];
      if (p.publish !== undefined) checkPublish(ctx, published, { service: name, index, hostIp: p.hostIp }, p);
      if (!p.ingress) return;
      if (p.protocol === 'udp') {
        ctx.report(
          'INGRESS_NEEDS_HTTP',
          'error',
          [...path, 'ingress'],
          `Port ${p.port}/udp of service "${name}" has an ingress; an ingress routes HTTP, which runs over TCP.`,
          'Remove the ingress, or use publish for UDP traffic.',
        );
        return;
      }
      const route = `${p.ingress.host ?? '*'}${normalisePath(p.ingress.path)}`;
      const first = routes.get(route);
      if (!first) routes.set(route, { service: name, index });
      else
        ctx.report(
          'INGRESS_CONFLICT',
          'error',
          [...path, 'ingress'],
          `The ingress route ${route} of service "${name}" is already claimed by services.${first.service}.ports.${first.index}.`,
          'Give one of them another host or path.',
        );
    });
  }
}

const normalisePath = (p: string) => (p.length > 1 && p.endsWith('/') ? p.replace(/\/+$/, '') : p);

function checkDuplicates(ctx: Ctx, service: string, ports: readonly ServicePort[]): void {
  const numbers = new Map<string, number>();
  const names = new Map<string, number>();
  ports.forEach((p, i) => {
    const key = `${p.port}/${p.protocol}`;
    const first = numbers.get(key);
    if (first === undefined) numbers.set(key, i);
    else
      ctx.report(
        'DUPLICATE_PORT',
        'error',
        ['services', service, 'ports', i, 'port'],
        `Service "${service}" lists port ${key} twice (ports ${first} and ${i}).`,
        'Keep one entry per port and protocol.',
      );
    if (p.name === undefined) return;
    const named = names.get(p.name);
    if (named === undefined) names.set(p.name, i);
    else
      ctx.report(
        'DUPLICATE_PORT',
        'error',
        ['services', service, 'ports', i, 'name'],
        `Service "${service}" has two ports named "${p.name}" (ports ${named} and ${i}).`,
        'Give every port its own name.',
      );
  });
}

function checkPublish(ctx: Ctx, published: Map<string, Claim[]>, claim: Claim, p: ServicePort): void {
  const key = `${p.publish}/${p.protocol}`;
  const claims = published.get(key) ?? [];
  const first = claims.find((c) => overlaps(c.hostIp, claim.hostIp));
  if (first) {
    const where =
      first.service === claim.service ? `port ${first.index} of the same service` : `service "${first.service}" (ports.${first.index})`;
    ctx.report(
      'PORT_CONFLICT',
      'error',
      ['services', claim.service, 'ports', claim.index, 'publish'],
      `Service "${claim.service}" publishes host port ${key}${claim.hostIp ? ` on ${claim.hostIp}` : ''}, which ${where} already publishes.`,
      'Publish on another host port, or bind the two to different host addresses (hostIp).',
    );
  }
  claims.push(claim);
  published.set(key, claims);
}
