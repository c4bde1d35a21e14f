import { elementId } from '@blaupause/model';
import { type Draft, describe, type ImportContext, type K8sObject, opt, type ServiceDraft, type ServicePortInput } from './context';
import { protocol } from './convert';
import type { Cursor } from './reader';

/** Fields the cluster assigns or defaults on a Service: nothing the application chose. */
const SERVICE_DEFAULTS = {
  ipFamilyPolicy: ['SingleStack'],
  internalTrafficPolicy: ['Cluster'],
  externalTrafficPolicy: ['Cluster'],
  sessionAffinity: ['None'],
  allocateLoadBalancerNodePorts: [true],
  publishNotReadyAddresses: [false],
};

/** Finds the workloads whose pod labels include a selector, through an index of label pairs. */
class PodIndex {
  private readonly byPair = new Map<string, ServiceDraft[]>();

  constructor(services: Iterable<ServiceDraft>) {
    for (const s of services)
      for (const [k, v] of Object.entries(s.podLabels)) {
        const key = `${k}\u0000${v}`;
        const list = this.byPair.get(key);
        if (list) list.push(s);
        else this.byPair.set(key, [s]);
      }
  }

  /** Starts from the rarest pair of the selector, so a label every pod shares costs nothing. */
  select(selector: Record<string, string>): ServiceDraft[] {
    const pairs = Object.entries(selector);
    let fewest: ServiceDraft[] | undefined;
    for (const [k, v] of pairs) {
      const list = this.byPair.get(`${k}\u0000${v}`) ?? [];
      if (!fewest || list.length < fewest.length) fewest = list;
    }
    return (fewest ?? []).filter((s) => pairs.every(([k, v]) => s.podLabels[k] === v));
  }
}

/**
 * Phase: Services → service ports of the workloads they select (selector ⊆ pod labels). The
 * blueprint port is the container port (targetPort); NodePort and LoadBalancer publish it on
 * the nodePort or the port. Container ports no Service exposes are reported, except for a
 * workload no Service selects at all: then its container ports become its service ports.
 */
export function importServices(objects: readonly K8sObject[], ctx: ImportContext, draft: Draft): void {
  const index = new PodIndex(draft.services.values());
  for (const o of objects) importService(o, index, ctx, draft);
  for (const s of draft.services.values()) {
    leftoverPorts(s, ctx);
    renamedNote(s, ctx);
  }
}

/** Clients reach a service by its name: a workload whose Services all have other names changes address. */
function renamedNote(s: ServiceDraft, ctx: ImportContext): void {
  if (!s.exposedBy.length || s.exposedBy.includes(s.name)) return;
  ctx.approximated(
    s.object.path,
    `${describe(s.object)} is reached through Service ${s.exposedBy.join(', ')}; exported again, it is reached as ${s.name}.`,
    elementId.service(s.name),
    'Name the workload like its Service (or set the app.kubernetes.io/name label) to keep the address.',
  );
}

function importService(o: K8sObject, index: PodIndex, ctx: ImportContext, draft: Draft): void {
  const spec = o.root.map('spec');
  const type = spec?.str('type') ?? 'ClusterIP';
  const selector = spec?.strMap('selector') ?? {};
  if (!spec || type === 'ExternalName' || Object.keys(selector).length === 0) {
    if (spec) for (const k of spec.keys()) spec.take(k);
    unmatched(ctx, o, type === 'ExternalName' ? 'is an ExternalName alias' : 'has no selector (its endpoints are managed by hand)');
    return;
  }
  const targets = index.select(selector);
  if (!targets.length) {
    for (const k of spec.keys()) spec.take(k);
    unmatched(
      ctx,
      o,
      `selects no imported workload (selector ${Object.entries(selector)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')})`,
    );
    return;
  }
  const first = targets[0] as ServiceDraft;
  o.elementId = elementId.service(first.name);
  draft.k8sServices.set(o.name, targets);
  spec.defaults(SERVICE_DEFAULTS);
  // Addresses and families the cluster assigns; "None" (headless) is how the emitter pairs a StatefulSet.
  for (const k of ['clusterIP', 'clusterIPs', 'ipFamilies']) spec.take(k);
  if (type !== 'ClusterIP' && type !== 'NodePort' && type !== 'LoadBalancer') return; // spec.type stays unread: reported
  for (const s of targets) s.exposedBy.push(o.name);
  const ports = spec.peek('ports');
  const headless = spec.peek('clusterIP') === 'None';
  if (headless && (!Array.isArray(ports) || !ports.length)) draft.portless.push({ object: o, targets });
  else if (headless) headlessNote(o, targets, ctx);
  for (const p of spec.list('ports')) for (const s of targets) addPort(s, readPort(p, type, s, ctx), ctx, p, draft, o.name);
}

/**
 * A headless Service with ports: the emitter writes one only to govern a StatefulSet, named
 * `<service>-headless` beside the ClusterIP Service `<service>`. Any other comes back as a
 * ClusterIP Service (one virtual address instead of the pods' own), and a StatefulSet it governed
 * is then governed by `<service>-headless` (its pods' DNS names change): said here.
 */
