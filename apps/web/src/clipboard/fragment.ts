import { type Blueprint, elementId, elementKind, type Service } from '@blaupause/model';
import { defaultPositions } from '../flow/default-layout';

/**
 * What Copy puts on the clipboard: a blueprint holding the selected services (verbatim: pod, links,
 * ports), the selected volumes and networks, and a layout entry for each of them. Resources the copied
 * services refer to but that were not selected (a mounted volume, a joined network, configs, secrets)
 * come along without a layout entry: they are references, reused by a paste where they exist.
 * Links stay as they are; a paste drops those whose target it cannot find.
 */
export function copyFragment(bp: Blueprint, selection: readonly string[]): Blueprint | undefined {
  const chosen = new Set(selection);
  const services = pick(bp.services, (n) => chosen.has(elementId.service(n)));
  const volumes = pick(bp.volumes, (n) => chosen.has(elementId.volume(n)));
  const networks = pick(bp.networks, (n) => chosen.has(elementId.network(n)));
  if (Object.keys(services).length + Object.keys(volumes).length + Object.keys(networks).length === 0) return undefined;

  const used = references(Object.values(services));
  const fallback = defaultPositions(bp);
  const layout: Record<string, { x: number; y: number }> = {};
  for (const id of selection) {
    if (!['service', 'volume', 'network'].includes(elementKind(id))) continue;
    const p = bp.layout?.nodes[id] ?? fallback.get(id);
    if (p) layout[id] = { x: p.x, y: p.y };
  }
  const fragment: Blueprint = {
    apiVersion: bp.apiVersion,
    kind: bp.kind,
    metadata: { name: bp.metadata.name },
    services,
    ...section('volumes', { ...pick(bp.volumes, (n) => used.volumes.has(n)), ...volumes }),
    ...section('networks', { ...pick(bp.networks, (n) => used.networks.has(n)), ...networks }),
    ...section(
      'configs',
      pick(bp.configs, (n) => used.configs.has(n)),
    ),
    ...section(
      'secrets',
      pick(bp.secrets, (n) => used.secrets.has(n)),
    ),
    layout: { nodes: layout },
  };
  return fragment;
}

/** The resources services refer to by name. */
export function references(services: Iterable<Service>) {
  const out = { volumes: new Set<string>(), networks: new Set<string>(), configs: new Set<string>(), secrets: new Set<string>() };
  for (const s of services) {
    for (const n of s.networks ?? []) out.networks.add(n);
    for (const c of Object.values(s.containers))
      for (const m of c.mounts ?? []) {
        if (m.type === 'volume') out.volumes.add(m.source);
        else if (m.type === 'config') out.configs.add(m.source);
        else if (m.type === 'secret') out.secrets.add(m.source);
      }
  }
  return out;
}

function pick<V>(record: Readonly<Record<string, V>> | undefined, keep: (name: string) => boolean): Record<string, V> {
  const out: Record<string, V> = {};
  for (const [k, v] of Object.entries(record ?? {})) if (keep(k)) out[k] = v;
  return out;
}

/** `{ [key]: record }` when the record has entries, else nothing: optional sections stay absent, as minimal form writes them. */
function section<K extends string, V>(key: K, record: Record<string, V>): { [P in K]?: Record<string, V> } {
  return (Object.keys(record).length > 0 ? { [key]: record } : {}) as { [P in K]?: Record<string, V> };
}
