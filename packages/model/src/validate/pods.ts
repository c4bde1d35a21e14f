import type { Path } from '../diagnostics/diagnostic';
import type { Container } from '../schema/container';
import type { Service } from '../schema/service';
import { type Ctx, containersOf, listing, perService, quote, serviceMemo } from './context';

/** Every pod has exactly one main container; init containers never serve, so their probes are dead code. */
const remembered = serviceMemo();

export function checkPods(all: Ctx): void {
  perService(remembered, all, podsOfService);
}

/** checkPods's report about one service (from that service and its name alone). */
export function podsOfService(ctx: Ctx, name: string, service: Service): void {
  const containers = containersOf(service);
  const mains = containers.filter(([, c]) => c.role === 'main').map(([c]) => c);
  if (mains.length === 0)
    ctx.report(
      'NO_MAIN_CONTAINER',
      'error',
      ['services', name, 'containers'],
      containers.length === 0
        ? `Service "${name}" has no containers.`
        : `Service "${name}" has no container with role main (it has ${listing(containers.map(([c]) => quote(c)))}).`,
      'Give exactly one container role: main (the default when role is omitted); it is the service itself.',
    );
  for (const extra of mains.slice(1))
    ctx.report(
      'MULTIPLE_MAIN_CONTAINERS',
      'error',
      ['services', name, 'containers', extra, 'role'],
      `Service "${name}" has several main containers (${listing(mains.map(quote))}); "${extra}" is one too many.`,
      'Keep one main container and give the others a helper role: sidecar, ambassador, adapter or init.',
    );
  for (const [c, container] of containers)
    if (container.role === 'init' && container.healthcheck)
      ctx.report(
        'INIT_WITH_HEALTHCHECK',
        'warning',
        ['services', name, 'containers', c, 'healthcheck'],
        `Init container "${c}" of service "${name}" has a healthcheck, which is never used: init containers run to completion before the others start.`,
        'Remove the healthcheck, or make the container a sidecar if it keeps running.',
      );
  checkHelperPorts(ctx, name, service);
}

interface PortClaim {
  container: string;
  path: Path;
}

const probePort = (c: Container): number | undefined => {
  const t = c.healthcheck?.test;
  if (!t) return undefined;
  if ('http' in t) return t.http.port;
  if ('tcp' in t) return t.tcp.port;
  return undefined;
};

/**
 * Containers of one pod share a network namespace. The model knows which ports a container serves
 * only from the service ports (the main container's) and from http/tcp healthchecks; a helper
 * probing a port another container serves checks that container, not itself.
 */
function checkHelperPorts(ctx: Ctx, service: string, s: Service): void {
  const claims = new Map<number, PortClaim>();
  const containers = containersOf(s).filter(([, c]) => c.role !== 'init');
  const main = containers.find(([, c]) => c.role === 'main');
  if (main) {
    // The main container's own probe and its service ports name the same listener: no conflict there.
    s.ports?.forEach((p, i) => {
      if (p.protocol === 'tcp' && !claims.has(p.port))
        claims.set(p.port, { container: main[0], path: ['services', service, 'ports', i, 'port'] });
    });
    const own = probePort(main[1]);
    if (own !== undefined && !claims.has(own)) claims.set(own, { container: main[0], path: healthPath(service, main[0]) });
  }
  for (const [c, container] of containers) {
    const port = probePort(container);
    if (container.role === 'main' || port === undefined) continue;
    const first = claims.get(port);
    if (!first) {
      claims.set(port, { container: c, path: healthPath(service, c) });
      continue;
    }
    ctx.report(
      'HELPER_PORT_CONFLICT',
      'warning',
      healthPath(service, c),
      `Container "${c}" of service "${service}" probes port ${port}, which container "${first.container}" of the same pod already uses (${first.path.join('.')}); the pod shares one network namespace, so only one of them can listen on it.`,
      `Let "${c}" listen on and probe a port of its own.`,
    );
  }
}

const healthPath = (service: string, container: string): Path => ['services', service, 'containers', container, 'healthcheck', 'test'];
