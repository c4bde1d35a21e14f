import type { OutputFile } from '@blaupause/compiler';
import { elementsIn, list, outputDocuments, record, str, stringMap } from './output-docs';

/** A line span of one compiled file. */
export interface Lines {
  file: 'compose' | 'kubernetes';
  ranges: [number, number][];
}

/** One container as Compose sees it: an entry under `services:`. */
export interface ContainerNode {
  /** The Compose entry's name (weba, web-git-sync, …). */
  name: string;
  image: string;
  /** Blueprint service and container element the entry came from (its labels name them). */
  service: string;
  element: string;
  role: string;
  expose: string[];
  /** Published ports as "host→container". */
  published: string[];
  replicas?: number;
  /** Another entry whose network namespace this one joins (`network_mode: service:x`). */
  sharesNetworkOf?: string;
  /** Blueprint elements that produced this entry (source map), its own element first. */
  elements: string[];
  lines: Lines;
}

export interface ContainerWire {
  from: string;
  to: string;
  kind: 'link' | 'namespace' | 'order';
  /** Compose's wording: "links", a depends_on condition, "network_mode". */
  label: string;
  elements: string[];
}

export interface OneLevel {
  containers: ContainerNode[];
  wires: ContainerWire[];
}

/**
 * The 1-level view of a blueprint, read from the Compose file the compiler wrote: every entry is
 * a container node, `links` / `depends_on` are wires, `network_mode: service:x` joins a
 * container to another's network. The entry's `dev.blaupause.*` labels and the source map tie
 * each node back to the blueprint element it came from.
 */
export function oneLevel(file: OutputFile | undefined): OneLevel {
  const doc = file ? outputDocuments(file.content)[0] : undefined;
  if (!file || !doc) return { containers: [], wires: [] };
  const services = record(doc.value.services);
  const names = Object.keys(services);
  const tops = Object.keys(doc.value);
  const after = tops[tops.indexOf('services') + 1];
  const servicesEnd = after !== undefined ? doc.lineOf([after]) - 1 : doc.endLine;
  const containers: ContainerNode[] = [];
  const wires: ContainerWire[] = [];
  names.forEach((name, i) => {
    const entry = record(services[name]);
    const labels = stringMap(entry.labels);
    const start = doc.lineOf(['services', name]);
    const next = names[i + 1];
    const end = next !== undefined ? doc.lineOf(['services', next]) - 1 : servicesEnd;
    const element = labels['dev.blaupause.element'] ?? `service:${name}`;
    const service = labels['dev.blaupause.service'] ?? name;
    const own = elementsIn(file.sourceMap, start, start).filter((id) => !id.startsWith('volume:'));
    const networkMode = str(entry.network_mode);
    const shares = networkMode?.startsWith('service:') ? networkMode.slice('service:'.length) : undefined;
    const replicas = Number(record(entry.deploy).replicas);
    containers.push({
      name,
      image: str(entry.image) ?? (entry.build ? '(built)' : '?'),
      service,
      element,
      role: labels['dev.blaupause.role'] ?? 'main',
      expose: list(entry.expose).map((p) => str(p) ?? '?'),
      published: list(entry.ports).map(portText),
      ...(Number.isFinite(replicas) && replicas > 0 ? { replicas } : {}),
      ...(shares ? { sharesNetworkOf: shares } : {}),
      elements: [element, ...own.filter((id) => id !== element)],
      lines: { file: 'compose', ranges: [[start, end]] },
    });
    if (shares) wires.push({ from: name, to: shares, kind: 'namespace', label: 'network_mode', elements: [element] });
    for (const target of list(entry.links).map((l) => str(l)?.split(':')[0])) {
      if (target) wires.push(linkWire(file, doc.lineOf(['services', name, 'links']), name, target, 'links'));
    }
    for (const [target, dep] of Object.entries(record(entry.depends_on))) {
      if (target === shares) continue;
      const condition = str(record(dep).condition) ?? 'service_started';
      wires.push(linkWire(file, doc.lineOf(['services', name, 'depends_on', target]), name, target, condition));
    }
  });
  return { containers, wires: dedupe(wires) };
}

/** A link wire carries its link element (source map); a dependency without one only orders starts (init containers). */
function linkWire(file: OutputFile, line: number, from: string, to: string, label: string): ContainerWire {
  const links = elementsIn(file.sourceMap, line, line).filter((id) => id.startsWith('link:'));
  return { from, to, kind: links.length > 0 || label === 'links' ? 'link' : 'order', label, elements: links };
}

function dedupe(wires: ContainerWire[]): ContainerWire[] {
  const seen = new Set<string>();
  return wires.filter((w) => {
    const key = `${w.from}>${w.to}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function portText(p: unknown): string {
  if (typeof p === 'string' || typeof p === 'number') return String(p).replace(':', '→');
  const r = record(p);
  const published = str(r.published);
  const target = str(r.target) ?? '?';
  return published ? `${published}→${target}` : target;
}
