import type { Service, ServicePort } from '../schema/service';
import type { Ctx } from './context';

/** A port of a service that claims a host port (publish) or an ingress route. */
export interface PortClaim {
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
  const published = new Map<string, PortClaim[]>();
  const routes = new Map<string, PortClaim[]>();
  for (const [name, service] of ctx.services) {
    servicePorts(ctx, name, service);
    const claims = portClaims(name, service);
    for (const [key, claim] of claims.published) push(published, key, claim);
    for (const [route, claim] of claims.routes) push(routes, route, claim);
  }
  for (const [key, claims] of published) reportPublished(ctx, key, claims);
  for (const [route, claims] of routes) reportRoutes(ctx, route, claims);
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** checkPorts about one service alone: repeated ports and names, ingress on UDP. */
export function servicePorts(ctx: Ctx, name: string, service: Service): void {
  const ports = service.ports ?? [];
  checkDuplicates(ctx, name, ports);
  ports.forEach((p, index) => {
    if (p.ingress && p.protocol === 'udp')
      ctx.report(
        'INGRESS_NEEDS_HTTP',
        'error',
        ['services', name, 'ports', index, 'ingress'],
        `Port ${p.port}/udp of service "${name}" has an ingress; an ingress routes HTTP, which runs over TCP.`,
        'Remove the ingress, or use publish for UDP traffic.',
      );
  });
}

/** The host ports (`<publish>/<protocol>`) and ingress routes one service claims, in document order. */
export function portClaims(name: string, service: Service): { published: [string, PortClaim][]; routes: [string, PortClaim][] } {
  const published: [string, PortClaim][] = [];
  const routes: [string, PortClaim][] = [];
  service.ports?.forEach((p, index) => {
    if (p.publish !== undefined) published.push([`${p.publish}/${p.protocol}`, { service: name, index, hostIp: p.hostIp }]);
    if (p.ingress && p.protocol !== 'udp')
      routes.push([`${p.ingress.host ?? '*'}${normalisePath(p.ingress.path)}`, { service: name, index }]);
  });
  return { published, routes };
}

/** The clashes over one ingress route; `claims` in document order, the first keeps the route. */
export function reportRoutes(ctx: Ctx, route: string, claims: readonly PortClaim[]): void {
  const first = claims[0];
  if (!first) return;
  for (const c of claims.slice(1))
    ctx.report(
      'INGRESS_CONFLICT',
      'error',
      ['services', c.service, 'ports', c.index, 'ingress'],
      `The ingress route ${route} of service "${c.service}" is already claimed by services.${first.service}.ports.${first.index}.`,
      'Give one of them another host or path.',
    );
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

/** The clashes over one host port (`<publish>/<protocol>`); `claims` in document order. */
export function reportPublished(ctx: Ctx, key: string, claims: readonly PortClaim[]): void {
  claims.forEach((claim, i) => {
    const first = claims.slice(0, i).find((c) => overlaps(c.hostIp, claim.hostIp));
    if (!first) return;
    const where =
      first.service === claim.service ? `port ${first.index} of the same service` : `service "${first.service}" (ports.${first.index})`;
    ctx.report(
      'PORT_CONFLICT',
      'error',
      ['services', claim.service, 'ports', claim.index, 'publish'],
      `Service "${claim.service}" publishes host port ${key}${claim.hostIp ? ` on ${claim.hostIp}` : ''}, which ${where} already publishes.`,
      'Publish on another host port, or bind the two to different host addresses (hostIp).',
    );
  });
}
