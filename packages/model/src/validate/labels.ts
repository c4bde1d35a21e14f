import type { Path } from '../diagnostics/diagnostic';
import { isReservedLabel } from '../reserved-labels';
import type { Service } from '../schema/service';
import type { Ctx } from './context';

/**
 * RESERVED_LABEL: labels whose keys the engine and Blaupause set on what they deploy (ownership,
 * project, element). Set by a user they would forge ownership: a destroy could then remove a
 * foreign container, or a foreign tool adopt ours. An error, named by its path.
 */
export function checkReservedLabels(ctx: Ctx): void {
  for (const [name, service] of ctx.services) serviceLabels(ctx, name, service);
  documentLabels(ctx);
}

/** checkReservedLabels about one service. */
export function serviceLabels(ctx: Ctx, name: string, service: Service): void {
  scan(ctx, service.labels, ['services', name, 'labels']);
}

/** checkReservedLabels about the blueprint's metadata, volumes and networks. */
export function documentLabels(ctx: Ctx): void {
  const bp = ctx.bp;
  scan(ctx, bp.metadata?.labels, ['metadata', 'labels']);
  for (const section of ['volumes', 'networks'] as const)
    for (const [name, item] of Object.entries(bp[section] ?? {})) scan(ctx, item.labels, [section, name, 'labels']);
}

function scan(ctx: Ctx, labels: Record<string, string> | undefined, path: Path): void {
  for (const key of Object.keys(labels ?? {}))
    if (isReservedLabel(key))
      ctx.report(
        'RESERVED_LABEL',
        'error',
        [...path, key],
        `The label "${key}" is reserved: Blaupause and the engine set it on what they deploy to mark who owns it.`,
        'Remove the label, or rename it outside com.docker.compose.*, dev.blaupause.*, *blaupause.dev/ and applyset.kubernetes.io/.',
      );
}
