import type { Blueprint } from '@blaupause/model';
import { hasErrors, validate } from '@blaupause/model';
import Docker from 'dockerode';
import { dockerOptions } from '../docker/driver';
import { EngineFailure, toEngineError } from '../docker/errors';
import { localImages } from '../docker/images';
import { endpointOf } from '../docker/status/endpoint';
import { ProjectLock } from '../lock';
import { dangerousSettingsError, unacknowledged } from '../policy/acknowledge';
import { checkProjectName } from '../project-name';
import type {
  DeploymentSummary,
  DeployOptions,
  DeployPlan,
  DestroyOptions,
  Driver,
  EngineError,
  EngineInfo,
  LogLine,
  LogOptions,
  ProgressEvent,
  Result,
  StatusEvent,
} from '../types';
import { type SwarmDesired, swarmDesired } from './desired';
import { destroyStack, listStacks } from './destroy';
import { type SwarmDiff, swarmDiff } from './diff';
import { executeStack } from './execute';
import { stackLogs } from './logs';
import { foreignVolume, idsByName, observeStack } from './observe';
import { swarmDangers } from './policy';
import type { SwarmDefaults } from './spec';
import { watchStack } from './watch';

/**
 * The Swarm driver: `docker stack deploy` through the Engine API on a swarm manager (a
 * single-node swarm will do). Same contract as the Docker driver: plan/apply with progress events,
 * destroy, list, watch (tasks as container statuses), logs; errors as data, ownership labels,
 * one apply or destroy per project at a time (BUSY), AbortSignal, dangerous settings by id.
 */
export interface SwarmDriverOptions {
  /** Service endpoint mode: `vip` (Swarm's default) or `dnsrr` (needed where the kernel has no IPVS). */
  endpointMode?: 'vip' | 'dnsrr';
  /** Port publishing: `ingress` (routing mesh) or `host`; default `host` under dnsrr, else `ingress`. */
  publishMode?: 'ingress' | 'host';
  /** What a failed update does when the blueprint's rollout does not say (default rollback). */
  failureAction?: 'rollback' | 'pause' | 'continue';
  /** How long each new task is watched for failure when the rollout does not say (Go duration, default 5s). */
  monitor?: string;
  /** Seconds a task gets between SIGTERM and SIGKILL when it is replaced or removed (Swarm's default 10). */
  stopGracePeriodSeconds?: number;
  /** How long apply waits for a service to converge (default 180 s). */
  convergeTimeoutMs?: number;
  /** Task polling interval of apply and of the status stream (default 500 ms / 2 s). */
  pollMs?: number;
  watchPollMs?: number;
  /** Failed tasks of a new service before apply reports a crash loop (default 3). */
  maxFailures?: number;
  /** How long a service without a healthcheck must stay up before apply counts it converged (default 2000 ms). */
  settleMs?: number;
  endpoint?: string;
}

export class SwarmDriver implements Driver {
  readonly docker: Docker;
  readonly endpoint: string;
  private readonly lock = new ProjectLock({
    toError: (e) => (e instanceof EngineFailure ? e.error : toEngineError(e, this.endpoint, 'Deploy')),
  });
  private readonly defaults: SwarmDefaults;
  private readonly opts: Required<Pick<SwarmDriverOptions, 'convergeTimeoutMs' | 'pollMs' | 'watchPollMs' | 'maxFailures' | 'settleMs'>>;

  constructor(docker: Docker | Docker.DockerOptions, options: SwarmDriverOptions = {}) {
    this.docker = docker instanceof Docker ? docker : new Docker(docker);
    this.endpoint = options.endpoint ?? endpointOf(this.docker);
    this.defaults = {
      endpointMode: options.endpointMode ?? 'vip',
      publishMode: options.publishMode,
      failureAction: options.failureAction ?? 'rollback',
      monitor: options.monitor ?? '5s',
      stopGracePeriodSeconds: options.stopGracePeriodSeconds,
    };
    this.opts = {
      convergeTimeoutMs: options.convergeTimeoutMs ?? 180_000,
      pollMs: options.pollMs ?? 500,
      watchPollMs: options.watchPollMs ?? 2000,
      maxFailures: options.maxFailures ?? 3,
      settleMs: options.settleMs ?? 2000,
    };
  }

  async info(): Promise<Result<EngineInfo>> {
    try {
      const [v, i] = await Promise.all([this.docker.version(), this.docker.info()]);
      return {
        ok: true,
        value: {
          kind: 'swarm',
          endpoint: this.endpoint,
          version: v.Version,
          apiVersion: v.ApiVersion,
          os: v.Os,
          arch: v.Arch,
          containersRunning: i.ContainersRunning ?? 0,
          swarm: i.Swarm?.LocalNodeState === 'active',
        },
      };
    } catch (e) {
      return { ok: false, error: toEngineError(e, this.endpoint, 'Reading engine info') };
    }
  }

  async plan(blueprint: Blueprint, options: DeployOptions): Promise<Result<DeployPlan>> {
    const r = await this.reconcile(blueprint, options);
    return r.ok ? { ok: true, value: r.value.diff.plan } : r;
  }

