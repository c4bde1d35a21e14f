import type { ServicePort } from '@blaupause/model';
import type { PlannedService } from '../../plan/plan';
import { tag } from '../../yaml';
import { type KubeContext, type LabelSet, meta, type Obj } from './context';
import { defaultPortName, isServiceName, NameAllocator, suffixed } from './names';
import type { WorkloadKind } from './rollout';

/** The NodePort range of a default cluster (--service-node-port-range). */
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;

/**
 * The Services of one service:
 * - `<name>` (ClusterIP, every port) when it has ports or another service links to it: the DNS
 *   name links use. Linked without ports → headless (DNS only), as Compose gives every service a name.
 * - `<name>-published` for published ports, so only those leave the cluster: NodePort with
 *   nodePort = published port when all are in the NodePort range, else LoadBalancer with
 *   port = published port (localhost on Docker Desktop and k3s, like Compose), with a note.
 * - `<name>-headless` governing a StatefulSet (or `<name>` itself when that is headless already).
 * Returns the objects and the StatefulSet's serviceName.
 */
export function services(k: KubeContext, ps: PlannedService, kind: WorkloadKind, labels: LabelSet): { objects: Obj[]; governing?: string } {
  const ports = ps.service.ports ?? [];
  const linked = k.linkTargets.has(ps.name);
  const statefulSet = kind === 'StatefulSet';
  if (!ports.length && !linked && !statefulSet) return { objects: [] };
  if (!isServiceName(ps.name))
    k.note(
      'lost',
      ['services', ps.name],
      ps.elementId,
      `Kubernetes Service names must start with a letter: the Service ${ps.name} will be refused.`,
      'Rename the service to start with a letter.',
    );
  const servicePorts = namedPorts(ports);
  const objects: Obj[] = [service(k, ps, ps.name, labels, servicePorts.length ? { type: 'ClusterIP', ports: servicePorts } : headless())];
  const published = ports.filter((p) => p.publish !== undefined);
  if (published.length) objects.push(publishedService(k, ps, published, labels));
  let governing: string | undefined;
  if (statefulSet) {
    governing = servicePorts.length ? k.names.Service.takeSuffixed(ps.name, 'headless') : ps.name;
    if (servicePorts.length) objects.push(service(k, ps, governing, labels, { ...headless(), ports: servicePorts }));
  }
  return governing ? { objects, governing } : { objects };
}

const headless = (): Obj => ({ clusterIP: 'None' });

/** `spec` is the caller's own new object: the selector is added to it. */
function service(k: KubeContext, ps: PlannedService, name: string, labels: LabelSet, spec: Obj): Obj {
  // The selector leaves out the canary track: one Service spreads traffic over stable and canary pods.
  spec.selector = labels.out.selector;
  return tag({ apiVersion: 'v1', kind: 'Service', metadata: meta(k, name, labels.out.labels), spec }, ps.elementId);
}

/** Service ports named by the blueprint, else `<protocol>-<port>`: names are required once there are two. */
function namedPorts(ports: readonly ServicePort[]): Obj[] {
  const names = new NameAllocator();
  for (const p of ports) if (p.name) names.reserve(p.name);
  return ports.map((p) => ({
    name: p.name ?? names.take(defaultPortName(p)),
    port: p.port,
    targetPort: p.port,
    protocol: upper(p.protocol),
  }));
}

const upper = (protocol: string): string => (protocol === 'tcp' ? 'TCP' : protocol === 'udp' ? 'UDP' : protocol.toUpperCase());

function publishedService(k: KubeContext, ps: PlannedService, published: ServicePort[], labels: LabelSet): Obj {
  const inRange = (p: ServicePort) => (p.publish as number) >= NODE_PORT_MIN && (p.publish as number) <= NODE_PORT_MAX;
  const nodePort = published.every(inRange);
  const all = ps.service.ports ?? [];
  for (const p of published) {
    const at = ['services', ps.name, 'ports', all.indexOf(p)];
    if (!nodePort && !inRange(p))
      k.note(
        'approximated',
        [...at, 'publish'],
        ps.elementId,
        `Port ${p.publish} is outside the NodePort range (${NODE_PORT_MIN}–${NODE_PORT_MAX}): it is published by a LoadBalancer Service on port ${p.publish}.`,
        'Docker Desktop, k3s and minikube tunnel serve LoadBalancer ports on localhost; other clusters need a load-balancer implementation.',
      );
    if (p.hostIp !== undefined)
      k.note(
        'lost',
        [...at, 'hostIp'],
        ps.elementId,
        `A Service cannot bind to one host address: port ${p.publish} is reachable on every address, not only ${p.hostIp}.`,
      );
  }
  const ports = namedPorts(published).map((sp, i) => {
    const p = published[i] as ServicePort;
    if (nodePort) return { ...sp, nodePort: p.publish };
    return { ...sp, port: p.publish, ...(inRange(p) ? { nodePort: p.publish } : {}) };
  });
  return service(k, ps, k.names.Service.takeSuffixed(ps.name, 'published'), labels, {
    type: nodePort ? 'NodePort' : 'LoadBalancer',
    ports,
  });
}

/** One Ingress per service for its ports with ingress: rules grouped by host, paths as Prefix. */
export function ingress(k: KubeContext, ps: PlannedService, labels: LabelSet): Obj | undefined {
  if (!ps.service.ports?.some((p) => p.ingress)) return undefined;
  const ports = ps.service.ports.map((p, i) => ({ p, i })).filter(({ p }) => p.ingress);
  if (!ports.length) return undefined;
  const rules = new Map<string, Obj[]>();
  const tls = new Set<string>(); // hosts; '' for a rule without host
  for (const { p, i } of ports) {
    const ing = p.ingress as NonNullable<ServicePort['ingress']>;
    const at = ['services', ps.name, 'ports', i, 'ingress'];
    if (p.protocol !== 'tcp') {
      k.note('lost', at, ps.elementId, `An Ingress carries HTTP only: UDP port ${p.port} is not exposed.`);
      continue;
    }
    const host = ing.host ?? '';
    const path = { path: ing.path, pathType: 'Prefix', backend: { service: { name: ps.name, port: { number: p.port } } } };
    const paths = rules.get(host);
    if (paths) paths.push(path);
    else rules.set(host, [path]);
    if (ing.tls) {
      tls.add(host);
      tlsNote(k, ps, [...at, 'tls']);
    }
  }
  if (!rules.size) return undefined;
  const hosts = [...tls].filter(Boolean);
  const spec = {
    ...(tls.size ? { tls: [{ ...(hosts.length ? { hosts } : {}), secretName: suffixed(ps.name, 'tls') }] } : {}),
    rules: [...rules].map(([host, paths]) => ({ ...(host ? { host } : {}), http: { paths } })),
  };
  return tag({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: meta(k, ps.name, labels.out.labels), spec }, ps.elementId);
}

/** The blueprint asks for TLS but carries no certificate: the Secret must come from elsewhere. */
function tlsNote(k: KubeContext, ps: PlannedService, at: (string | number)[]): void {
  const secret = suffixed(ps.name, 'tls');
  k.note(
    'approximated',
    at,
    ps.elementId,
    `TLS for ${ps.name} needs a certificate in Secret ${secret}; the blueprint carries none.`,
    `kubectl create secret tls ${secret} --cert=<cert.pem> --key=<key.pem> (or let cert-manager issue it).`,
  );
}
