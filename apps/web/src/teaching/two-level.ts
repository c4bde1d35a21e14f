import type { OutputFile, SourceRange } from '@blaupause/compiler';
import type { Lines } from './one-level';
import { elementsIn, innermostAt, list, type OutputDoc, outputDocuments, record, str, stringMap } from './output-docs';

/** A container of a pod template. */
export interface PodContainer {
  name: string;
  image: string;
  /** main, sidecar, ambassador, adapter, init, or wait (an init container a link produced). */
  role: string;
  /** The blueprint element of the innermost source range at the container's name (a container or a link). */
  element: string;
  line: number;
}

/** A Deployment, StatefulSet or DaemonSet: the central build instruction of its pods. */
export interface Workload {
  kind: string;
  name: string;
  /** Pods it keeps running (DaemonSet: one per node, shown as 1). */
  replicas: number;
  /** Replicas come from a HorizontalPodAutoscaler's minimum. */
  autoscaled: boolean;
  /** The workload sets `replicas` (an autoscaled one leaves it to the HPA). */
  explicitReplicas: boolean;
  selector: Record<string, string>;
  podLabels: Record<string, string>;
  containers: PodContainer[];
  elements: string[];
  lines: Lines;
  templateLines: Lines;
}

/** A Service: a stable name in front of every pod whose labels match its selector. */
export interface KubeService {
  name: string;
  type: string;
  ports: string[];
  selector: Record<string, string>;
  /** Workloads whose pod labels match the selector (computed the way Kubernetes selects). */
  selects: string[];
  elements: string[];
  lines: Lines;
}

/** Any other object (PVC, ConfigMap, HPA, Ingress, NetworkPolicy, …). */
export interface KubeObject {
  kind: string;
  name: string;
  elements: string[];
  lines: Lines;
}

/** A pod reaching a Service by its DNS name because a blueprint link says so. */
export interface DnsWire {
  from: string;
  to: string;
  elements: string[];
}

export interface TwoLevel {
  /** Images the pods pull, each with the containers (elements) that run it. */
  images: { image: string; elements: string[] }[];
  workloads: Workload[];
  services: KubeService[];
  others: KubeObject[];
  dns: DnsWire[];
}

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

/**
 * The 2-level view of a blueprint, read from the Kubernetes YAML the compiler wrote: workloads
 * with their pod templates, Services matched to pods by their label selectors, and the images
 * the pods pull. `roles` maps container elements to their blueprint role (the Compose labels carry it).
 */
export function twoLevel(file: OutputFile | undefined, roles: ReadonlyMap<string, string> = new Map()): TwoLevel {
  const empty: TwoLevel = { images: [], workloads: [], services: [], others: [], dns: [] };
  if (!file) return empty;
  const docs = outputDocuments(file.content);
  const map = file.sourceMap;
  const out = empty;
  const hpaMin = new Map<string, number>();
  for (const doc of docs) {
    const kind = str(doc.value.kind) ?? '?';
    const name = str(record(doc.value.metadata).name) ?? '?';
    const lines: Lines = { file: 'kubernetes', ranges: [[doc.startLine, doc.endLine]] };
    const elements = elementsIn(map, doc.startLine, doc.endLine);
    if (WORKLOADS.has(kind)) out.workloads.push(workload(doc, kind, name, elements, lines, map, roles));
    else if (kind === 'Service') out.services.push(kubeService(doc, name, elements, lines));
    else {
      out.others.push({ kind, name, elements, lines });
      if (kind === 'HorizontalPodAutoscaler') {
        const spec = record(doc.value.spec);
        const target = str(record(spec.scaleTargetRef).name);
        if (target) hpaMin.set(target, Number(spec.minReplicas) || 1);
      }
    }
  }
  for (const w of out.workloads) {
    const min = hpaMin.get(w.name);
    if (min !== undefined && !w.explicitReplicas) {
      w.replicas = min;
      w.autoscaled = true;
    }
  }
  for (const s of out.services) {
    s.selects = out.workloads.filter((w) => matches(s.selector, w.podLabels)).map((w) => w.name);
  }
  out.images = imagesOf(out.workloads);
  out.dns = dnsWires(out.workloads, out.services);
  return out;
}

/** Kubernetes equality selection: every key of the selector has the same value on the pod. */
export function matches(selector: Record<string, string>, labels: Record<string, string>): boolean {
  const keys = Object.keys(selector);
  return keys.length > 0 && keys.every((k) => labels[k] === selector[k]);
}

function workload(
  doc: OutputDoc,
  kind: string,
  name: string,
  elements: string[],
  lines: Lines,
  map: readonly SourceRange[],
  roles: ReadonlyMap<string, string>,
): Workload {
  const spec = record(doc.value.spec);
  const template = record(spec.template);
  const podSpec = record(template.spec);
  const containers: PodContainer[] = [];
  const read = (key: 'initContainers' | 'containers') =>
    list(podSpec[key]).forEach((c, i) => {
      const line = doc.lineOf(['spec', 'template', 'spec', key, i, 'name']);
      const element = innermostAt(map, line, ['container:', 'link:'])?.elementId ?? '';
      const sidecar = key === 'initContainers' && str(record(c).restartPolicy) === 'Always';
      const role = element.startsWith('link:') ? 'wait' : (roles.get(element) ?? (key === 'initContainers' && !sidecar ? 'init' : 'main'));
      containers.push({ name: str(record(c).name) ?? '?', image: str(record(c).image) ?? '?', role, element, line });
    });
  read('containers');
  read('initContainers');
  const hasReplicas = typeof spec.replicas === 'number';
  const templateStart = doc.lineOf(['spec', 'template']);
  return {
    kind,
    name,
    replicas: kind === 'DaemonSet' ? 1 : hasReplicas ? Number(spec.replicas) : 1,
    autoscaled: false,
    selector: stringMap(record(spec.selector).matchLabels),
    podLabels: stringMap(record(template.metadata).labels),
    containers,
    elements,
    lines,
    templateLines: { file: 'kubernetes', ranges: [[templateStart, doc.endLine]] },
    explicitReplicas: hasReplicas,
  };
}

function kubeService(doc: OutputDoc, name: string, elements: string[], lines: Lines): KubeService {
  const spec = record(doc.value.spec);
  return {
    name,
    type: str(spec.type) ?? (spec.clusterIP === 'None' ? 'Headless' : 'ClusterIP'),
    ports: list(spec.ports).map((p) => str(record(p).port) ?? '?'),
    selector: stringMap(spec.selector),
    selects: [],
    elements,
    lines,
  };
}

function imagesOf(workloads: Workload[]): TwoLevel['images'] {
  const byImage = new Map<string, string[]>();
  for (const w of workloads) {
    for (const c of w.containers) {
      const users = byImage.get(c.image) ?? [];
      if (c.element && !users.includes(c.element)) users.push(c.element);
      byImage.set(c.image, users);
    }
  }
  return [...byImage].map(([image, elements]) => ({ image, elements }));
}

/** link:a->b in a workload → the Service of b that link resolves to (the one named b, else any selecting b's pods). */
function dnsWires(workloads: Workload[], services: KubeService[]): DnsWire[] {
  const wires: DnsWire[] = [];
  for (const w of workloads) {
    for (const link of w.elements.filter((id) => id.startsWith('link:'))) {
      const target = link.slice(link.indexOf('->') + 2);
      const candidates = services.filter((s) => s.elements.includes(`service:${target}`));
      const service = candidates.find((s) => s.name === target) ?? candidates[0];
      if (service) wires.push({ from: w.name, to: service.name, elements: [link] });
    }
  }
  return wires;
}
