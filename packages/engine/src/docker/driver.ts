import type { Blueprint } from '@blaupause/model';
import { hasErrors, validate } from '@blaupause/model';
import Docker from 'dockerode';
import { type LockedWork, ProjectLock } from '../lock';
import { dangerousSettingsError, unacknowledged } from '../policy/acknowledge';
import { desiredDangers } from '../policy/desired';
import { foreignVolumes } from '../policy/ownership';
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
import { prepareBuilds } from './build';
import type { Desired } from './desired';
import { desiredState } from './desired';
import { destroyProject } from './destroy';
import { type Diff, diff } from './diff';
import { EngineFailure, toEngineError } from './errors';
import { execute } from './execute';
import { localImages } from './images';
import { LABEL } from './labels';
import { followLogs } from './logs';
import { observe } from './observed';
import { watchStatus } from './status';

/**
 * The Docker driver (DESIGN §5): Compose semantics through the Engine API. Constructed by the
 * composition root with a dockerode instance (or connection options) and injected; nothing
 * connects on import. Podman's Docker-compatible socket works the same way.
 */
export interface DockerDriverOptions {
  /** How many services start at once (independent branches of the link graph). */
  concurrency?: number;
  /** How many containers are created at once (creates run ahead of the starts). */
  createConcurrency?: number;
  /** Grace period before the engine kills a container being replaced or removed. */
  stopTimeoutSeconds?: number;
  /** How long an apply watches the containers it started for exits and crash loops. */
  settleMs?: number;
  /** For messages: where the engine was reached. */
  endpoint?: string;
}

/** Replacements for watch() and logs(), which live beside the driver (docker/status, docker/logs). */
export interface StreamFunctions {
  watch?: (docker: Docker, project: string | undefined, signal: AbortSignal) => AsyncIterable<StatusEvent>;
  logs?: (docker: Docker, options: LogOptions) => AsyncIterable<LogLine>;
}

export class DockerDriver implements Driver {
  readonly docker: Docker;
  readonly endpoint: string;
  private readonly lock = new ProjectLock({
    toError: (e) => (e instanceof EngineFailure ? e.error : toEngineError(e, this.endpoint, 'Deploy')),
    released: (project) => this.idle(project),
  });
  private readonly idleListeners = new Set<(project: string) => void | Promise<void>>();
  private readonly opts: Required<Omit<DockerDriverOptions, 'endpoint'>>;

  constructor(
    docker: Docker | Docker.DockerOptions,
    options: DockerDriverOptions = {},
    private readonly streams: StreamFunctions = {},
  ) {
    this.docker = docker instanceof Docker ? docker : new Docker(docker);
    this.endpoint = options.endpoint ?? describeEndpoint(this.docker);
    this.opts = {
      concurrency: options.concurrency ?? 4,
      createConcurrency: options.createConcurrency ?? 8,
      stopTimeoutSeconds: options.stopTimeoutSeconds ?? 10,
      settleMs: options.settleMs ?? 1000,
    };
  }

