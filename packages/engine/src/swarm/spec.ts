import { type PlannedContainer, type PlannedService, type plan, restartPolicy, swarmConstraint } from '@blaupause/compiler';
import type { ContainerRole } from '@blaupause/model';
import type Docker from 'dockerode';
import { createOptions, envList } from '../docker/create-options';
import { configHash } from '../docker/hash';
import { composeService } from '../docker/labels';
import type { EngineError, Result } from '../types';
import { ownLabels, SWARM_LABEL, stackName } from './labels';
import { joined } from './resources';
import { dataRefs, endpoint, isData, resources, swarmNotes, swarmUpdate, volumeLabels } from './spec-parts';

/**
 * One blueprint container → one Swarm service spec (pure). Swarm has no pods, so this follows the
 * compiler's swarm target exactly: the main container is the service `<stack>_<service>`, each
 * helper its own service `<stack>_<service>-<container>` with the main's replicas, networks,
 * placement and rollout (it reaches the main by name, not on localhost), each init container a
 * one-shot service (restart none). The container part reuses the Docker driver's create options;
 * the rollout, constraint and restart decisions are the compiler's (`updateConfig` & co.).
 */
export interface SwarmDefaults {
  /** `vip` (Swarm's default) or `dnsrr`; a service label `dev.blaupause.swarm.endpoint-mode` wins. */
  endpointMode: 'vip' | 'dnsrr';
  /** `ingress` (routing mesh) or `host`; default `host` under dnsrr (Swarm refuses ingress there). */
  publishMode?: 'ingress' | 'host' | undefined;
  /** When the blueprint's rollout does not say: what a failed update does. */
  failureAction: 'rollback' | 'pause' | 'continue';
  /** When the blueprint's rollout does not say: how long a new task is watched after it starts. */
  monitor: string;
  /** Seconds a task gets between SIGTERM and SIGKILL (Swarm's default: 10). */
  stopGracePeriodSeconds?: number | undefined;
}

export const ENDPOINT_MODE_LABEL = 'dev.blaupause.swarm.endpoint-mode';
export const PUBLISH_MODE_LABEL = 'dev.blaupause.swarm.publish-mode';

export interface DesiredSwarmService {
  /** Stack-local name (`web`, `web-sync`): the network alias. */
  key: string;
  /** Engine name `<stack>_<key>`. */
  name: string;
  service: string;
  container: string;
  role: ContainerRole;
  elementId: string;
  image: string;
  /** Replica count; undefined for global services. */
  replicas: number | undefined;
  /** Spec with secret/config names but no ids yet (filled at apply). */
  spec: Docker.ServiceSpec;
  hash: string;
  secrets: string[];
  configs: string[];
  /** What Swarm cannot do as the blueprint says and does otherwise (shown in the plan's reasons). */
  notes: string[];
  networks: string[];
}

export interface SpecContext {
  project: string;
  plan: ReturnType<typeof plan>;
  baseDir?: string | undefined;
  defaults: SwarmDefaults;
  /** Engine names of secrets/configs by blueprint key (hashed names). */
  dataNames: { secret: Map<string, string>; config: Map<string, string> };
}

export function serviceSpecs(ctx: SpecContext): Result<DesiredSwarmService[]> {
  const out: DesiredSwarmService[] = [];
  const jobs = new Set(ctx.plan.services.flatMap((s) => s.links.filter((l) => l.link.condition === 'completed').map((l) => l.target)));
  for (const s of ctx.plan.services) {
    const main = s.main;
    if (!main) return fail('INVALID_BLUEPRINT', `Service "${s.name}" has no main container.`, s.elementId);
    const bad = unsupported(s);
    if (bad) return { ok: false, error: bad };
    const list: [PlannedContainer, 'init' | 'main' | 'helper'][] = [
      ...s.inits.map((c) => [c, 'init'] as [PlannedContainer, 'init']),
      [main, 'main'],
      ...s.helpers.map((c) => [c, 'helper'] as [PlannedContainer, 'helper']),
    ];
    for (const [pc, kind] of list) {
      const r = oneSpec(ctx, s, pc, kind, jobs.has(s.name));
      if (!r.ok) return r;
      out.push(r.value);
    }
  }
  return { ok: true, value: out };
}