  apply(blueprint: Blueprint, options: DeployOptions): AsyncIterable<ProgressEvent> {
    return this.lock.run(options.project, async (emit) => {
      const r = await this.reconcile(blueprint, options);
      if (!r.ok) return [r.error];
      emit({ kind: 'plan', plan: r.value.diff.plan });
      const missing = unacknowledged(r.value.diff.plan.dangers ?? [], options.acknowledge);
      if (missing.length > 0) return [dangerousSettingsError(missing)];
      if (r.value.diff.plan.noop) return [];
      return executeStack(
        { ...this.opts, docker: this.docker, endpoint: this.endpoint, project: options.project, signal: options.signal, emit },
        r.value.desired,
        r.value.diff,
      );
    });
  }

  destroy(project: string, options: DestroyOptions = {}): AsyncIterable<ProgressEvent> {
    return this.lock.run(project, (emit) =>
      destroyStack(
        { docker: this.docker, endpoint: this.endpoint, signal: options.signal, emit },
        project,
        options.allVolumes ? 'all' : (options.volumes ?? []),
      ),
    );
  }

  async list(): Promise<Result<DeploymentSummary[]>> {
    try {
      return { ok: true, value: await listStacks(this.docker) };
    } catch (e) {
      return { ok: false, error: toEngineError(e, this.endpoint, 'Listing stacks') };
    }
  }

  watch(project: string | undefined, signal: AbortSignal): AsyncIterable<StatusEvent> {
    return watchStack(this.docker, project, signal, this.opts.watchPollMs);
  }

  logs(options: LogOptions): AsyncIterable<LogLine> {
    return stackLogs(this.docker, options, this.opts.watchPollMs);
  }

  private async reconcile(blueprint: Blueprint, options: DeployOptions): Promise<Result<{ desired: SwarmDesired; diff: SwarmDiff }>> {
    const bad = checkProjectName(options.project);
    if (bad) return { ok: false, error: bad };
    const diagnostics = validate(blueprint);
    if (hasErrors(diagnostics))
      return {
        ok: false,
        error: {
          code: 'INVALID_BLUEPRINT',
          message: 'The blueprint has errors; fix them before deploying.',
          diagnostics: diagnostics.filter((d) => d.severity === 'error'),
        },
      };
    const desired = swarmDesired({ project: options.project, blueprint, baseDir: options.baseDir, defaults: this.defaults });
    if (!desired.ok) return desired;
    try {
      const notManager = await this.swarmCheck();
      if (notManager) return { ok: false, error: notManager };
      const d = desired.value;
      const [observed, images, secrets, configs] = await Promise.all([
        observeStack(this.docker, options.project, options.signal),
        localImages(this.docker, d.images),
        idsByName(
          this.docker,
          'secret',
          d.data.filter((x) => x.external && x.kind === 'secret').map((x) => x.name),
        ),
        idsByName(
          this.docker,
          'config',
          d.data.filter((x) => x.external && x.kind === 'config').map((x) => x.name),
        ),
      ]);
      const nets = await Promise.all(
        d.networks
          .filter((n) => n.external)
          .map((n) =>
            this.docker
              .getNetwork(n.name)
              .inspect()
              .then(
                () => `network:${n.name}`,
                () => '',
              ),
          ),
      );
      const external = new Set([
        ...nets,
        ...[...secrets.keys()].map((n) => `secret:${n}`),
        ...[...configs.keys()].map((n) => `config:${n}`),
      ]);
      const diff = swarmDiff(d, observed, images, external);
      if (!diff.ok) return diff;
      const foreign = await foreignVolume(this.docker, options.project, d.volumes);
      if (foreign) return { ok: false, error: foreign };
      diff.value.plan.dangers = swarmDangers(d, options.baseDir);
      return { ok: true, value: { desired: d, diff: diff.value } };
    } catch (e) {
      return { ok: false, error: toEngineError(e, this.endpoint, 'Reading the stack') };
    }
  }

  private async swarmCheck(): Promise<EngineError | undefined> {
    const i = await this.docker.info();
    if (i.Swarm?.LocalNodeState === 'active' && i.Swarm?.ControlAvailable) return undefined;
    return {
      code: 'UNSUPPORTED',
      message:
        i.Swarm?.LocalNodeState === 'active'
          ? `The engine at ${this.endpoint} is a swarm worker; stacks are deployed through a manager.`
          : `The engine at ${this.endpoint} is not part of a swarm.`,
      hint: 'Run "docker swarm init" (a single-node swarm will do), or point DOCKER_HOST at a manager.',
    };
  }
}

/** The Swarm driver for the manager at `host`, else DOCKER_HOST, else the default socket. */
export function createSwarmDriver(config: { host?: string } & SwarmDriverOptions = {}): SwarmDriver {
  const { host, ...options } = config;
  return new SwarmDriver(dockerOptions(host ?? process.env.DOCKER_HOST), options);
}
