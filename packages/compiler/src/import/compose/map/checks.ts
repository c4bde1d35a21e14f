import { type Blueprint, type DiagnosticCode, elementId, type Path, validateReferences } from '@blaupause/model';
import type { ImportContext } from '../context';
import type { Renames } from './renames';
import type { ImportReport } from './state';

/**
 * The semantic checks whose failure Compose itself would refuse (a dependency cycle, a reference
 * to an undefined service, volume, network, config or secret), reported at the Compose path.
 * A "healthy" dependency on a service without a healthcheck is only a warning here: the image
 * may declare one, which Compose would use and the blueprint cannot see.
 */
const COMPOSE_KEY: Partial<Record<DiagnosticCode, string>> = {
  DEPENDENCY_CYCLE: 'depends_on',
  DANGLING_LINK: 'depends_on',
  SELF_LINK: 'depends_on',
  NO_HEALTHCHECK: 'depends_on',
  DANGLING_VOLUME: 'volumes',
  DANGLING_NETWORK: 'networks',
  DANGLING_CONFIG: 'configs',
  DANGLING_SECRET: 'secrets',
  MISSING_IMAGE: 'image',
  INVALID_IMAGE_REF: 'image',
};

export function semanticChecks(ctx: ImportContext, bp: Blueprint, names: Renames, report: ImportReport): void {
  const composeName = new Map<string, string>();
  for (const [from, to] of Object.entries(names.changed().services)) composeName.set(to, from);
  // A mount of a helper container was written under the helper's own Compose service.
  for (const h of report.helpers) composeName.set(`${names.of('services', h.pod)}/${h.container}`, h.service);
  for (const d of validateReferences(bp)) {
    const key = COMPOSE_KEY[d.code];
    if (!key) continue;
    const [, service, sub, container] = d.path;
    if (typeof service !== 'string') continue;
    const own = sub === 'containers' ? composeName.get(`${service}/${String(container)}`) : undefined;
    const path: Path = ['services', own ?? composeName.get(service) ?? service, key];
    const severity = d.code === 'NO_HEALTHCHECK' ? 'warning' : d.severity;
    const hint =
      d.code === 'NO_HEALTHCHECK'
        ? `${d.hint ?? ''} If the image declares a HEALTHCHECK, add the same test to the Compose file.`.trim()
        : d.hint;
    ctx.report(d.code, severity, path, d.message, hint);
  }
}

/** Diagnostics of a service that became a helper container belong to that container's element. */
export function fixHelperElements(ctx: ImportContext, report: ImportReport, names: Renames): void {
  if (report.helpers.length === 0) return;
  const ids = new Map(report.helpers.map((h) => [h.service, elementId.container(names.of('services', h.pod), h.container)]));
  for (const d of ctx.diagnostics) {
    const id = d.path[0] === 'services' && typeof d.path[1] === 'string' ? ids.get(d.path[1]) : undefined;
    if (id) d.elementId = id;
  }
}
