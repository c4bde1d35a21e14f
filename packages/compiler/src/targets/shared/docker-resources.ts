import type { Blueprint } from '@blaupause/model';
import { elementId } from '@blaupause/model';
import { DEFAULT_NETWORK, type Plan } from '../../plan/plan';
import { renderEntries, tag } from '../../yaml';
import type { EmitContext } from '../emitter';
import { compact, type DockerTarget } from './docker-service';
import { esc, escMap } from './interpolation';
import { quantityToDockerBytes } from './quantity';

/**
 * Top-level volumes, networks, configs and secrets for Compose and Swarm. External resources
 * carry `external: true` only: Compose refuses other settings beside it. Swarm cannot create
 * configs from inline content nor secrets from environment variables; those are left out and
 * their names collected in `omitted`, so that mounts of them are left out too.
 */

type Section = Record<string, unknown>;

const tool = (t: DockerTarget) => (t === 'compose' ? 'Compose' : 'Swarm');

/**
 * The top-level `volumes` entry. With the incremental compiler it is rendered once (with its notes)
 * and reused while nothing it reads changed: the volumes are among the shared inputs (a change
 * drops every kept piece), and only per-replica and ephemeral volumes read the services.
 */
export function dockerVolumesEntry(ctx: EmitContext, target: DockerTarget): unknown {
  const memo = ctx.memo;
  if (!memo) return dockerVolumes(ctx, target);
  const bp = ctx.plan.blueprint;
  const readsServices = Object.values(bp.volumes ?? {}).some((v) => v.perReplica || v.ephemeral);
  return memo.section('volumes', readsServices ? [bp.services] : [], () => renderEntries([['volumes', dockerVolumes(ctx, target)]], 0));
}

export function dockerVolumes(ctx: EmitContext, target: DockerTarget): Section | undefined {
  const volumes = ctx.plan.blueprint.volumes;
  if (!volumes) return undefined;
  const out: Section = {};
  // Only per-replica and ephemeral volumes ask how many replicas mount them: a walk over every
  // service's mounts, made once and only then.
  let replicas: Map<string, number> | undefined;
  const replicasOf = (name: string) => {
    replicas ??= volumeReplicas(ctx.plan.blueprint);
    return replicas.get(name) ?? 0;
  };
  for (const [name, v] of Object.entries(volumes)) {
    const id = elementId.volume(name);
    const path = ['volumes', name];
    if (v.external) {
      out[name] = tag({ external: true }, id);
      continue;
    }
    if (v.size !== undefined && !v.ephemeral)
      ctx.note('lost', [...path, 'size'], id, `${tool(target)} volumes have no size: ${name} can grow to fill the disk.`);
    if (v.perReplica && replicasOf(name) > 1)
      ctx.note(
        'approximated',
        [...path, 'perReplica'],
        id,
        `${tool(target)} has no per-replica volumes: all replicas of a service mount the one volume ${name}${target === 'swarm' ? ' (one copy per node)' : ''}.`,
      );
    if (v.ephemeral && replicasOf(name) > 1)
      ctx.note(
        'approximated',
        [...path, 'ephemeral'],
        id,
        `${tool(target)} keeps the ephemeral volume ${name} in one tmpfs${target === 'swarm' ? ' per node' : ''}, shared by all replicas that mount it, not one per replica.`,
      );
    if (target === 'swarm' && v.access === 'shared' && !v.ephemeral)
      ctx.note(
        'approximated',
        [...path, 'access'],
        id,
        `Swarm creates a local volume on every node: tasks on different nodes do not share ${name}.`,
        'Use a volume driver that shares data across nodes (e.g. NFS), or place the services on one node.',
      );
    // `{}` rather than an object of undefined keys, which the writer prints as null.
    const plain = compact({ driver: esc(v.driver), labels: escMap(v.labels) }) ?? {};
    out[name] = tag(v.ephemeral ? ephemeralVolume(v.size, escMap(v.labels)) : plain, id);
  }
  return out;
}

/** tmpfs behind the local driver: kept in memory, gone when the engine restarts or the volume is removed. */
function ephemeralVolume(size: string | undefined, labels: Record<string, string> | undefined): Section {
  const bytes = size === undefined ? undefined : quantityToDockerBytes(size);
  return { driver: 'local', driver_opts: { type: 'tmpfs', device: 'tmpfs', o: bytes && `size=${bytes}` }, labels };
}

export const SWARM_HOST_NETWORK = 'host';

