import type { Service } from '../schema/service';
import { type Ctx, mainOf } from './context';

/** Links must point to another existing service, once, on a port it exposes, and `healthy` needs a healthcheck. */
export function checkLinks(ctx: Ctx): void {
  for (const [name, service] of ctx.services) serviceLinks(ctx, name, service);
}

/** checkLinks about one service's links: they read the service objects they name (or their absence). */
export function serviceLinks(ctx: Ctx, name: string, service: Service): void {
  const services = ctx.bp.services ?? {};
  const seen = new Map<string, number>();
  service.links?.forEach((link, i) => {
    const path = ['services', name, 'links', i];
    const target = Object.hasOwn(services, link.to) ? services[link.to] : undefined;
    if (!target) {
      ctx.report(
        'DANGLING_LINK',
        'error',
        [...path, 'to'],
        `Service "${name}" links to "${link.to}", which is not a service of this blueprint.`,
        'Link to an existing service, or add the service.',
      );
      return;
    }
    if (link.to === name) {
      ctx.report(
        'SELF_LINK',
        'error',
        [...path, 'to'],
        `Service "${name}" links to itself.`,
        'Remove the link: a service reaches itself without one.',
      );
      return;
    }
    const first = seen.get(link.to);
    if (first !== undefined)
      ctx.report(
        'DUPLICATE_LINK',
        'warning',
        path,
        `Service "${name}" links to "${link.to}" twice (links ${first} and ${i}).`,
        'Keep one link per target: Compose takes the start order from the first one and ignores this one’s condition; a link stands for one start-order dependency and one edge on the canvas.',
      );
    else seen.set(link.to, i);
    checkCondition(ctx, path, name, link.to, link.condition, target);
    checkPort(ctx, path, name, link, target);
  });
}

function checkCondition(ctx: Ctx, path: (string | number)[], from: string, to: string, condition: string, target: Service): void {
  const main = mainOf(target);
  // Without a main container there is nothing to probe; NO_MAIN_CONTAINER says so already.
  if (condition !== 'healthy' || !main || main[1].healthcheck) return;
  ctx.report(
    'NO_HEALTHCHECK',
    'error',
    [...path, 'condition'],
    `Service "${from}" waits for "${to}" to be healthy, but the main container "${main[0]}" of "${to}" has no healthcheck.`,
    `Add a healthcheck to container "${main[0]}" of "${to}", or use condition: started.`,
  );
}

function checkPort(
  ctx: Ctx,
  path: (string | number)[],
  from: string,
  link: { to: string; port?: number | undefined; env?: string | undefined },
  target: Service,
): void {
  const ports = target.ports ?? [];
  if (link.port !== undefined && !ports.some((p) => p.port === link.port)) {
    const exposed = ports.length ? `it exposes ${[...new Set(ports.map((p) => p.port))].join(', ')}` : 'it exposes no ports';
    ctx.report(
      'LINK_PORT_UNKNOWN',
      'error',
      [...path, 'port'],
      `Service "${from}" links to port ${link.port} of "${link.to}", which "${link.to}" does not expose (${exposed}).`,
      `Add port ${link.port} to the ports of "${link.to}", or link to a port it exposes.`,
    );
  }
  if (link.env !== undefined && link.port === undefined && ports.length === 0)
    ctx.report(
      'LINK_NO_PORT',
      'error',
      [...path, 'env'],
      `Service "${from}" asks for ${link.env} with the address of "${link.to}", but "${link.to}" exposes no port to put in it.`,
      `Add a port to "${link.to}", or give the link a port.`,
    );
}