function headlessNote(o: K8sObject, targets: ServiceDraft[], ctx: ImportContext): void {
  if (targets.every((t) => t.object.kind === 'StatefulSet' && o.name === `${t.name}-headless`)) return;
  const first = targets[0] as ServiceDraft;
  const governed = targets.some((t) => t.object.kind === 'StatefulSet');
  ctx.approximated(
    o.path,
    `Service ${o.name} is headless (clusterIP: None); exported again, ${first.name} is a ClusterIP Service with one virtual address${governed ? `, and its StatefulSet is governed by ${first.name}-headless (the pods' DNS names change)` : ''}.`,
    o.elementId,
    'A blueprint service is reached through one address; per-pod names come with per-replica volumes (a StatefulSet).',
  );
}

function unmatched(ctx: ImportContext, o: K8sObject, why: string): void {
  ctx.add('IMPORT_UNMATCHED', 'warning', o.path, `${describe(o)} ${why}; it was not imported.`, {
    hint: 'A blueprint service is reached through its own name: import the workload it belongs to with it.',
  });
}

interface PortRead {
  port?: ServicePortInput;
  servicePort?: number;
  /** The port's name in the Service (Ingresses may refer to it). */
  serviceName?: string;
  /** Whether the Service port differs from the container port in a way the blueprint loses. */
  renumbered?: boolean;
}

function readPort(p: Cursor, type: string, s: ServiceDraft, ctx: ImportContext): PortRead {
  const port = p.int('port');
  const target = p.intOrStr('targetPort') ?? port;
  const proto = protocol(p.str('protocol'));
  const name = p.str('name');
  const nodePort = p.int('nodePort');
  const containerPort = typeof target === 'string' ? s.containerPorts.find((c) => c.name === target)?.port : target;
  if (port === undefined || containerPort === undefined || !proto) {
    ctx.unsupported(
      p.path,
      `The Service port could not be imported: ${!proto ? 'only TCP and UDP are carried' : `targetPort ${String(target)} names no container port`}.`,
      elementId.service(s.name),
    );
    return {};
  }
  const publish = type === 'NodePort' ? (nodePort ?? port) : type === 'LoadBalancer' ? port : undefined;
  // `<protocol>-<port>` is the name the emitter gives unnamed ports: not a name the user chose.
  const own = name !== undefined && name !== `${proto}-${containerPort}` ? name : undefined;
  return {
    servicePort: port,
    ...opt('serviceName', name),
    // A LoadBalancer's port is the published port: carried as publish, not lost.
    renumbered: port !== containerPort && type !== 'LoadBalancer',
    port: { ...opt('name', own), port: containerPort, protocol: proto, ...opt('publish', publish) },
  };
}

/** Adds a port to a service, merging with the same container port exposed by another Service. */
function addPort(s: ServiceDraft, r: PortRead, ctx: ImportContext, p: Cursor, draft: Draft, k8sName: string): void {
  const port = r.port;
  if (!port) return;
  const id = elementId.service(s.name);
  if (r.renumbered)
    ctx.approximated(
      p.path,
      `The Service port ${r.servicePort} forwards to container port ${port.port}; the blueprint has one number, the container port ${port.port}.`,
      id,
    );
  s.service.ports ??= [];
  const same = s.service.ports.find((q) => q.port === port.port && (q.protocol ?? 'tcp') === port.protocol);
  draft.servicePorts.set(`${k8sName}\u0000${r.servicePort}`, port.port);
  if (r.serviceName !== undefined) draft.servicePorts.set(`${k8sName}\u0000${r.serviceName}`, port.port);
  if (!same) return void s.service.ports.push(port);
  if (port.publish !== undefined) same.publish ??= port.publish;
  if (port.name !== undefined) same.name ??= port.name;
}

function leftoverPorts(s: ServiceDraft, ctx: ImportContext): void {
  const id = elementId.service(s.name);
  const exposed = (c: { port: number; protocol: string }) =>
    s.service.ports?.some((q) => q.port === c.port && (q.protocol ?? 'tcp') === c.protocol);
  if (s.exposedBy.length) {
    for (const c of s.containerPorts)
      if (!exposed(c)) ctx.unsupported(c.cursor.path, `Container port ${c.port} is exposed by no Service; it was not imported.`, id);
      else if (c.hostPort !== undefined)
        ctx.unsupported([...c.cursor.path, 'hostPort'], `hostPort ${c.hostPort} was not imported: a Service already exposes the port.`, id);
    return;
  }
  if (!s.containerPorts.length) return;
  s.service.ports = [];
  for (const c of s.containerPorts) {
    if (exposed(c)) continue;
    s.service.ports.push({ ...opt('name', c.name), port: c.port, protocol: c.protocol, ...opt('publish', c.hostPort) });
    if (c.hostPort !== undefined)
      ctx.approximated(
        [...c.cursor.path, 'hostPort'],
        `hostPort ${c.hostPort} became the published port ${c.hostPort} (a NodePort or LoadBalancer Service on export).`,
        id,
      );
  }
  ctx.approximated(
    s.object.path,
    `No Service selects ${describe(s.object)}; its container ports became service ports, so exporting it creates a Service.`,
    id,
  );
}
