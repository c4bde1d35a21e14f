import { realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import type { Blueprint } from '@blaupause/model';
import { hasErrors, validate } from '@blaupause/model';
import { InterpolationError, interpolateBlueprint } from '../docker/interpolate';
import { ProjectLock } from '../lock';
import { dangerousSettingsError, unacknowledged } from '../policy/acknowledge';
import { kubernetesDangers } from '../policy/kubernetes';
import { checkProjectName } from '../project-name';
import type {
  DeploymentSummary,
  DeployOptions,
  DeployPlan,
  DestroyOptions,
  Driver,
  EngineInfo,
  LogLine,
  LogOptions,
  ProgressEvent,
  Result,
  StatusEvent,
} from '../types';
import { PodmanApi } from './api';
import { destroyProject } from './destroy';
import { diffPods, type PodmanDiff } from './diff';
import { PodmanFailure, toEngineError } from './errors';
import { execute } from './execute';
import { PLABEL } from './labels';
import { podmanLogs } from './logs';
import { compileForPodman, type KubeManifest } from './manifest';
import { imageExists, observePods, podExists, resourceLabels } from './observe';
import { watchPodman } from './status';

export const DEFAULT_PODMAN_SOCKET = '/run/podman/podman.sock';

export interface PodmanKubeDriverOptions {
  /** Unix socket of `podman system service` (a path or unix:// URL); default /run/podman/podman.sock. */
  socket?: string;
  /** Grace period before Podman kills a pod's containers being replaced or removed. */
  stopTimeoutSeconds?: number;
  /** How long an apply waits before checking the played pods for exits and crash loops. */
  settleMs?: number;
  /** Deadline of one pod's kube play, which waits for its init containers (link waits); default 5 min. */
  playTimeoutMs?: number;
}

/**
 * The `podman-kube` target (issue 6): compiles the blueprint with the compiler's Kubernetes target
 * and plays it on the local Podman through the libpod REST API (kube play), one pod per workload.
 * Constructed by the composition root and injected; nothing connects on import.
 */
export class PodmanKubeDriver implements Driver {
  readonly api: PodmanApi;
  private readonly lock: ProjectLock;
  private readonly stopTimeoutSeconds: number;
  private readonly settleMs: number;
  private readonly playTimeoutMs: number;

  constructor(options: PodmanKubeDriverOptions = {}) {
    this.api = new PodmanApi((options.socket ?? DEFAULT_PODMAN_SOCKET).replace(/^unix:\/\//, ''));
    this.lock = new ProjectLock({
      toError: (e) => (e instanceof PodmanFailure ? e.error : toEngineError(e, this.api.endpoint, 'Deploy')),
    });
    this.stopTimeoutSeconds = options.stopTimeoutSeconds ?? 10;
    this.settleMs = options.settleMs ?? 1000;
    this.playTimeoutMs = options.playTimeoutMs ?? 300_000;
  }

  async info(): Promise<Result<EngineInfo>> {
    try {
      const [v, i] = await Promise.all([
        this.api.get<{
          Version: string;
          ApiVersion: string;
          Os: string;
          Arch: string;
          Components?: { Details?: { APIVersion?: string } }[];
        }>('/version'),
        this.api.get<{ store?: { containerStore?: { running?: number } } }>('/info'),
      ]);
      const libpodApi = v.Components?.find((c) => c.Details?.APIVersion)?.Details?.APIVersion ?? v.ApiVersion;
      return {
        ok: true,
        value: {
          kind: 'podman',
          endpoint: this.api.endpoint,
          version: v.Version,
          apiVersion: libpodApi,
          os: v.Os,
          arch: v.Arch,
          containersRunning: i.store?.containerStore?.running ?? 0,
          swarm: false,
        },
      };
    } catch (e) {
      return { ok: false, error: toEngineError(e, this.api.endpoint, 'Reading Podman info') };
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
      const { diff, manifest } = r.value;
      emit({ kind: 'plan', plan: diff.plan });
      const missing = unacknowledged(diff.plan.dangers ?? [], options.acknowledge);
      if (missing.length > 0) return [dangerousSettingsError(missing)];
      if (diff.plan.noop) return [];
      const claims = new Map(manifest.volumes.map((v) => [v.name, v.claim]));
      return execute(
        {
          api: this.api,
          project: options.project,
          network: manifest.network,
          stopTimeoutSeconds: this.stopTimeoutSeconds,
          settleMs: this.settleMs,
          playTimeoutMs: this.playTimeoutMs,
          signal: options.signal,
          emit,
        },
        diff,
        claims,
      );
    });
  }

  destroy(project: string, options: DestroyOptions = {}): AsyncIterable<ProgressEvent> {
    const bad = checkProject(project);
    return this.lock.run(project, async (emit) =>
      bad ? [bad] : destroyProject({ api: this.api, stopTimeoutSeconds: this.stopTimeoutSeconds, emit }, project, options),
    );
  }

  async list(): Promise<Result<DeploymentSummary[]>> {
    try {
      const pods = await observePods(this.api, undefined);
      const byProject = new Map<string, DeploymentSummary>();
      for (const p of pods) {
        const project = p.labels[PLABEL.project];
        if (!project) continue;
        const s = byProject.get(project) ?? { project, services: [], containers: 0, running: 0 };
        const service = p.labels[PLABEL.service];
        if (service && !s.services.includes(service)) s.services.push(service);
        s.containers += p.containers.length;
        s.running += p.containers.filter((c) => c.status === 'running').length;
        byProject.set(project, s);
      }
      return { ok: true, value: [...byProject.values()].sort((a, b) => a.project.localeCompare(b.project)) };
    } catch (e) {
      return { ok: false, error: toEngineError(e, this.api.endpoint, 'Listing deployments') };
    }
  }

  watch(project: string | undefined, signal: AbortSignal): AsyncIterable<StatusEvent> {
    return watchPodman(this.api, project, signal);
  }

  logs(options: LogOptions): AsyncIterable<LogLine> {
    return podmanLogs(this.api, options);
  }

  /** Validate, interpolate, compile for Kubernetes, make it playable, observe, diff. */
  private async reconcile(blueprint: Blueprint, options: DeployOptions): Promise<Result<{ manifest: KubeManifest; diff: PodmanDiff }>> {
    const bad = checkProject(options.project);
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
    let bp: Blueprint;
    try {
      bp = interpolateBlueprint(blueprint);
    } catch (e) {
      if (!(e instanceof InterpolationError)) throw e;
      return { ok: false, error: { code: 'INVALID_BLUEPRINT', message: `Parameters: ${e.message}` } };
    }
    let manifest: KubeManifest;
    try {
      manifest = compileForPodman(bp, options.project, options.baseDir);
    } catch (e) {
      // A compiler failure is a bug, but it still comes back as data, naming the stage.
      return {
        ok: false,
        error: { code: 'INVALID_BLUEPRINT', message: `Compiling the blueprint for Kubernetes failed: ${(e as Error).message}` },
      };
    }
    const dangers = kubernetesDangers(manifest.objects, { baseDir: options.baseDir, homeDir: homedir(), realpath });
    try {
      const images = [...new Set(manifest.pods.flatMap((p) => p.containers.map((c) => c.image)))];
      const [observed, network, volumes, present] = await Promise.all([
        observePods(this.api, options.project),
        resourceLabels(this.api, 'networks', manifest.network),
        Promise.all(manifest.volumes.map(async (v) => [v.name, await resourceLabels(this.api, 'volumes', v.name)] as const)),
        Promise.all(images.map(async (i) => [i, await imageExists(this.api, i)] as const)),
      ]);
      const ours = new Set(observed.map((o) => o.name));
      const foreign = await Promise.all(
        manifest.pods.filter((p) => !ours.has(p.pod)).map(async (p) => ((await podExists(this.api, p.pod)) ? p.pod : '')),
      );
      const d = diffPods(options.project, manifest, observed, {
        network,
        volumes: new Map(volumes),
        images: new Map(present),
        foreignPods: new Set(foreign.filter(Boolean)),
      });
      if (!d.ok) return d;
      d.value.plan.dangers = dangers;
      return { ok: true, value: { manifest, diff: d.value } };
    } catch (e) {
      return { ok: false, error: toEngineError(e, this.api.endpoint, 'Reading the deployment') };
    }
  }
}

/** The pod names `<project>-<workload>` and the network `<project>_kube` must stay valid. */
const checkProject = (project: string) => checkProjectName(project, 40);

function realpath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/** The podman-kube driver for the service at `socket` (default /run/podman/podman.sock, or PODMAN_SOCKET). */
export function createPodmanKubeDriver(options: PodmanKubeDriverOptions = {}): PodmanKubeDriver {
  return new PodmanKubeDriver({ ...options, socket: options.socket ?? process.env.PODMAN_SOCKET ?? DEFAULT_PODMAN_SOCKET });
}
