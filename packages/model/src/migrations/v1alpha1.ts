import { type Diagnostic, diag, type Path } from '../diagnostics/diagnostic';
import { elementId } from '../ids';
import { API_VERSION } from '../schema/blueprint';
import { type Doc, isRecord, type Migration, type StepResult } from './types';

/**
 * blaupause.dev/v1alpha1, the draft format (documented in docs/blueprint-format.md §Versions).
 * It differs from v1 in three places of a service, everything else is identical:
 *   containers: a list of containers, each with a `name`      (v1: a map keyed by name)
 *   links:      plain strings "target" or "target:condition"   (v1: objects {to, condition, ...})
 *   expose:     ports as 80, "53/udp", "8080:80", "127.0.0.1:8080:80/tcp"   (v1: ports objects)
 */
export const V1ALPHA1 = 'blaupause.dev/v1alpha1';

interface ServiceMap {
  containers?: Map<string, number>;
  stringLinks: Set<number>;
  /** v1 ports index → v1alpha1 path segments (['ports', i] or ['expose', j]). */
  ports?: (string | number)[][];
}

export const v1alpha1: Migration = {
  from: V1ALPHA1,
  to: API_VERSION,
  up(doc) {
    const diagnostics: Diagnostic[] = [];
    const maps = new Map<string, ServiceMap>();
    const changes = new Set<string>();
    const services = isRecord(doc.services) ? doc.services : undefined;
    let out: Doc = { ...doc, apiVersion: API_VERSION };
    if (services) {
      const migrated: Doc = {};
      for (const [name, s] of Object.entries(services)) {
        const map: ServiceMap = { stringLinks: new Set() };
        maps.set(name, map);
        migrated[name] = isRecord(s) ? migrateService(name, s, map, diagnostics, changes) : s;
      }
      out = { ...out, services: migrated };
    }
    return { value: out, diagnostics, sourcePath: (p) => sourcePath(p, maps), changes: [...changes] } satisfies StepResult;
  },
};

function migrateService(name: string, s: Doc, map: ServiceMap, out: Diagnostic[], changes: Set<string>): Doc {
  const next: Doc = { ...s };
  if (Array.isArray(s.containers)) {
    changes.add('containers list → map keyed by name');
    map.containers = new Map();
    next.containers = containersToMap(name, s.containers, map.containers, out);
  }
  if (Array.isArray(s.links)) {
    next.links = s.links.map((l, i) => {
      if (typeof l !== 'string') return l;
      changes.add('links "target[:condition]" → {to, condition}');
      map.stringLinks.add(i);
      const colon = l.indexOf(':');
      return colon < 0 ? { to: l } : { to: l.slice(0, colon), condition: l.slice(colon + 1) };
    });
  }
  if (Array.isArray(s.expose)) {
    changes.add('expose → ports');
    delete next.expose;
    const own = Array.isArray(s.ports) ? s.ports : [];
    map.ports = own.map((_, i) => ['ports', i]);
    const converted: unknown[] = [...own];
    s.expose.forEach((e, j) => {
      const port = parseExpose(e);
      if (!port) {
        const path = ['services', name, 'expose', j];
        out.push(
          diag('SCHEMA_VALUE', 'error', path, `services.${name}.expose.${j}: ${JSON.stringify(e)} is not a port.`, {
            elementId: elementId.service(name),
            hint: 'Write a port as 80, "53/udp", "8080:80" or "127.0.0.1:8080:80/tcp".',
          }),
        );
        return;
      }
      map.ports?.push(['expose', j]);
      converted.push(port);
    });
    next.ports = converted;
  }
  return next;
}

function containersToMap(service: string, list: unknown[], index: Map<string, number>, out: Diagnostic[]): Doc {
  const containers: Doc = {};
  list.forEach((item, i) => {
    const path = ['services', service, 'containers', i];
    const name = isRecord(item) ? item.name : undefined;
    if (typeof name !== 'string' || name === '') {
      out.push(
        diag('SCHEMA_REQUIRED', 'error', [...path, 'name'], `services.${service}.containers.${i}.name is required.`, {
          elementId: elementId.service(service),
          hint: 'Every container of a v1alpha1 list needs a name.',
        }),
      );
      return;
    }
    if (index.has(name)) {
      out.push(
        diag('DUPLICATE_NAME', 'error', [...path, 'name'], `Service "${service}" has two containers named "${name}".`, {
          elementId: elementId.container(service, name),
          hint: 'Give every container of a pod its own name.',
        }),
      );
      return;
    }
    index.set(name, i);
    const { name: _, ...rest } = item as Doc;
    containers[name] = rest;
  });
  return containers;
}

const EXPOSE = /^(?:(?:(\[[0-9a-fA-F:.]+\]|[0-9.]+):)?(\d{1,5}):)?(\d{1,5})(?:\/(tcp|udp))?$/;

/** 80 | "80" | "53/udp" | "8080:80" | "127.0.0.1:8080:80/tcp" → a v1 port; undefined if unreadable. */
export function parseExpose(e: unknown): Doc | undefined {
  if (typeof e === 'number') return Number.isInteger(e) ? { port: e } : undefined;
  const m = typeof e === 'string' ? EXPOSE.exec(e) : null;
  if (!m) return undefined;
  const [, hostIp, publish, port, protocol] = m;
  return {
    port: Number(port),
    ...(protocol ? { protocol } : {}),
    ...(publish ? { publish: Number(publish) } : {}),
    ...(hostIp ? { hostIp: hostIp.replace(/^\[|\]$/g, '') } : {}),
  };
}

/** Where a v1 path was in the v1alpha1 document (paths of generated or moved items collapse onto their source item). */
function sourcePath(path: Path, maps: Map<string, ServiceMap>): Path {
  const [top, service, sub, key, ...rest] = path;
  if (top !== 'services' || typeof service !== 'string' || typeof sub !== 'string' || key === undefined) return path;
  const map = maps.get(service);
  if (!map) return path;
  if (sub === 'containers' && map.containers && typeof key === 'string') {
    const i = map.containers.get(key);
    return i === undefined ? path.slice(0, 3) : ['services', service, 'containers', i, ...rest];
  }
  if (sub === 'links' && typeof key === 'number' && map.stringLinks.has(key)) return ['services', service, 'links', key];
  if (sub === 'ports' && map.ports && typeof key === 'number') {
    const origin = map.ports[key];
    if (!origin) return path.slice(0, 3);
    return origin[0] === 'expose' ? ['services', service, ...origin] : ['services', service, ...origin, ...rest];
  }
  return path;
}
