import { rollbackConfig, updateConfig } from '@blaupause/compiler';
import type { Container, Mount, Rollout, Service } from '@blaupause/model';
import { quantityBytes } from '@blaupause/model';
import type Docker from 'dockerode';
import { durationNs } from '../docker/create-options';
import { volumeName } from '../docker/labels';
import { ownLabels, SWARM_LABEL } from './labels';
import { ENDPOINT_MODE_LABEL, PUBLISH_MODE_LABEL, type SpecContext, type SwarmDefaults } from './spec';

/** The pieces of a service spec beside the container: update/rollback, endpoint, resources, volume and data references. */

/** The compiler's update_config, in the Engine API's terms; the driver's defaults fill what the rollout leaves open. */
export function swarmUpdate(
  rollout: Rollout | undefined,
  d: SwarmDefaults,
): { update: Docker.UpdateConfig; rollback: Docker.UpdateConfig } {
  const u = updateConfig(rollout ?? { strategy: 'rolling' });
  const update: Docker.UpdateConfig = {
    Parallelism: u.parallelism,
    Order: u.order,
    FailureAction: u.failure_action ?? d.failureAction,
    Monitor: durationNs(u.monitor ?? d.monitor),
  };
  const r = rollbackConfig(u);
  return { update, rollback: { Parallelism: r.parallelism, Order: r.order, FailureAction: 'pause', Monitor: update.Monitor } };
}

export function endpoint(svc: Service, publishes: boolean, d: SwarmDefaults): Docker.EndpointSpec {
  const mode = (svc.labels?.[ENDPOINT_MODE_LABEL] ?? d.endpointMode) === 'dnsrr' ? 'dnsrr' : 'vip';
  const publishMode = svc.labels?.[PUBLISH_MODE_LABEL] ?? d.publishMode ?? (mode === 'dnsrr' ? 'host' : 'ingress');
  const ports = publishes
    ? (svc.ports ?? []).flatMap((p) =>
        p.publish === undefined
          ? []
          : [
              {
                Protocol: p.protocol,
                TargetPort: p.port,
                PublishedPort: p.publish,
                PublishMode: publishMode === 'host' ? ('host' as const) : ('ingress' as const),
              },
            ],
      )
    : [];
  return { Mode: mode, ...(ports.length ? { Ports: ports } : {}) };
}

export function resources(c: Container): Docker.ResourceRequirements {
  const { limits, requests } = c.resources ?? {};
  const limit = {
    ...(limits?.cpus !== undefined ? { NanoCPUs: Math.round(limits.cpus * 1e9) } : {}),
    ...(limits?.memory ? { MemoryBytes: quantityBytes(limits.memory) } : {}),
  };
  const reserve = {
    ...(requests?.cpus !== undefined ? { NanoCPUs: Math.round(requests.cpus * 1e9) } : {}),
    ...(requests?.memory ? { MemoryBytes: quantityBytes(requests.memory) } : {}),
  };
  return { ...(Object.keys(limit).length ? { Limits: limit } : {}), ...(Object.keys(reserve).length ? { Reservations: reserve } : {}) };
}

type DockerMount = NonNullable<Docker.ContainerSpec['Mounts']>[number];

/** Named volumes are created by the node that runs the task: with our labels, so they are ours. */
export function volumeLabels(ctx: SpecContext, m: DockerMount): DockerMount {
  if (m.Type !== 'volume') return m;
  const entry = Object.entries(ctx.plan.blueprint.volumes ?? {}).find(([k]) => volumeName(ctx.project, k) === m.Source);
  if (!entry || entry[1].external) return m;
  const [key, v] = entry;
  const opts = v.ephemeral ? { type: 'tmpfs', device: 'tmpfs', ...(v.size ? { o: `size=${v.size.replace(/i$/, '')}` } : {}) } : undefined;
  const driver = v.ephemeral ? 'local' : v.driver;
  const volumeOptions = {
    Labels: ownLabels(ctx.project, { ...(v.labels ?? {}), [SWARM_LABEL.key]: key }),
    ...(driver || opts ? { DriverConfig: { ...(driver ? { Name: driver } : {}), ...(opts ? { Options: opts } : {}) } } : {}),
  };
  // dockerode's type wants every field; the engine takes any subset.
  return { ...m, VolumeOptions: volumeOptions as unknown as DockerMount['VolumeOptions'] };
}

export type DataMount = Extract<Mount, { type: 'secret' | 'config' }>;
export const isData = (m: Mount): m is DataMount => m.type === 'secret' || m.type === 'config';

export function dataRefs(ctx: SpecContext, mounts: DataMount[]): { secrets: Docker.SecretReference[]; configs: Docker.ConfigReference[] } {
  const secrets: Docker.SecretReference[] = [];
  const configs: Docker.ConfigReference[] = [];
  for (const m of mounts) {
    if (m.type === 'secret')
      secrets.push({
        SecretName: ctx.dataNames.secret.get(m.source) ?? m.source,
        File: { Name: m.target, UID: '0', GID: '0', Mode: 0o444 },
      });
    else if (m.type === 'config')
      configs.push({
        ConfigName: ctx.dataNames.config.get(m.source) ?? m.source,
        File: { Name: m.target, UID: '0', GID: '0', Mode: 0o444 },
      });
  }
  return { secrets, configs };
}

/** What Swarm does otherwise than the blueprint says (the compiler's notes, in the plan's reasons). */
export function swarmNotes(svc: Service, host: boolean): string[] {
  const out = (host ? [] : (svc.ports ?? []))
    .filter((p) => p.hostIp && p.publish !== undefined)
    .map((p) => `port ${p.publish} is published on every address (Swarm cannot bind it to ${p.hostIp})`);
  if (svc.scaling) out.push(`no autoscaling in Swarm: ${svc.replicas} fixed replicas`);
  if (svc.rollout?.strategy === 'canary')
    out.push(`no canary in Swarm: an update replaces ${svc.rollout.canary?.replicas ?? 1} task(s) first and pauses on failure`);
  return out;
}