function oneSpec(
  ctx: SpecContext,
  s: PlannedService,
  pc: PlannedContainer,
  kind: 'init' | 'main' | 'helper',
  job: boolean,
): Result<DesiredSwarmService> {
  const svc = s.service;
  const c = pc.container;
  const key = composeService(s.name, pc.name, kind === 'main');
  const name = stackName(ctx.project, key);
  const data = (c.mounts ?? []).filter(isData);
  const mapped = createOptions(
    { project: ctx.project, blueprint: ctx.plan.blueprint, baseDir: ctx.baseDir },
    s.name,
    svc,
    pc.name,
    { ...c, mounts: (c.mounts ?? []).filter((m) => !isData(m)) },
    pc.elementId,
  );
  if (!mapped.ok) return mapped;
  const o = mapped.options;
  const env = kind === 'main' ? { ...linkEnv(s), ...(c.env ?? {}) } : { ...(c.env ?? {}) };
  const identity = {
    [SWARM_LABEL.element]: pc.elementId,
    [SWARM_LABEL.blueprintService]: s.name,
    [SWARM_LABEL.container]: pc.name,
    [SWARM_LABEL.role]: c.role,
  };
  const refs = dataRefs(ctx, data);
  const containerSpec: Docker.ContainerSpec = {
    Image: c.image as string,
    // Task containers are Swarm's, not ours: no ownership label, so the Docker driver never takes them for its own.
    Labels: { ...identity, [SWARM_LABEL.namespace]: ctx.project },
    Env: envList(env),
    Mounts: (o.HostConfig?.Mounts ?? []).map((m) => volumeLabels(ctx, m)),
    ...(o.Entrypoint ? { Command: o.Entrypoint as string[] } : {}),
    ...(o.Cmd ? { Args: o.Cmd as string[] } : {}),
    ...(o.WorkingDir ? { Dir: o.WorkingDir } : {}),
    ...(o.User ? { User: o.User } : {}),
    ...(o.Healthcheck ? { HealthCheck: o.Healthcheck } : {}),
    ...(c.capAdd?.length ? { CapabilityAdd: [...c.capAdd] } : {}),
    ...(c.capDrop?.length ? { CapabilityDrop: [...c.capDrop] } : {}),
    ...(c.readOnlyRootFilesystem ? { ReadOnly: true } : {}),
    ...(refs.secrets.length ? { Secrets: refs.secrets } : {}),
    ...(refs.configs.length ? { Configs: refs.configs } : {}),
    ...(ctx.defaults.stopGracePeriodSeconds !== undefined ? { StopGracePeriod: ctx.defaults.stopGracePeriodSeconds * 1e9 } : {}),
  };
  const host = svc.hostNetwork === true;
  const networks = host ? ['host'] : joined(ctx.plan.blueprint, s.networks).map((n) => networkRef(ctx, n));
  const placement = svc.placement?.constraints.length
    ? { Constraints: svc.placement.constraints.map((x) => swarmConstraint(x).replaceAll('$$', '$')) }
    : undefined;
  const restart =
    kind === 'init'
      ? { condition: 'none' }
      : (restartPolicy(c.restart) ?? (kind === 'main' && job ? { condition: 'on-failure' } : undefined));
  const global = svc.mode === 'global' && kind !== 'init';
  const replicas = global ? undefined : kind === 'init' ? 1 : svc.replicas;
  const update = kind === 'init' ? undefined : swarmUpdate(svc.rollout, ctx.defaults);
  const spec: Docker.ServiceSpec = {
    Name: name,
    Labels: ownLabels(ctx.project, { ...(svc.labels ?? {}), ...identity, [SWARM_LABEL.image]: c.image as string }),
    TaskTemplate: {
      ContainerSpec: containerSpec,
      Resources: resources(c),
      ...(restart ? { RestartPolicy: { Condition: restart.condition } } : {}),
      ...(placement ? { Placement: placement } : {}),
      Networks: networks.map((n) => (host ? { Target: n } : { Target: n, Aliases: [key] })),
    },
    Mode: global ? { Global: {} } : { Replicated: { Replicas: replicas } },
    ...(update ? { UpdateConfig: update.update, RollbackConfig: update.rollback } : {}),
    EndpointSpec: endpoint(svc, kind === 'main' && !host, ctx.defaults),
  };
  const notes = kind === 'main' ? swarmNotes(svc, host) : [];
  // The hash leaves out the replica count: scaling is not an update.
  const hash = configHash({ ...spec, Mode: global ? 'global' : 'replicated' });
  (spec.Labels as Record<string, string>)[SWARM_LABEL.specHash] = hash;
  return {
    ok: true,
    value: {
      key,
      name,
      service: s.name,
      container: pc.name,
      role: c.role,
      elementId: pc.elementId,
      image: c.image as string,
      replicas,
      spec,
      hash,
      secrets: refs.secrets.map((r) => r.SecretName as string),
      configs: refs.configs.map((r) => r.ConfigName as string),
      notes,
      networks: host ? [] : networks,
    },
  };
}

function networkRef(ctx: SpecContext, n: string): string {
  return ctx.plan.blueprint.networks?.[n]?.external ? n : stackName(ctx.project, n);
}

function linkEnv(s: PlannedService): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of s.links) if (l.link.env && l.port !== undefined) out[l.link.env] = `${l.link.protocol ?? 'tcp'}://${l.target}:${l.port}`;
  return out;
}

/** What a Swarm service cannot carry: refused by name rather than dropped (the compiler notes them as lost). */
function unsupported(s: PlannedService): EngineError | undefined {
  if (s.service.hostPid)
    return err(s.elementId, `Service "${s.name}" shares the host PID namespace (hostPid), which Swarm services cannot do.`);
  if (s.service.hostIpc)
    return err(s.elementId, `Service "${s.name}" shares the host IPC namespace (hostIpc), which Swarm services cannot do.`);
  for (const pc of [...s.inits, ...(s.main ? [s.main] : []), ...s.helpers]) {
    if (pc.container.privileged)
      return err(pc.elementId, `Container "${pc.name}" of "${s.name}" is privileged, which Swarm services cannot be.`);
    if (pc.container.devices?.length)
      return err(pc.elementId, `Container "${pc.name}" of "${s.name}" maps host devices, which Swarm services cannot do.`);
  }
  return undefined;
}

const err = (elementId: string, message: string): EngineError => ({
  code: 'UNSUPPORTED',
  message,
  elementId,
  hint: 'Deploy this blueprint with the Docker target, or remove the setting.',
});

function fail(code: EngineError['code'], message: string, elementId: string): { ok: false; error: EngineError } {
  return { ok: false, error: { code, message, elementId } };
}

export const usedData = (p: ReturnType<typeof plan>, type: 'secret' | 'config'): Set<string> =>
  new Set(
    p.services.flatMap((s) =>
      [...s.inits, ...(s.main ? [s.main] : []), ...s.helpers].flatMap((pc) =>
        (pc.container.mounts ?? []).flatMap((m) => (m.type === type ? [m.source] : [])),
      ),
    ),
  );
