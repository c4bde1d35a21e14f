import { elementId, type Path } from '@blaupause/model';
import { type Draft, describe, type ImportContext, type K8sObject, opt } from './context';
import type { Cursor } from './reader';

interface Route {
  host?: string;
  path: string;
  backend: Cursor;
  at: Path;
}

/**
 * Ingress → `ingress` (host, path, tls) on the service port each rule routes to. A blueprint
 * port has one entry point, so a second route to the same port is reported, not merged.
 */
export function importIngress(o: K8sObject, ctx: ImportContext, draft: Draft): void {
  const spec = o.root.map('spec');
  if (!spec) return;
  // '' stands for a tls entry without hosts: it covers the rules without a host.
  const tlsHosts = new Set<string>();
  for (const t of spec.list('tls')) {
    const hosts = t.strList('hosts') ?? [];
    for (const h of hosts) tlsHosts.add(h.toLowerCase());
    if (!hosts.length) tlsHosts.add('');
    t.take('secretName'); // the certificate lives in the cluster; the blueprint asks for TLS only
  }
  const routes: Route[] = [];
  const def = spec.map('defaultBackend');
  if (def) routes.push({ path: '/', backend: def, at: def.path });
  for (const rule of spec.list('rules')) {
    const host = rule.str('host');
    for (const p of rule.map('http')?.list('paths') ?? []) {
      const pathType = p.str('pathType');
      if (pathType === 'Exact') ctx.approximated([...p.path, 'pathType'], 'An Exact path became a prefix path.', o.elementId);
      const backend = p.map('backend');
      if (backend) routes.push({ ...opt('host', host), path: p.str('path') ?? '/', backend, at: p.path });
    }
  }
  for (const r of routes) route(o, r, tlsHosts, ctx, draft);
}

function route(o: K8sObject, r: Route, tlsHosts: ReadonlySet<string>, ctx: ImportContext, draft: Draft): void {
  const svc = r.backend.map('service');
  const name = svc?.str('name');
  const port = svc?.map('port');
  const ref = port?.int('number') ?? port?.str('name');
  const targets = name ? draft.k8sServices.get(name) : undefined;
  const containerPort = ref !== undefined ? draft.servicePorts.get(`${name}\u0000${ref}`) : undefined;
  if (!targets || containerPort === undefined) {
    ctx.add(
      'IMPORT_UNMATCHED',
      'warning',
      r.at,
      `${describe(o)} routes to ${name ?? 'a backend'}${ref !== undefined ? ` port ${ref}` : ''}, which is not an imported service port; the route was not imported.`,
      {
        ...opt('elementId', o.elementId),
        hint: 'Import the Service and the workload it selects together with the Ingress.',
      },
    );
    return;
  }
  for (const s of targets) {
    const id = elementId.service(s.name);
    o.elementId ??= id;
    const p = s.service.ports?.find((q) => q.port === containerPort);
    if (!p) continue;
    if (p.ingress) {
      ctx.unsupported(
        r.at,
        `Port ${containerPort} of ${s.name} already has an entry point (${p.ingress.host ?? '*'}${p.ingress.path ?? '/'}); a port has one.`,
        id,
      );
      continue;
    }
    const host = r.host?.toLowerCase();
    p.ingress = {
      ...opt('host', host),
      ...(r.path !== '/' ? { path: r.path } : {}),
      ...(tlsHosts.has(host ?? '') ? { tls: true } : {}),
    };
  }
}
