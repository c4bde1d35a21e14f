import { elementId } from '@blaupause/model';
import { DEFAULT_NETWORK, type PlannedService } from '../../plan/plan';
import { tag } from '../../yaml';
import { type KubeContext, LABEL_PART_OF, networkLabel, type Obj, objectMeta, selectorLabels, userLabels } from './context';

const API = 'networking.k8s.io/v1';
const DNS_PORTS = [
  { protocol: 'UDP', port: 53 },
  { protocol: 'TCP', port: 53 },
];

/**
 * NetworkPolicies, only when segments are drawn (an all-default blueprint is one flat network,
 * which is what a namespace without policies is). Every pod is labelled with the segments it
 * joins; then:
 * - `network-<name>` per segment: its pods accept traffic from pods of the same segment. Policies
 *   add up, so a pod on two segments accepts traffic from both.
 * - `<service>-exposed` for published and ingress ports: open to every source (nodes, load
 *   balancers and ingress controllers live outside the segments).
 * - `<service>-internal` for a service whose segments are all internal: egress only to those
 *   segments and to DNS, as an internal Docker network has no route out.
 */
export function networkPolicies(k: KubeContext): Obj[] {
  if (!k.segmented) return [];
  const declared = k.blueprint.networks ?? {};
  driverNotes(k);
  const joined = new Set(k.ctx.plan.services.flatMap((s) => s.networks));
  const networks = [
    ...(joined.has(DEFAULT_NETWORK) && !(DEFAULT_NETWORK in declared) ? [DEFAULT_NETWORK] : []),
    ...Object.keys(declared),
  ].filter((n) => joined.has(n));
  const out: Obj[] = networks.map((n) => segmentPolicy(k, n));
  for (const ps of k.ctx.plan.services) {
    if (!ps.main) continue;
    const exposed = exposedPolicy(k, ps);
    if (exposed) out.push(exposed);
    if (ps.networks.every((n) => declared[n]?.internal)) out.push(internalPolicy(k, ps));
  }
  return out;
}

function members(k: KubeContext, network: string): Obj {
  return { matchLabels: { [LABEL_PART_OF]: k.project, [networkLabel(network)]: 'true' } };
}

function segmentPolicy(k: KubeContext, network: string): Obj {
  const id = elementId.network(network);
  const labels = userLabels(k.ctx, k.blueprint.networks?.[network]?.labels, ['networks', network, 'labels'], id);
  const spec = { podSelector: members(k, network), policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: members(k, network) }] }] };
  return tag(
    {
      apiVersion: API,
      kind: 'NetworkPolicy',
      metadata: objectMeta(k, k.names.NetworkPolicy.takeSuffixed('network', network), network, labels),
      spec,
    },
    id,
  );
}

function exposedPolicy(k: KubeContext, ps: PlannedService): Obj | undefined {
  const ports = (ps.service.ports ?? []).filter((p) => p.publish !== undefined || p.ingress);
  if (!ports.length) return undefined;
  const spec = {
    podSelector: { matchLabels: selectorLabels(k, ps.name) },
    policyTypes: ['Ingress'],
    ingress: [{ ports: ports.map((p) => ({ protocol: p.protocol.toUpperCase(), port: p.port })) }],
  };
  return tag(
    {
      apiVersion: API,
      kind: 'NetworkPolicy',
      metadata: objectMeta(k, k.names.NetworkPolicy.takeSuffixed(ps.name, 'exposed'), ps.name),
      spec,
    },
    ps.elementId,
  );
}

function internalPolicy(k: KubeContext, ps: PlannedService): Obj {
  const spec = {
    podSelector: { matchLabels: selectorLabels(k, ps.name) },
    policyTypes: ['Egress'],
    egress: [{ to: ps.networks.map((n) => ({ podSelector: members(k, n) })) }, { ports: DNS_PORTS.map((p) => ({ ...p })) }],
  };
  return tag(
    {
      apiVersion: API,
      kind: 'NetworkPolicy',
      metadata: objectMeta(k, k.names.NetworkPolicy.takeSuffixed(ps.name, 'internal'), ps.name),
      spec,
    },
    ps.elementId,
  );
}

function driverNotes(k: KubeContext): void {
  for (const [name, n] of Object.entries(k.blueprint.networks ?? {})) {
    const id = elementId.network(name);
    if (n.driver !== undefined)
      k.note(
        'lost',
        ['networks', name, 'driver'],
        id,
        `Network driver "${n.driver}" is Docker's; on Kubernetes a segment is a NetworkPolicy.`,
      );
    if (n.external)
      k.note(
        'approximated',
        ['networks', name, 'external'],
        id,
        `External network ${name} becomes a segment of this blueprint's pods only.`,
      );
  }
}
