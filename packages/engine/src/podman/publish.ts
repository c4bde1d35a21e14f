import type { PodmanNotes } from './notes';

/**
 * Kubernetes Services under Podman: there is no kube-proxy, no ClusterIP and no Service object.
 * What carries over: a Service's name becomes a DNS alias of the pods it selects on the project's
 * network (aardvark-dns), and a published Service (LoadBalancer / NodePort) becomes `hostPort` on
 * the selected container port, which Podman publishes on the host.
 */
type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export interface PodTarget {
  service: string;
  labels: Record<string, string>;
  spec: Obj;
  aliases: string[];
}

export function selects(selector: unknown, labels: Record<string, string>): boolean {
  if (!isObj(selector)) return false;
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([k, v]) => labels[k] === v);
}

/** Applies one Service to the pods it selects: alias, and host ports when it is published. */
export function applyService(svc: Obj, pods: readonly PodTarget[], notes: PodmanNotes): void {
  const meta = isObj(svc.metadata) ? svc.metadata : {};
  const spec = isObj(svc.spec) ? svc.spec : {};
  const name = str(meta.name);
  const labels = isObj(meta.labels) ? (meta.labels as Record<string, string>) : {};
  const owner = labels['app.kubernetes.io/name'] ?? name;
  const type = str(spec.type) || 'ClusterIP';
  const selected = pods.filter((p) => selects(spec.selector, p.labels));
  if (selected.length === 0) {
    notes.lost(owner, [], `Service "${name}" selects no pod; it has no effect.`);
    return;
  }
  if (type === 'LoadBalancer' || type === 'NodePort') {
    for (const port of list(spec.ports)) {
      if (!isObj(port)) continue;
      const hostPort = type === 'NodePort' && typeof port.nodePort === 'number' ? port.nodePort : port.port;
      if (typeof hostPort !== 'number') continue;
      for (const p of selected) publish(p, port.targetPort ?? port.port, hostPort, str(port.protocol) || 'TCP', notes);
    }
    notes.approximated(owner, ['ports'], `the ${type} Service "${name}" is published as hostPort on the pod (on every host address).`);
    return;
  }
  for (const p of selected) if (!p.aliases.includes(name)) p.aliases.push(name);
  for (const port of list(spec.ports)) {
    if (!isObj(port) || port.targetPort === undefined || port.targetPort === port.port) continue;
    notes.approximated(
      owner,
      ['ports'],
      `Service "${name}" maps port ${String(port.port)} to ${String(port.targetPort)}, but Podman has no Service proxy: "${name}" answers on ${String(port.targetPort)} only.`,
    );
  }
  if (spec.clusterIP !== 'None' && selected.length > 0)
    notes.approximated(owner, [], `Service "${name}" has no ClusterIP: its name resolves to the pod's address on the project network.`);
}

function publish(p: PodTarget, target: unknown, hostPort: number, protocol: string, notes: PodmanNotes): void {
  const containers = list(p.spec.containers).filter(isObj);
  for (const c of containers) {
    for (const port of list(c.ports)) {
      if (!isObj(port)) continue;
      if (port.containerPort === target || (typeof target === 'string' && port.name === target)) {
        port.hostPort = hostPort;
        return;
      }
    }
  }
  const first = containers[0];
  if (!first || typeof target !== 'number') {
    notes.lost(p.service, ['ports'], `port ${String(target)} is published but no container declares it; it is not published.`);
    return;
  }
  first.ports = [...list(first.ports), { containerPort: target, hostPort, protocol }];
}