  async info(): Promise<Result<EngineInfo>> {
    try {
      const [v, i] = await Promise.all([this.docker.version(), this.docker.info()]);
      const podman = (v.Components ?? []).some((c: { Name?: string }) => /podman/i.test(c.Name ?? ''));
      return {
        ok: true,
        value: {
          kind: podman ? 'podman' : 'docker',
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
    return this.exclusive(options.project, (emit) => this.applyHeld(blueprint, options, emit));
  }

  /** apply()'s work, for a caller that holds the project's lock already (the orchestrator). */
  async applyHeld(blueprint: Blueprint, options: DeployOptions, emit: (e: ProgressEvent) => void): Promise<EngineError[]> {
    const r = await this.reconcile(blueprint, options);
    if (!r.ok) return [r.error];
    emit({ kind: 'plan', plan: r.value.diff.plan });
    // Before any mutating call: without an itemised acknowledgement nothing is created (DESIGN §7).
    const missing = unacknowledged(r.value.diff.plan.dangers ?? [], options.acknowledge);
    if (missing.length > 0) return [dangerousSettingsError(missing)];
    if (r.value.diff.plan.noop) return [];
    const foreign = await foreignVolumes(this.docker, r.value.diff.volumes);
    if (foreign) return [foreign];
    return execute(
      { ...this.opts, docker: this.docker, endpoint: this.endpoint, project: options.project, signal: options.signal, emit },
      r.value.desired,
      r.value.diff,
    );
  }

  /** Grace period before the engine kills a container being replaced or removed (the orchestrator uses it too). */
  get stopTimeoutSeconds(): number {
    return this.opts.stopTimeoutSeconds;
  }

  /** Whether an apply, destroy or orchestrator operation holds the project's lock (the supervisor stands aside). */
  isBusy(project: string): boolean {
    return this.lock.isBusy(project);
  }

  /** Calls `listener` each time an operation on a project ends; returns the unsubscribe. */
  onIdle(listener: (project: string) => void | Promise<void>): () => void {
    this.idleListeners.add(listener);
    return () => this.idleListeners.delete(listener);
  }

  destroy(project: string, options: DestroyOptions = {}): AsyncIterable<ProgressEvent> {
    return this.exclusive(project, (emit) =>
      destroyProject(
        { docker: this.docker, endpoint: this.endpoint, stopTimeoutSeconds: this.opts.stopTimeoutSeconds, signal: options.signal, emit },
        project,
        options.allVolumes ? 'all' : (options.volumes ?? []),
      ),
    );
  }

  async list(): Promise<Result<DeploymentSummary[]>> {
    try {
      const list = await this.docker.listContainers({ all: true, filters: { label: [`${LABEL.managed}=true`] } });
      const byProject = new Map<string, DeploymentSummary>();
      for (const c of list) {
        const project = c.Labels?.[LABEL.project];
        if (!project) continue;
        const s = byProject.get(project) ?? { project, services: [], containers: 0, running: 0 };
        const service = c.Labels?.[LABEL.blueprintService];
        if (service && !s.services.includes(service)) s.services.push(service);
        s.containers++;
        if (c.State === 'running') s.running++;
        s.updatedAt = Math.max(s.updatedAt ?? 0, c.Created * 1000);
        byProject.set(project, s);
      }
      return { ok: true, value: [...byProject.values()].sort((a, b) => a.project.localeCompare(b.project)) };
    } catch (e) {
      return { ok: false, error: toEngineError(e, this.endpoint, 'Listing deployments') };
    }
  }

  watch(project: string | undefined, signal: AbortSignal): AsyncIterable<StatusEvent> {
    return (this.streams.watch ?? watchStatus)(this.docker, project, signal);
  }

  logs(options: LogOptions): AsyncIterable<LogLine> {
    return (this.streams.logs ?? followLogs)(this.docker, options);
  }

  /** Validate, interpolate, map, observe, diff: everything plan and apply (and the orchestrator) share. */
  async reconcile(blueprint: Blueprint, options: DeployOptions): Promise<Result<{ desired: Desired; diff: Diff }>> {
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
    try {
      const builds = await prepareBuilds(blueprint, options.project, options.baseDir);
      if (!builds.ok) return builds;
      const desired = desiredState({ project: options.project, blueprint, baseDir: options.baseDir, builds: builds.value });
      if (!desired.ok) return desired;
      const [observed, images] = await Promise.all([observe(this.docker, options.project), localImages(this.docker, desired.value.images)]);
      const d = diff(desired.value, observed, images);
      d.plan.dangers = desiredDangers(desired.value, options.baseDir);
      return { ok: true, value: { desired: desired.value, diff: d } };
    } catch (e) {
      return { ok: false, error: toEngineError(e, this.endpoint, 'Reading the deployment') };
    }
  }

  /**
   * One apply or destroy per project at a time: a second gets BUSY at once (the shared
   * ProjectLock: work starts when called, events are buffered, the stream ends with `done`).
   */
  exclusive(project: string, work: LockedWork): AsyncIterable<ProgressEvent> {
    return this.lock.run(project, work);
  }

  /**
   * Listeners (the auto-healing supervisor) see the new state before the operation reports done:
   * a container removed right after a deploy is then known and healed (capped at 5 s).
   */
  private async idle(project: string): Promise<void> {
    const seen = Promise.all([...this.idleListeners].map((l) => Promise.resolve(l(project)).catch(() => undefined)));
    await Promise.race([seen, new Promise((r) => setTimeout(r, 5000))]);
  }
}

function describeEndpoint(docker: Docker): string {
  const m = docker.modem as unknown as { socketPath?: unknown; host?: string; port?: number; protocol?: string };
  if (typeof m.socketPath === 'string') return `unix://${m.socketPath}`;
  // docker-modem without options resolves the socket lazily (a function): DOCKER_HOST or the default.
  if (m.socketPath) return process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock';
  return `${m.protocol ?? 'http'}://${m.host ?? 'localhost'}${m.port ? `:${m.port}` : ''}`;
}

/**
 * The driver for the engine at `host`, else DOCKER_HOST, else the default socket
 * (/var/run/docker.sock; Podman users point DOCKER_HOST at podman.sock).
 */
export function createDockerDriver(config: { host?: string } & DockerDriverOptions = {}, streams: StreamFunctions = {}): DockerDriver {
  const { host, ...options } = config;
  return new DockerDriver(dockerOptions(host ?? process.env.DOCKER_HOST), options, streams);
}

export function dockerOptions(host: string | undefined): Docker.DockerOptions {
  if (!host) return { socketPath: '/var/run/docker.sock' };
  if (host.startsWith('unix://')) return { socketPath: host.slice('unix://'.length) };
  if (host.startsWith('/')) return { socketPath: host };
  const url = new URL(host.replace(/^tcp:/, 'http:'));
  return { host: url.hostname, port: url.port || 2375, protocol: url.protocol === 'https:' ? 'https' : 'http' };
}