export function dockerNetworks(ctx: EmitContext, target: DockerTarget, usesHostNetwork: boolean): Section | undefined {
  const networks = ctx.plan.blueprint.networks;
  const out: Section = {};
  for (const [name, n] of Object.entries(networks ?? {})) {
    const id = elementId.network(name);
    if (n.external) out[name] = tag({ external: true }, id);
    else if (target === 'compose')
      out[name] = tag(compact({ driver: esc(n.driver), internal: n.internal || undefined, labels: escMap(n.labels) }) ?? {}, id);
    // Overlay spans the nodes of the swarm; attachable lets `docker run --network` join for debugging.
    else
      out[name] = tag(
        { driver: esc(n.driver) ?? 'overlay', attachable: true, internal: n.internal || undefined, labels: escMap(n.labels) },
        id,
      );
  }
  // Swarm reaches the host's network stack through the predefined "host" network, declared external.
  if (usesHostNetwork && !(SWARM_HOST_NETWORK in out)) out[SWARM_HOST_NETWORK] = { name: 'host', external: true };
  return compact(out);
}

/** The networks a service joins; omitted when it only uses the project's implicit default network. */
export function serviceNetworks(plan: Plan, networks: readonly string[]): string[] | undefined {
  // The usual case, answered without building a list: only the implicit default network.
  if (networks.length === 1 && networks[0] === DEFAULT_NETWORK && !(plan.blueprint.networks && DEFAULT_NETWORK in plan.blueprint.networks))
    return undefined;
  const declared = plan.blueprint.networks ?? {};
  const joined = networks.filter((n) => n in declared || n === DEFAULT_NETWORK);
  if (joined.length === 1 && joined[0] === DEFAULT_NETWORK && !(DEFAULT_NETWORK in declared)) return undefined;
  return joined.length > 0 ? joined : undefined;
}

export function dockerConfigs(ctx: EmitContext, target: DockerTarget, omitted: Set<string>): Section | undefined {
  const configs = ctx.plan.blueprint.configs;
  if (!configs) return undefined;
  const out: Section = {};
  for (const [name, c] of Object.entries(configs)) {
    const id = elementId.config(name);
    if (target === 'swarm' && c.content !== undefined && !c.file && !c.external) {
      omitted.add(`config:${name}`);
      ctx.note(
        'lost',
        ['configs', name, 'content'],
        id,
        `docker stack deploy cannot create a config from inline content: ${name} is left out of the stack, and so are its mounts.`,
        'Give the config a file, or create it with "docker config create" and mark it external.',
      );
      continue;
    }
    out[name] = tag(c.external ? { external: true } : { file: esc(c.file), content: esc(c.content) }, id);
  }
  return compact(out);
}

export function dockerSecrets(ctx: EmitContext, target: DockerTarget, omitted: Set<string>): Section | undefined {
  const secrets = ctx.plan.blueprint.secrets;
  if (!secrets) return undefined;
  const out: Section = {};
  for (const [name, s] of Object.entries(secrets)) {
    const id = elementId.secret(name);
    if (target === 'swarm' && s.environment !== undefined && !s.file && !s.external) {
      omitted.add(`secret:${name}`);
      ctx.note(
        'lost',
        ['secrets', name, 'environment'],
        id,
        `docker stack deploy cannot create a secret from an environment variable: ${name} is left out of the stack, and so are its mounts.`,
        'Create it with "docker secret create" and mark it external, or give it a file.',
      );
      continue;
    }
    out[name] = tag(s.external ? { external: true } : { file: esc(s.file), environment: esc(s.environment) }, id);
  }
  return compact(out);
}

/**
 * The most replicas any service mounting a volume may run (scaling and global mode included):
 * per-replica volumes only differ from one shared volume when that is more than one.
 */
export function volumeReplicas(bp: Blueprint): Map<string, number> {
  const out = new Map<string, number>();
  // for-in over the parsed blueprint's plain objects: no arrays of values built (this runs per compile).
  for (const name in bp.services) {
    const svc = bp.services[name] as Blueprint['services'][string];
    const most = Math.max(svc.replicas, svc.scaling?.max ?? 0, svc.mode === 'global' ? 2 : 0);
    for (const cn in svc.containers) {
      const mounts = svc.containers[cn]?.mounts;
      if (mounts) for (const m of mounts) if (m.type === 'volume') out.set(m.source, Math.max(out.get(m.source) ?? 0, most));
    }
  }
  return out;
}
