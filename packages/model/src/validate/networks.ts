import type { Service } from '../schema/service';
import type { Ctx } from './context';

/** Compose's implicit network: joining it needs no declaration. */
const IMPLICIT = 'default';

/** Services join declared networks; a service on internal networks only cannot be reached from the host. */
export function checkNetworks(ctx: Ctx): void {
  for (const [name, service] of ctx.services) serviceNetworks(ctx, name, service);
}

/** checkNetworks about one service (and the networks declared). */
export function serviceNetworks(ctx: Ctx, name: string, service: Service): void {
  const declared = ctx.bp.networks ?? {};
  const joined = service.networks ?? [];
  joined.forEach((n, i) => {
    if (n === IMPLICIT || Object.hasOwn(declared, n)) return;
    ctx.report(
      'DANGLING_NETWORK',
      'error',
      ['services', name, 'networks', i],
      `Service "${name}" joins the network "${n}", which is not declared under networks.`,
      `Declare networks.${n}, or remove it from the service.`,
    );
  });
  const internalOnly = joined.length > 0 && joined.every((n) => Object.hasOwn(declared, n) && declared[n]?.internal === true);
  if (!internalOnly) return;
  service.ports?.forEach((p, i) => {
    const field = p.publish !== undefined ? 'publish' : p.ingress ? 'ingress' : undefined;
    if (!field) return;
    ctx.report(
      'INTERNAL_PUBLISH',
      'warning',
      ['services', name, 'ports', i, field],
      `Service "${name}" ${field === 'publish' ? `publishes port ${p.port}` : `has an ingress on port ${p.port}`}, but joins internal networks only (${joined.join(', ')}), which have no route to the outside.`,
      'Also join a network that is not internal, or remove the publish/ingress.',
    );
  });
}
